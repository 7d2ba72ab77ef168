/**
 * What the rules do with each note on a platform or environment difference in Node's documentation
 * of `process`, `os`, `fs`, `child_process`, `cluster`, `worker_threads`, `net`, `dgram`, `tty`,
 * `readline` and `module`: data only. The notes are read from `@types/node` per supported Node
 * major (scripts/lib/node-platform-notes.js); the signal notes of `doc/api/process.md`, which
 * `@types/node` does not carry, are listed here. scripts/platform-coverage.js turns both into
 * docs/platform-coverage.md, and tests/docs/platform-coverage.test.ts fails when a note has no
 * decision, a decision no note, or the page is stale.
 */

/** Where a note is handled: a catalog entry a rule reads, or the reason it is not. */
export type NoteHandling =
  | { readonly rule: string; readonly entry: string }
  | { readonly outOfScope: string };

export interface NoteDecision {
  readonly module: string;
  /** The API as the notes name it (`process.getuid`, `ChildProcess.kill`, `promises.lchmod`). */
  readonly api: string;
  /** A phrase of the note, when an API's notes are handled differently; else every note of the API. */
  readonly match?: string;
  /** The platforms or environments where the API differs. */
  readonly where: string;
  /** What happens there. */
  readonly happens: string;
  readonly handling: NoteHandling;
}

/** A note of `doc/api/<module>.md` that `@types/node` does not carry, with the majors that document it. */
export interface DocumentedNote {
  readonly module: string;
  readonly api: string;
  readonly majors: readonly number[];
  readonly text: string;
  readonly source: string;
}

const RULE = 'no-unguarded-platform-api';
const ALL_MAJORS = [20, 22, 24];
const SIGNAL_EVENTS = 'doc/api/process.md#signal-events';

/** The `Signal events` section of `doc/api/process.md`, in every supported major. */
export const DOCUMENTED_NOTES: readonly DocumentedNote[] = [
  { module: 'process', api: "process.on('SIGBREAK')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGBREAK' is delivered on Windows when Ctrl+Break is pressed." },
  { module: 'process', api: "process.on('SIGHUP')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGHUP' is generated on Windows when the console window is closed, and on other platforms under various similar conditions." },
  { module: 'process', api: "process.on('SIGINT')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGTERM' and 'SIGINT' have default handlers on non-Windows platforms that reset the terminal mode before exiting with code 128 + signal number." },
  { module: 'process', api: "process.on('SIGKILL')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGKILL' cannot have a listener installed, it will unconditionally terminate Node.js on all platforms." },
  { module: 'process', api: "process.on('SIGTERM')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGTERM' is not supported on Windows, it can be listened on." },
  { module: 'process', api: "process.on('SIGUSR1')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGUSR1' is reserved by Node.js to start the debugger." },
  { module: 'process', api: "process.on('SIGWINCH')", majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: "'SIGWINCH' is delivered when the console has been resized." },
  { module: 'process', api: 'process.kill', majors: ALL_MAJORS, source: SIGNAL_EVENTS, text: 'Windows does not support signals so has no equivalent to termination by signal, but Node.js offers some emulation with process.kill(), and subprocess.kill().' },
];

const VALUE = 'a different value or behaviour, no error: nothing to guard';

