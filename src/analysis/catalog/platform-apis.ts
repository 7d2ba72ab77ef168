/**
 * Platform-specific APIs, programs, signals and the words that name platforms: data only.
 */
import { COMMAND_LINE_PARSERS } from './start-contexts.js';

/** POSIX-only members of `process`: absent on Windows (and Android). */
export const POSIX_PROCESS_MEMBERS: ReadonlySet<string> = new Set([
  'getuid',
  'geteuid',
  'getgid',
  'getegid',
  'getgroups',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
]);

/** `fs` members implemented only on macOS. */
export const MACOS_FS_MEMBERS: ReadonlySet<string> = new Set(['lchmod', 'lchmodSync']);

/**
 * Platform tests that packages export, each as its documentation defines it: std-env's `isWindows`,
 * `isLinux` and `isMacOS` (`/^win/i`, `/^linux/i`, `/^darwin/i` tests of `process.platform`),
 * os-family's `win`, `linux` and `mac`, is-windows' function (`isWindows()`), and the `Platform`
 * object of Obsidian's plugin API (`Platform.isWin`, `isMacOS`, `isLinux`: the device the app runs
 * on; Node.js code runs only in its desktop app). `called`: the member is a function whose result
 * is the test.
 */
export const PLATFORM_FLAG_EXPORTS: readonly { readonly module: string; readonly path: readonly string[]; readonly called?: true; readonly platforms: readonly Platform[] }[] = [
  { module: 'std-env', path: ['isWindows'], platforms: ['win32'] },
  { module: 'std-env', path: ['isLinux'], platforms: ['linux'] },
  { module: 'std-env', path: ['isMacOS'], platforms: ['darwin'] },
  { module: 'os-family', path: ['win'], platforms: ['win32'] },
  { module: 'os-family', path: ['linux'], platforms: ['linux'] },
  { module: 'os-family', path: ['mac'], platforms: ['darwin'] },
  { module: 'is-windows', path: [], called: true, platforms: ['win32'] },
  { module: 'obsidian', path: ['Platform', 'isWin'], platforms: ['win32'] },
  { module: 'obsidian', path: ['Platform', 'isMacOS'], platforms: ['darwin'] },
  { module: 'obsidian', path: ['Platform', 'isLinux'], platforms: ['linux'] },
];

/** Packages that install or load on one OS only (optionalDependencies with an `os` field). */
export const PLATFORM_ONLY_PACKAGES: ReadonlyMap<string, Platform> = new Map([['fsevents', 'darwin']]);

/** Signals `process.kill()`/`subprocess.kill()` can send on Windows; every other one fails there. */
export const WINDOWS_KILL_SIGNALS: ReadonlySet<string> = new Set(['SIGINT', 'SIGTERM', 'SIGKILL']);

/** Signals that exist only on Windows: `kill` throws ERR_UNKNOWN_SIGNAL for them elsewhere. */
export const WINDOWS_ONLY_SIGNALS: ReadonlySet<string> = new Set(['SIGBREAK']);

/**
 * The signals Windows delivers to `process.on()` listeners (console close, Ctrl+C, Ctrl+Break, a
 * resize): a listener of any other signal never runs there. Of these, `kill` cannot send SIGHUP and
 * SIGWINCH on Windows.
 */
export const WINDOWS_DELIVERED_SIGNALS: ReadonlySet<string> = new Set(['SIGINT', 'SIGBREAK', 'SIGHUP', 'SIGWINCH']);

/**
 * APIs that exist on every platform and throw on some, by module and member (`refKey`): a presence
 * test proves nothing; a platform guard or a catch does. `process.execve` (Node 22.15, 23.11) throws
 * ERR_FEATURE_UNAVAILABLE_ON_PLATFORM on Windows (and IBM i).
 */
export const PLATFORM_THROWING_CALLS: ReadonlyMap<string, readonly Platform[]> = new Map([['process:execve', ['win32']]]);

/**
 * APIs that throw, on any platform, where the environment lacks what they read, by module and
 * member, with the condition: a call while the module loads or an object is constructed fails the
 * import or the `new` unless it is caught. A presence test proves nothing: the API exists everywhere.
 */
export const ENVIRONMENT_THROWING_CALLS: ReadonlyMap<string, string> = new Map([
  // uv_os_get_passwd: a uid without a passwd entry (a container run under an arbitrary uid, some CI).
  ['os:userInfo', 'the user has no name or home directory'],
]);

/**
 * Package-manager commands that Windows installs as `.cmd` shims: `spawn` without a shell does not
 * find the bare name there (ENOENT) and refuses the `.cmd` file itself (EINVAL, CVE-2024-27980).
 */
export const WINDOWS_SHIMS: ReadonlySet<string> = new Set(['npm', 'npx', 'pnpm', 'pnpx', 'yarn', 'yarnpkg', 'corepack']);

/** Programs every POSIX system has and Windows does not. */
export const POSIX_ONLY_PROGRAMS: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'zsh',
  'rm',
  'cp',
  'mv',
  'ls',
  'cat',
  'grep',
  'sed',
  'which',
  // the POSIX shell's builtin (`command -v x`); cmd.exe has none
  'command',
  'chmod',
  'chown',
  'ln',
  'kill',
  'pkill',
  'ps',
  'touch',
  'wc',
  'head',
  'tail',
  'awk',
  'xargs',
  'uname',
  'pgrep',
  'lsof',
  'readlink',
]);