export const NOTE_DECISIONS: readonly NoteDecision[] = [
  // --- process ----------------------------------------------------------------------------------
  { module: 'process', api: 'process.env', where: 'Windows', happens: 'variable names are case-insensitive (case-sensitive in a Worker)', handling: { outOfScope: VALUE } },
  { module: 'process', api: 'process.execve', where: 'Windows, IBM i', happens: 'throws ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', handling: { rule: RULE, entry: 'PLATFORM_THROWING_CALLS' } },
  ...['getegid', 'geteuid', 'getgid', 'getgroups', 'getuid', 'initgroups', 'setegid', 'seteuid', 'setgid', 'setgroups', 'setuid'].map(
    (name): NoteDecision => ({
      module: 'process',
      api: `process.${name}`,
      match: 'only available on POSIX',
      where: 'Windows, Android',
      happens: 'undefined: a call throws TypeError, a named import fails to link',
      handling: { rule: RULE, entry: 'POSIX_PROCESS_MEMBERS' },
    }),
  ),
  { module: 'process', api: 'process.getgroups', match: 'unspecified', where: 'POSIX', happens: 'Node always includes the effective group ID', handling: { outOfScope: 'the same result on every platform' } },
  { module: 'process', api: 'process.kill', match: 'process group', where: 'Windows', happens: 'a negative pid (a process group) throws ESRCH', handling: { rule: RULE, entry: 'processGroupKill (a negative pid)' } },
  { module: 'process', api: 'process.kill', match: 'emulation', where: 'Windows', happens: 'only SIGINT, SIGTERM, SIGKILL and 0 can be sent; other signals throw ENOSYS', handling: { rule: RULE, entry: 'WINDOWS_KILL_SIGNALS' } },
  { module: 'process', api: "process.on('SIGBREAK')", where: 'all but Windows', happens: 'never delivered, and kill throws ERR_UNKNOWN_SIGNAL for it', handling: { rule: RULE, entry: 'WINDOWS_ONLY_SIGNALS' } },
  { module: 'process', api: "process.on('SIGHUP')", where: 'Windows', happens: 'delivered on console close, but kill cannot send it: re-raising it throws ENOSYS', handling: { rule: RULE, entry: 'WINDOWS_DELIVERED_SIGNALS' } },
  { module: 'process', api: "process.on('SIGWINCH')", where: 'Windows', happens: 'delivered only on some console writes; kill cannot send it', handling: { rule: RULE, entry: 'WINDOWS_DELIVERED_SIGNALS' } },
  { module: 'process', api: "process.on('SIGTERM')", where: 'Windows', happens: 'the listener never runs: a kill inside it is not reported', handling: { rule: RULE, entry: 'WINDOWS_DELIVERED_SIGNALS' } },
  { module: 'process', api: "process.on('SIGINT')", where: 'all but Windows', happens: 'a default handler resets the terminal mode', handling: { outOfScope: VALUE } },
  { module: 'process', api: "process.on('SIGKILL')", where: 'every platform', happens: 'installing a listener throws', handling: { outOfScope: 'fails on every platform: not a platform difference' } },
  { module: 'process', api: "process.on('SIGUSR1')", where: 'every platform', happens: 'reserved for the debugger', handling: { outOfScope: 'the same on every platform' } },
  { module: 'process', api: 'process.platform', where: 'every platform', happens: 'lists the values', handling: { outOfScope: 'the values the guards read (PLATFORMS): no API to guard' } },
  { module: 'process', api: 'process.title', where: 'Linux, macOS, Windows', happens: 'the length and where the label shows differ', handling: { outOfScope: VALUE } },
  // --- os ---------------------------------------------------------------------------------------
  { module: 'os', api: 'EOL', where: 'Windows', happens: '\\r\\n instead of \\n', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'cpus', where: 'Windows', happens: 'times.nice is 0', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'homedir', where: 'POSIX, Windows', happens: 'read from $HOME or USERPROFILE', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'loadavg', where: 'Windows', happens: 'always [0, 0, 0]', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'machine', where: 'POSIX', happens: 'read from uname(3)', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'release', where: 'POSIX', happens: 'read from uname(3)', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'version', where: 'POSIX', happens: 'read from uname(3)', handling: { outOfScope: VALUE } },
  { module: 'os', api: 'platform', where: 'every platform', happens: 'lists the values', handling: { outOfScope: 'the values the guards read (PLATFORMS): no API to guard' } },
  { module: 'os', api: 'type', where: 'every platform', happens: 'lists the values', handling: { outOfScope: 'the values the guards read (OS_TYPE_PLATFORMS): no API to guard' } },
  { module: 'os', api: 'setPriority', where: 'Windows', happens: 'PRIORITY_HIGHEST needs elevated privileges (raising priority needs root on POSIX too)', handling: { outOfScope: 'needs privileges on every platform: not a platform difference' } },
  { module: 'os', api: 'userInfo', match: 'SystemError', where: 'a user without a name or home directory (a container under an arbitrary uid, some CI)', happens: 'throws a SystemError; the API exists, so a presence test proves nothing', handling: { rule: RULE, entry: 'ENVIRONMENT_THROWING_CALLS (at load or in a constructor)' } },
  { module: 'os', api: 'userInfo', match: 'password file', where: 'POSIX', happens: 'read from the password file', handling: { outOfScope: VALUE } },
  // --- fs ---------------------------------------------------------------------------------------
  { module: 'fs', api: 'access', where: 'Windows', happens: 'ACLs may deny access the mode bits allow', handling: { outOfScope: 'an error of the file, reported by the call on every platform' } },
  { module: 'fs', api: 'constants.O_NOATIME', where: 'all but Linux', happens: 'undefined: the flag is left out', handling: { outOfScope: 'a missing flag ORed into the flags is ignored: no error' } },
  { module: 'fs', api: 'constants.UV_FS_O_FILEMAP', where: 'all but Windows', happens: 'undefined: the flag is left out', handling: { outOfScope: 'a missing flag ORed into the flags is ignored: no error' } },
  ...['lchmod', 'lchmodSync'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'all but macOS', happens: 'undefined: a call throws TypeError', handling: { rule: RULE, entry: 'MACOS_FS_MEMBERS' } }),
  ),
  { module: 'fs', api: 'promises.lchmod', where: 'all but macOS', happens: 'rejects with ERR_METHOD_NOT_IMPLEMENTED', handling: { rule: RULE, entry: 'MACOS_FS_MEMBERS (the promise form)' } },
  { module: 'fs', api: 'mkdir', where: 'Windows', happens: 'fails on a drive root even with recursive', handling: { outOfScope: 'depends on the path (a drive root), which the analysis cannot know' } },
  ...['mkdtemp', 'promises.mkdtemp'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'every platform', happens: 'the prefix needs the platform path separator to create inside a folder', handling: { outOfScope: 'a path built with path.sep or path.join works everywhere: a value, no error' } }),
  ),
  { module: 'fs', api: 'open', match: 'write permission', where: 'Windows', happens: 'only the write bit of the mode is used', handling: { outOfScope: VALUE } },
  ...['open', 'promises.open'].map(
    (api): NoteDecision => ({ module: 'fs', api, match: 'reserved under Windows', where: 'Windows', happens: 'names with < > : " / \\ | ? * are rejected', handling: { outOfScope: 'depends on the path, which the analysis cannot know' } }),
  ),
  ...['write', 'writev', 'promises.FileHandle.write', 'promises.FileHandle.writev'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'Linux', happens: 'the position is ignored in append mode', handling: { outOfScope: VALUE } }),
  ),
  ...['readFile', 'readFileSync', 'promises.readFile'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'FreeBSD', happens: 'a directory is read instead of failing with EISDIR', handling: { outOfScope: 'fails on the common platforms: reading a directory is a bug everywhere' } }),
  ),
  ...['realpath.native', 'promises.realpath'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'Linux with musl libc and no /proc', happens: 'fails', handling: { outOfScope: 'an error the call reports like any other I/O error: callers handle it' } }),
  ),
  ...['rmdir', 'rmdirSync', 'promises.rmdir'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'Windows, POSIX', happens: 'on a file: ENOENT on Windows, ENOTDIR on POSIX', handling: { outOfScope: 'fails on every platform: only the error code differs' } }),
  ),
  ...['symlink', 'promises.symlink'].map(
    (api): NoteDecision => ({ module: 'fs', api, where: 'all but Windows', happens: 'the type argument is ignored', handling: { outOfScope: 'a documented no-op off Windows' } }),
  ),
  // --- child_process, cluster, worker_threads -------------------------------------------------------
  { module: 'child_process', api: 'ChildProcess.exitCode', where: 'POSIX', happens: 'how to read a POSIX exit code from a signal', handling: { outOfScope: VALUE } },
  { module: 'child_process', api: 'ChildProcess.kill', match: 'On Linux', where: 'Linux', happens: 'grandchildren are not killed with their parent', handling: { outOfScope: 'the same on every platform but documented for Linux: a process tree needs a tree kill' } },
  { module: 'child_process', api: 'ChildProcess.kill', match: 'On Windows', where: 'Windows', happens: 'the process is killed outright; signals other than SIGINT, SIGTERM, SIGKILL throw ENOSYS', handling: { rule: RULE, entry: 'WINDOWS_KILL_SIGNALS' } },
  { module: 'child_process', api: 'ChildProcess.send', where: 'Windows', happens: 'sending an IPC (pipe) socket handle is not supported', handling: { outOfScope: 'whether a handle is a pipe socket is not visible at the call' } },
  { module: 'child_process', api: 'spawn', where: 'Windows, SunOS', happens: 'the process title is the command, not argv0', handling: { outOfScope: VALUE } },
  { module: 'cluster', api: 'Cluster.schedulingPolicy', where: 'Windows', happens: 'SCHED_NONE is the default', handling: { outOfScope: VALUE } },
  { module: 'cluster', api: 'ClusterSettings.windowsHide', where: 'all but Windows', happens: 'the option is ignored', handling: { outOfScope: 'a documented no-op off Windows' } },
  { module: 'worker_threads', api: 'Worker', where: 'Windows', happens: "a Worker's copy of the environment is case-sensitive", handling: { outOfScope: VALUE } },
  // --- net, dgram, tty --------------------------------------------------------------------------------
  { module: 'net', api: 'BoundSocket.fd', where: 'Windows', happens: 'no file descriptor is exposed', handling: { outOfScope: VALUE } },
  { module: 'net', api: 'BoundSocketOptions.reusePort', where: 'platforms without SO_REUSEPORT', happens: 'support is platform-dependent', handling: { outOfScope: 'an option of listen(), whose failure is the server’s error event: not read by the analysis' } },
  { module: 'net', api: 'Server.listen', where: 'Linux', happens: 'the backlog is capped by sysctl settings', handling: { outOfScope: VALUE } },
  { module: 'net', api: 'Socket', where: 'Windows', happens: 'IPC uses named pipes (\\\\.\\pipe\\…), not Unix domain sockets', handling: { outOfScope: 'a pipe path is a run-time string; the analysis does not read socket paths' } },
  ...['Socket.getTypeOfService', 'Socket.setTypeOfService'].map(
    (api): NoteDecision => ({ module: 'net', api, where: 'some platforms (Linux)', happens: 'TOS/ECN bits may be masked', handling: { outOfScope: VALUE } }),
  ),
  { module: 'dgram', api: 'Socket.setMulticastInterface', where: 'Windows', happens: 'the scope is an interface number, not a name', handling: { outOfScope: VALUE } },
  { module: 'tty', api: 'ReadStream.setRawMode', where: 'Unix terminals', happens: 'output processing (newline translation) is unchanged', handling: { outOfScope: VALUE } },
];