/** `process.platform` values. */
export const PLATFORMS = [
  'aix',
  'android',
  'cygwin',
  'darwin',
  'freebsd',
  'haiku',
  'linux',
  'netbsd',
  'openbsd',
  'sunos',
  'win32',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What `os.type()` returns on each platform it distinguishes. */
export const OS_TYPE_PLATFORMS: ReadonlyMap<string, Platform> = new Map([
  ['Windows_NT', 'win32'],
  ['Darwin', 'darwin'],
  ['Linux', 'linux'],
  ['FreeBSD', 'freebsd'],
  ['OpenBSD', 'openbsd'],
  ['NetBSD', 'netbsd'],
  ['SunOS', 'sunos'],
  ['AIX', 'aix'],
]);

const NOT_WINDOWS: readonly Platform[] = PLATFORMS.filter((platform) => platform !== 'win32');

/**
 * Words of a file's path that name the platforms its code is written for, like Go's `_linux.go`
 * files: `linux-installer.ts`, `test/linux/…`, `MacUpdater.ts` (file-model.ts splits the path into
 * words). `linux` includes Android, a Linux whose Node reports `android` (Go's `_linux.go` files
 * build for Android too); `unix` and `posix` are every platform but Windows. Windows is left out on
 * purpose: a `win.ts` as often builds the Windows installer on a Linux host (see
 * WINDOWS_PATH_WORDS).
 */
export const PLATFORM_PATH_WORDS: ReadonlyMap<string, readonly Platform[]> = new Map([
  ['linux', ['linux', 'android']],
  ['darwin', ['darwin']],
  ['mac', ['darwin']],
  ['macos', ['darwin']],
  ['osx', ['darwin']],
  ['unix', NOT_WINDOWS],
  ['posix', NOT_WINDOWS],
  ['freebsd', ['freebsd']],
  ['openbsd', ['openbsd']],
  ['sunos', ['sunos']],
  ['aix', ['aix']],
]);

/** Words that name Windows: a path with one of them says nothing about the platform (`linux-to-win.ts`). */
export const WINDOWS_PATH_WORDS: ReadonlySet<string> = new Set(['win', 'windows', 'wsl']);

/**
 * Columns of a table whose `false` rules a row out on these platforms (`{ cmd: 'x', windows: false }`),
 * by lower-case name.
 */
export const PLATFORM_COLUMNS: ReadonlyMap<string, readonly Platform[]> = new Map([
  ['windows', ['win32']],
  ['win32', ['win32']],
  ['linux', ['linux']],
  ['darwin', ['darwin']],
  ['macos', ['darwin']],
  ['mac', ['darwin']],
]);

/** Words of a CI runner's name and the platform it runs (`ubuntu-latest`, `macos-14`, `windows-2022`). */
export const CI_RUNNER_WORDS: readonly (readonly [RegExp, Platform])[] = [
  [/\b(?:ubuntu|linux)\b/i, 'linux'],
  [/\b(?:macos|osx)\b/i, 'darwin'],
  [/\bwindows\b/i, 'win32'],
];

/** Scripts npm runs by itself (`npm install` runs `prepare`), wherever a developer works. */
export const NPM_LIFECYCLE_SCRIPTS: ReadonlySet<string> = new Set([
  'install',
  'prepare',
  'prepublish',
  'prepublishOnly',
  'prepack',
  'postpack',
  'publish',
  'version',
  'dependencies',
  'start',
  'restart',
  'stop',
  'test',
]);

/**
 * Scripts npm runs on its users' machines: on install (`postinstall`), and an application's
 * `npm start`. A file they run is shipped, wherever its project's CI runs.
 */
export const USER_RUN_SCRIPTS: ReadonlySet<string> = new Set(
  ['install', 'start', 'stop', 'restart'].flatMap((name) => [name, `pre${name}`, `post${name}`]),
);

/** A platform word followed by one of these means something else: `getMacAddress.ts` is about networks. */
export const NOT_PLATFORM_PHRASES: ReadonlyMap<string, ReadonlySet<string>> = new Map([['mac', new Set(['address', 'addr'])]]);

/**
 * The support modules whose use alone the rules never report: they matter only around a starter or
 * a platform-specific API (a guard on `process.platform`, a script path from `path.join`).
 */
export const VALUE_ONLY_MODULES: ReadonlySet<string> = new Set([
  'os', 'process', 'path', 'url', 'module', 'util', 'fs', 'fs/promises',
  ...PLATFORM_FLAG_EXPORTS.map((flag) => flag.module),
  ...COMMAND_LINE_PARSERS.map((parser) => parser.module),
]);

/**
 * Modules whose references the analysis follows besides the starters' modules: the start contexts
 * (`worker_threads`, `cluster`), then guards (`os`, `process`), values (`path`, `url`, `module`),
 * `util.promisify` and the platform-only APIs (`fs`), the packages that export platform tests, and
 * the command-line parsers whose results are markers.
 */
export const SUPPORT_MODULES: readonly string[] = ['worker_threads', 'cluster', ...VALUE_ONLY_MODULES];

/**
 * Members whose use is a hazard with no starter in the file: POSIX-only and macOS-only APIs, APIs
 * that throw on some platforms or environments, signals, IPC.
 */
export const HAZARD_MEMBERS: readonly string[] = [
  ...POSIX_PROCESS_MEMBERS,
  ...MACOS_FS_MEMBERS,
  ...[...PLATFORM_THROWING_CALLS.keys(), ...ENVIRONMENT_THROWING_CALLS.keys()].map((key) => key.slice(key.indexOf(':') + 1)),
  'kill',
  'send',
];

/** Node.js built-in module ids the `node:` prefix may be stripped from. */
export function stripNodePrefix(id: string): string {
  return id.startsWith('node:') ? id.slice(5) : id;
}
