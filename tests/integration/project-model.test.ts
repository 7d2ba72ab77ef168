// Starts one import away, through the real ESLint class on throwaway projects: a class whose
// constructor starts a process, instantiated by another module; wrappers and factories kept in the
// project's own modules; barrels, TypeScript `.js` specifiers, `#imports` and a workspace package.
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';

import { LIFETIME_MS } from '../../src/analysis/project/fs-cache.js';
import { findingsOf, loadBuiltPlugin, loadBuiltSummaryStats, tempProject, type TempProject } from './support.js';

const projects: TempProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

async function lint(
  files: Record<string, string>,
  {
    settings = {},
    links = {},
    typed = false,
    jsParser,
  }: { settings?: Record<string, unknown>; links?: Record<string, string>; typed?: boolean; jsParser?: Linter.Parser } = {},
): Promise<string[]> {
  const project = tempProject(files, typed ? ['typescript'] : []);
  projects.push(project);
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(project.dir, link)), { recursive: true });
    symlinkSync(path.join(project.dir, target), path.join(project.dir, link), 'dir');
  }
  const plugin = await loadBuiltPlugin();
  const configs: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser as Linter.Parser,
        ...(typed ? { parserOptions: { project: './tsconfig.json', tsconfigRootDir: project.dir } } : {}),
      },
    },
    ...(jsParser ? [{ files: ['**/*.js'], languageOptions: { parser: jsParser } }] : []),
    plugin.configs.all,
    { settings: { 'process-guard': settings } },
  ];
  const results = await new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configs }).lintFiles(['.']);
  return findingsOf(results, project.dir).map(({ file, line, ruleId, message }) => `${file}:${line} ${ruleId.replace('process-guard/', '')}: ${message}`);
}

// RealtimeSTT's shape: the engine's constructor starts its synthesis process.
const ENGINE = `import { fork } from 'node:child_process';
export class TtsEngine {
  constructor(model) {
    this.worker = fork(new URL('./synthesis.js', import.meta.url), [model]);
  }
}
`;
const ENGINE_FINDING = "src/engine.js:4 no-spawn-in-constructor: fork() starts a Node.js child process in `TtsEngine`'s constructor: move it to a method such as `initialize()`.";

describe('a class whose construction starts, used from another module', () => {
  it('reports the `new` at module load and in a constructor, not in a lazy accessor or an entry script', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module", "bin": "bin/speak.js" }',
      'src/engine.js': ENGINE,
      'src/port.js': `import { TtsEngine } from './engine.js';
export const engine = new TtsEngine('en');
export class AudioPort {
  constructor() {
    this.engine = new TtsEngine('de');
  }
}
let lazy;
export function getEngine() {
  return (lazy ??= new TtsEngine('fr'));
}
`,
      'bin/speak.js': "import { TtsEngine } from '../src/engine.js';\nnew TtsEngine(process.argv[2]);\n",
    });
    expect(findings).toEqual([
      ENGINE_FINDING,
      'src/port.js:2 no-top-level-spawn: `new TtsEngine()` starts a Node.js child process on import (fork() at ./engine.js:4): start it from a function the caller invokes.',
      "src/port.js:5 no-spawn-in-constructor: `new TtsEngine()` starts a Node.js child process (fork() at ./engine.js:4) in `AudioPort`'s constructor: move it to a method such as `initialize()`.",
    ]);
  });

  it('lints a module whose parser it cannot drive itself, with the same findings', async () => {
    // A parser wrapped by another package: not one the plugin can call without ESLint.
    const espree = createRequire(createRequire(import.meta.url).resolve('eslint'))('espree') as { parse: (text: string, options: unknown) => unknown };
    const jsParser = { parse: (text: string, options: unknown) => espree.parse(text, options) } as Linter.Parser;
    const findings = await lint(
      {
        'package.json': '{ "type": "module" }',
        'src/engine.js': ENGINE,
        'src/port.js': "import { TtsEngine } from './engine.js';\nexport const engine = new TtsEngine('en');\n",
      },
      { jsParser },
    );
    expect(findings.map((finding) => finding.split(': ')[0])).toEqual(['src/engine.js:4 no-spawn-in-constructor', 'src/port.js:2 no-top-level-spawn']);
  });

  it('names the start every call makes, not one behind a condition', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/config.js': `import { execFileSync, spawnSync } from 'node:child_process';
export function loadConfig(file) {
  if (file.endsWith('.gpg')) execFileSync('gpg', ['--decrypt', file]);
  return spawnSync('git', ['config', '--list']).stdout;
}
`,
      'src/session.js': "import { loadConfig } from './config.js';\nexport const config = loadConfig('.ncurc');\n",
    });
    expect(findings).toEqual([
      'src/session.js:2 no-top-level-spawn: `loadConfig()` starts a child process on import (spawnSync() at ./config.js:4): start it from a function the caller invokes.',
    ]);
  });

  it('does not report a call whose start runs only in one start context of its module', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/workers.js': `import cluster from 'node:cluster';
import { isMainThread, Worker } from 'node:worker_threads';
export function startWorkers() {
  if (cluster.isPrimary) cluster.fork();
}
export function spawnHelper() {
  if (!isMainThread) return;
  return new Worker(new URL('./helper.js', import.meta.url));
}
`,
      'src/app.js': "import { startWorkers, spawnHelper } from './workers.js';\nstartWorkers();\nexport const helper = spawnHelper();\n",
    });
    expect(findings).toEqual([]);
  });

  it('follows a barrel, a renamed re-export and a namespace import', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/engine.js': ENGINE,
      'src/index.js': "export * from './engine.js';\nexport { TtsEngine as Engine } from './engine.js';\n",
      'src/a.js': "import { TtsEngine } from './index.js';\nexport const a = new TtsEngine();\n",
      'src/b.js': "import * as engines from './index.js';\nexport const b = new engines.Engine();\n",
    });
    expect(findings.map((finding) => finding.split(': ')[0])).toEqual([
      'src/a.js:2 no-top-level-spawn',
      'src/b.js:2 no-top-level-spawn',
      'src/engine.js:4 no-spawn-in-constructor',
    ]);
  });
});

describe('wrappers and factories in the project’s own CommonJS modules', () => {
  const files = {
    'package.json': '{}',
    'lib/run.js': `const { spawn } = require('child_process');
module.exports = function run(cmd, args) {
  return spawn(cmd, args, { stdio: 'inherit' });
};
`,
    'lib/shell.js': `const { spawn } = require('child_process');
exports.sh = (cmd, args) => spawn(cmd, args, { shell: true });
`,
    'lib/pool.js': `const Piscina = require('piscina');
exports.createPool = () => new Piscina({ filename: require.resolve('./task.js') });
`,
    'lib/index.js': `const run = require('./run');
const { sh } = require('./shell');
const { createPool } = require('./pool');
const pool = createPool();
module.exports = {
  install: () => run('npm', ['install']),
  test: () => run('node', ['--test']),
  lint: () => sh('npx', ['eslint', '.']),
  pool,
};
`,
  };

  it('reports a shim passed to an imported wrapper and an eager pool from an imported factory', async () => {
    expect(await lint(files)).toEqual([
      'lib/index.js:4 no-top-level-spawn: `createPool()` starts a worker thread on import (new Piscina() at ./pool.js:2): start it from a function the caller invokes.',
      'lib/index.js:6 no-unportable-spawn: `npm` is a Windows `.cmd` shim: run() reaches spawn() at ./run.js:3 without a shell.',
    ]);
  });

  it('reads the guards and values around an imported call in a file that names no starter', async () => {
    const guarded = {
      ...files,
      'lib/index.js': `const path = require('path');
const run = require('./run');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (process.platform !== 'win32') run('npm', ['ci']);
module.exports = { install: () => run(npm, ['install']), bin: () => run(path.join(__dirname, 'node_modules', '.bin', 'tsc'), []) };
`,
    };
    // \`npm\` runs only off Windows (the guard at :4, the ternary at :3), \`npm.cmd\` without a shell on
    // it, and the .bin path is a shim: the file's index is built for these questions.
    expect(await lint(guarded)).toEqual([
      'lib/index.js:4 no-top-level-spawn: `run()` starts a child process on import (spawn() at ./run.js:3): start it from a function the caller invokes.',
      'lib/index.js:5 no-unportable-spawn: `npm.cmd` throws EINVAL on Windows: run() reaches spawn() at ./run.js:3 without a shell.',
      'lib/index.js:5 no-unportable-spawn: `…/node_modules/.bin/tsc` is a Windows `.cmd` shim: run() reaches spawn() at ./run.js:3 without a shell.',
    ]);
  });

  it('changes nothing with crossFile off', async () => {
    expect(await lint(files, { settings: { crossFile: false } })).toEqual([]);
  });

  it('takes a wrapper in a module named for Linux as Linux code, as its own file does', async () => {
    const linux = {
      'package.json': '{}',
      'lib/linux/run.js': files['lib/run.js'],
      'lib/index.js': `const run = require('./linux/run');\nmodule.exports = { install: () => run('npm', ['install']) };\n`,
    };
    expect(await lint(linux)).toEqual([]);
    expect(await lint(linux, { settings: { platformFileNames: false } })).toEqual([
      'lib/index.js:2 no-unportable-spawn: `npm` is a Windows `.cmd` shim: run() reaches spawn() at ./linux/run.js:3 without a shell.',
    ]);
  });
});

describe("a package script's path into node_modules", () => {
  const manifest = '{ "name": "repo", "private": true, "scripts": { "fix": "node scripts/fix.mjs" }, "devDependencies": { "nx": "21.0.0" } }';
  const fix = `import { spawnSync } from 'node:child_process';
spawnSync('node', ['./node_modules/.bin/nx', 'reset']);
`;

  // The package sits in a folder of the temporary project, whose own node_modules holds the linter.
  it('is unknown while nothing is installed there: install decides what it names', async () => {
    expect(await lint({ 'app/package.json': manifest, 'app/scripts/fix.mjs': fix })).toEqual([]);
  });

  it('is reported once node_modules is installed without it, as a path out of the tree is', async () => {
    const expected = ["app/scripts/fix.mjs:2 no-fragile-script-path: spawnSync() resolves `'./node_modules/.bin/nx'` from the working directory: build it from `import.meta.url`."];
    expect(await lint({ 'app/package.json': manifest, 'app/scripts/fix.mjs': fix, 'app/node_modules/.bin/vite': '' })).toEqual(expected);
    expect(await lint({ 'app/package.json': manifest, 'app/scripts/fix.mjs': fix.replace('./node_modules/.bin/nx', './tools/nx.mjs') })).toEqual([
      "app/scripts/fix.mjs:2 no-fragile-script-path: spawnSync() resolves `'./tools/nx.mjs'` from the working directory: build it from `import.meta.url`.",
    ]);
  });
});

describe('a module of an application its package imports only for its effect', () => {
  const certs = `const { spawnSync } = require('child_process');
const found = spawnSync('/usr/bin/security', ['find-certificate', '-a', '-p']).stdout.toString();
module.exports.all = () => found;
`;

  it('starts what its importers asked for when every one imports it bare', async () => {
    expect(
      await lint({ 'package.json': '{ "name": "app", "private": true }', 'src/certs.js': certs, 'src/server.js': "require('./certs');\nmodule.exports = () => 1;\n", 'src/main.mjs': "import './certs.js';\n" }),
    ).toEqual([]);
  });

  it('is reported where an importer takes a value from it, or in a library', async () => {
    const expected = ['src/certs.js:2 no-top-level-spawn: spawnSync() starts a child process on import: start it from a function the caller invokes.'];
    expect(await lint({ 'package.json': '{ "name": "app", "private": true }', 'src/certs.js': certs, 'src/server.js': "require('./certs');\n", 'src/main.js': "const { all } = require('./certs');\nmodule.exports = all;\n" })).toEqual(expected);
    expect(await lint({ 'package.json': '{ "name": "lib" }', 'src/certs.js': certs, 'src/server.js': "require('./certs');\n" })).toEqual(expected);
  });
});

describe('a module of an application that only the files its package starts load', () => {
  const release = `import { execSync } from 'node:child_process';
export const release = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
`;
  const app = '{ "name": "app", "private": true, "type": "module", "scripts": { "start": "node src/server.js" } }';
  const expected = ['src/release.js:2 no-top-level-spawn: execSync() starts a child process on import: start it from a function the caller invokes.'];

  it('loads as part of starting the application, directly or through its modules', async () => {
    expect(
      await lint({
        'package.json': app,
        'src/release.js': release,
        'src/server.js': "import { bridge } from './bridge.js';\nimport { release } from './release.js';\nbridge(release);\n",
        'src/bridge.js': "import { release } from './release.js';\nexport const bridge = (r) => r === release;\n",
      }),
    ).toEqual([]);
  });

  it('is reported where another chain reaches it: a test, a module nothing starts, or a library', async () => {
    const files = { 'package.json': app, 'src/release.js': release, 'src/server.js': "import { release } from './release.js';\nconsole.log(release);\n" };
    expect(await lint({ ...files, 'test/release.test.js': "import { release } from '../src/release.js';\nconsole.log(release);\n" })).toEqual(expected);
    expect(await lint({ ...files, 'src/unused.js': "export { release } from './release.js';\n" })).toEqual(expected);
    expect(await lint({ ...files, 'package.json': app.replace('"private": true, ', '') })).toEqual(expected);
  });
});

describe('a module of an application that no file of its package loads', () => {
  const certs = `const { spawnSync } = require('child_process');
const found = spawnSync('/usr/bin/security', ['find-certificate', '-a', '-p']).stdout.toString();
module.exports.all = () => found;
`;
  const expected = ['src/certs.js:2 no-top-level-spawn: spawnSync() starts a child process on import: start it from a function the caller invokes.'];

  it('is a program the application starts: a private package, a GitHub Action run with Node', async () => {
    expect(await lint({ 'package.json': '{ "name": "app", "private": true }', 'src/certs.js': certs })).toEqual([]);
    expect(await lint({ 'package.json': '{ "name": "my-action", "version": "1.0.0" }', 'action.yml': "name: x\nruns:\n  using: 'node20'\n  main: 'dist/index.js'\n", 'src/certs.js': certs })).toEqual([]);
  });

  it("is a program in a published package whose `files` leave it out: no user can import it", async () => {
    const published = '{ "name": "lib", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"] }';
    expect(await lint({ 'package.json': published, 'scripts/certs.js': certs })).toEqual([]);
    // The root of a workspace: every package below is read for its importers.
    const root = '{ "name": "lib", "version": "1.0.0", "main": "dist/index.js", "files": ["dist"], "workspaces": ["examples/*"] }';
    expect(await lint({ 'package.json': root, 'scripts/certs.js': certs, 'examples/demo/package.json': '{ "name": "demo", "private": true }' })).toEqual([]);
    // Reported twins: shipped, or loaded by a file of the workspace.
    expect(await lint({ 'package.json': '{ "name": "lib", "version": "1.0.0", "main": "dist/index.js", "files": ["dist", "scripts"] }', 'scripts/certs.js': certs })).toEqual(
      expected.map((line) => line.replace('src/', 'scripts/')),
    );
    expect(
      await lint({ 'package.json': root, 'scripts/certs.js': certs, 'examples/demo/package.json': '{ "name": "demo", "private": true }', 'examples/demo/index.js': "require('../../scripts/certs');\n" }),
    ).toEqual(expected.map((line) => line.replace('src/', 'scripts/')));
  });

  it("is part of the package's own scripts when only they load it: a build or release script's helper", async () => {
    const app = '{ "name": "app", "private": true, "scripts": { "build": "node scripts/build.mjs", "release": "node scripts/release.mjs" } }';
    const common = "import { execSync } from 'node:child_process';\nexport const gitHash = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();\n";
    const build = "import { gitHash } from './common.mjs';\nconsole.log(gitHash);\n";
    expect(await lint({ 'package.json': app, 'scripts/common.mjs': common, 'scripts/build.mjs': build, 'scripts/release.mjs': build })).toEqual([]);
    // Reported twins: a module of the package loads it too, or the script is a `bin` its users run.
    const reported = ["scripts/common.mjs:2 no-top-level-spawn: execSync() starts a child process on import: start it from a function the caller invokes."];
    expect(await lint({ 'package.json': app, 'scripts/common.mjs': common, 'scripts/build.mjs': build, 'src/version.mjs': build.replace('./common.mjs', '../scripts/common.mjs') })).toEqual(reported);
    const cli = '{ "name": "cli", "version": "1.0.0", "bin": { "cli": "scripts/build.mjs" }, "scripts": { "build": "node scripts/build.mjs" } }';
    expect(await lint({ 'package.json': cli, 'scripts/common.mjs': common, 'scripts/build.mjs': build })).toEqual(reported);
  });

  it('is a program in a package of a workspace when no other package names it and it is no entry point', async () => {
    const workspace = {
      'package.json': '{ "private": true, "workspaces": ["packages/*"] }',
      'packages/app/package.json': '{ "name": "app", "private": true, "main": "src/index.js" }',
      'packages/app/src/certs.js': certs,
    };
    expect(await lint(workspace)).toEqual([]);
    // Reported twins: another package loads it by path, or it is the package's entry point, which other packages import by name.
    const reported = expected.map((line) => `packages/app/${line}`);
    expect(await lint({ ...workspace, 'packages/web/package.json': '{ "name": "web", "private": true }', 'packages/web/index.js': "require('../app/src/certs');\n" })).toEqual(reported);
    expect(await lint({ ...workspace, 'packages/app/package.json': '{ "name": "app", "private": true, "main": "src/certs.js" }' })).toEqual(reported);
  });

  it('is a module in a library, in a workspace package another package names, or where a file may load it', async () => {
    expect(await lint({ 'package.json': '{ "name": "lib", "version": "1.0.0" }', 'src/certs.js': certs })).toEqual(expected);
    // An action run in a container, or a composite one, is not run with Node.
    expect(await lint({ 'package.json': '{ "name": "my-action", "version": "1.0.0" }', 'action.yml': "name: x\nruns:\n  using: 'docker'\n  image: 'Dockerfile'\n", 'src/certs.js': certs })).toEqual(expected);
    expect(await lint({ 'package.json': '{ "name": "app", "private": true }', 'src/certs.js': certs, 'src/load.js': "const path = require('path');\nmodule.exports = () => require(path.join(__dirname, 'certs'));\n" })).toEqual(expected);
  });
});

describe('a package whose "os" field leaves platforms out', () => {
  const daemon = `const { exec } = require('child_process');
exports.remove = (file, done) => exec('rm -f ' + file, done);
exports.owner = () => process.getuid();
`;

  it('is code for the platforms it installs on only', async () => {
    expect(await lint({ 'package.json': '{ "name": "mac-daemon", "os": ["darwin"] }', 'lib/daemon.js': daemon })).toEqual([]);
    expect(await lint({ 'package.json': '{ "name": "posix-daemon", "os": ["!win32"] }', 'lib/daemon.js': daemon })).toEqual([]);
  });

  it('is checked for every platform it lets in', async () => {
    const expected = [
      'lib/daemon.js:2 no-unportable-spawn: `rm` is not on Windows, not even in cmd.exe: exec() fails there. Use Node.js APIs.',
      'lib/daemon.js:3 no-unguarded-platform-api: `process.getuid()` throws on Windows: call `process.getuid?.()`.',
    ];
    expect(await lint({ 'package.json': '{ "name": "mac-daemon", "os": ["darwin", "win32"] }', 'lib/daemon.js': daemon })).toEqual(expected);
    expect(await lint({ 'package.json': '{ "name": "mac-daemon", "os": ["!darwin"] }', 'lib/daemon.js': daemon })).toEqual(expected);
    expect(await lint({ 'package.json': '{ "name": "mac-daemon" }', 'lib/daemon.js': daemon })).toEqual(expected);
  });
});

describe('a child process returned by an imported factory', () => {
  it('checks what is sent to it, with the serialization the factory chose', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/children.js': `import { fork } from 'node:child_process';
export function startRenderer() {
  const child = fork(new URL('./renderer.js', import.meta.url));
  return child;
}
export const startIndexer = () => fork(new URL('./indexer.js', import.meta.url), { serialization: 'advanced' });
`,
      'src/main.js': `import { startIndexer, startRenderer } from './children.js';
export function render(pages) {
  const renderer = startRenderer();
  renderer.send({ pages, seen: new Set(pages) });
  startIndexer().send({ seen: new Set(pages) });
}
`,
    });
    // The Set is lost over the renderer's JSON channel; the indexer's advanced channel keeps it.
    expect(findings.map((finding) => finding.split(': ')[0])).toEqual(['src/main.js:4 consistent-start-context']);
  });
});

describe('a message passed to an imported function that sends it', () => {
  it('checks the value at the call, with the channel of the module that sends it', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/client.js': `import { fork } from 'node:child_process';
const indexer = fork(new URL('./indexer.js', import.meta.url));
const post = (message) => indexer.send(message);
export function request(kind, payload) {
  post({ kind, payload });
}
export function forward(message) {
  post(message);
}
`,
      'src/main.js': `import { forward } from './client.js';
export function index(pages) {
  forward({ pages: [...pages] });
  forward({ seen: new Set(pages) });
}
`,
      'src/app.cjs': `const path = require('node:path');
module.exports = async function main() {
  const { forward } = await import('./client.js');
  forward(path.resolve('.'));
};
`,
    });
    // Plain data crosses; the Set does not survive the default JSON channel.
    expect(findings.filter((finding) => finding.includes(' consistent-start-context: '))).toEqual([
      'src/main.js:4 consistent-start-context: A `Set` sent with `indexer.send()` at ./client.js:3 through forward() arrives as `{}`: send plain data, or create the process with `serialization: \'advanced\'`.',
    ]);
  });
});

describe('a script path passed to an imported function that starts it', () => {
  it('checks the path at the call, with the working directory the module or the call sets', async () => {
    const findings = await lint({
      'package.json': '{}',
      'lib/jobs.js': `const { fork } = require('node:child_process');
const { Worker } = require('node:worker_threads');
exports.runJob = (file, options) => fork(file, [], options);
exports.runHere = (file) => fork(file, [], { cwd: __dirname });
exports.evaluate = (code) => new Worker(code, { eval: true });
`,
      'lib/index.js': `const path = require('node:path');
const { runJob, runHere, evaluate } = require('./jobs');
module.exports = {
  nightly: () => runJob('./jobs/nightly.js'),
  hourly: () => runJob('./jobs/hourly.js', { cwd: __dirname }),
  daily: () => runJob(path.join(__dirname, 'jobs/daily.js')),
  here: () => runHere('./jobs/here.js'),
  code: () => evaluate('process.exit(0)'),
};
`,
    });
    expect(findings.filter((finding) => finding.includes(' no-fragile-script-path: '))).toEqual([
      'lib/index.js:4 no-fragile-script-path: fork() at ./jobs.js:3 through runJob() resolves `\'./jobs/nightly.js\'` from the working directory: build it from `__dirname`.',
    ]);
  });
});

describe('a signal passed to an imported function that kills with it', () => {
  it('checks the signal at the call, with the guards of the module that sends it', async () => {
    const findings = await lint({
      'package.json': '{}',
      'lib/server.js': `const { spawn } = require('node:child_process');
const server = spawn(process.execPath, ['app.js']);
exports.signal = (name) => server.kill(name);
exports.signalOffWindows = (name) => { if (process.platform !== 'win32') server.kill(name); };
`,
      'lib/index.js': `const { signal, signalOffWindows } = require('./server');
module.exports = {
  reload: () => signal('SIGHUP'),
  stop: () => signal('SIGTERM'),
  rotate: () => signalOffWindows('SIGUSR2'),
  guarded: () => { try { signal('SIGUSR1'); } catch {} },
};
`,
    });
    expect(findings.filter((finding) => finding.includes(' no-unguarded-platform-api: '))).toEqual([
      'lib/index.js:3 no-unguarded-platform-api: subprocess.kill() at ./server.js:3 through signal() throws ENOSYS for `SIGHUP` on Windows: send SIGTERM or SIGKILL there.',
    ]);
  });
});

describe('resolution', () => {
  it('finds TypeScript sources named by .js specifiers and #imports', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module", "imports": { "#lib/*": "./src/lib/*.js" } }',
      'src/lib/exec.ts': "import { execFileSync } from 'node:child_process';\nexport function exec(file: string, args: string[]): Buffer {\n  return execFileSync(file, args);\n}\n",
      'src/build.ts': "import { exec } from './lib/exec.js';\nexport function build(): void {\n  exec('pnpm', ['build']);\n}\n",
      'src/clean.ts': "import { exec } from '#lib/exec';\nexport function clean(): void {\n  exec('rm', ['-rf', 'dist']);\n}\n",
    });
    expect(findings).toEqual([
      'src/build.ts:3 no-unportable-spawn: `pnpm` is a Windows `.cmd` shim: exec() reaches execFileSync() at ./lib/exec.ts:3 without a shell.',
      'src/clean.ts:3 no-unportable-spawn: `rm` does not exist on Windows: exec() reaches execFileSync() at ./lib/exec.ts:3 unguarded.',
    ]);
  });

  it('with type information, follows the TypeScript program’s path aliases', async () => {
    const findings = await lint(
      {
        'package.json': '{ "type": "module" }',
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
        'src/lib/pool.ts': "import { Worker } from 'node:worker_threads';\nexport const createWorker = (): Worker => new Worker(new URL('./task.js', import.meta.url));\n",
        'src/app.ts': "import { createWorker } from '@/lib/pool.js';\nexport const worker = createWorker();\n",
      },
      { typed: true },
    );
    expect(findings).toEqual([
      'src/app.ts:2 no-top-level-spawn: `createWorker()` starts a worker thread on import (new Worker() at ./lib/pool.ts:2): start it from a function the caller invokes.',
    ]);
  });

  it('follows a workspace package linked into node_modules to its sources', async () => {
    const findings = await lint(
      {
        'package.json': '{ "private": true, "workspaces": ["packages/*"] }',
        'packages/jobs/package.json': '{ "name": "@acme/jobs", "type": "module", "exports": { ".": "./src/index.js" } }',
        'packages/jobs/src/index.js': "import { Worker } from 'node:worker_threads';\nexport function startJobs() {\n  return new Worker(new URL('./job.js', import.meta.url));\n}\n",
        'packages/web/package.json': '{ "name": "web", "type": "module" }',
        'packages/web/src/server.js': "import { startJobs } from '@acme/jobs';\nexport const jobs = startJobs();\n",
      },
      { links: { 'node_modules/@acme/jobs': 'packages/jobs' } },
    );
    expect(findings).toEqual([
      'packages/web/src/server.js:2 no-top-level-spawn: `startJobs()` starts a worker thread on import (new Worker() at ../../jobs/src/index.js:3): start it from a function the caller invokes.',
    ]);
  });

  it('parses only the modules a question needs: not one whose imports start nothing, nor type-only imports', async () => {
    const stats = await loadBuiltSummaryStats();
    stats.resetModuleSummaries();
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/run.ts': "import { spawnSync } from 'node:child_process';\nexport interface RunOptions { cwd: string }\nexport function run(options: RunOptions) {\n  return spawnSync('git', ['status'], options);\n}\n",
      // Reaches run.ts only for a type: it cannot start anything.
      'src/config.ts': "import type { RunOptions } from './run.js';\nexport function defaults(): RunOptions {\n  return { cwd: '.' };\n}\n",
      'src/format.ts': 'export function format(text: string): string {\n  return text.trim();\n}\n',
      'src/app.ts': "import { defaults } from './config.js';\nimport { format } from './format.js';\nexport const options = defaults();\nexport const title = format(' x ');\n",
    });
    expect(findings).toEqual([]);
    expect(stats.moduleSummaryStats()).toMatchObject({ summarised: 0 });
  });

  it('ends on an import cycle and bounds a long chain of wrappers', async () => {
    const chain: Record<string, string> = {
      'package.json': '{ "type": "module" }',
      'src/m0.js': "import { spawn } from 'node:child_process';\nimport { f1 } from './m1.js';\nexport function f0() {\n  f1();\n  return spawn('node', ['x.js']);\n}\n",
      'src/n0.js': "import { spawn } from 'node:child_process';\nexport function g0() {\n  return spawn('node', ['x.js']);\n}\n",
    };
    for (let index = 1; index <= 12; index += 1) {
      if (index <= 6) chain[`src/m${index}.js`] = `import { f${index - 1} } from './m${index - 1}.js';\nexport function f${index}() {\n  return f${index - 1}();\n}\n`;
      chain[`src/n${index}.js`] = `import { g${index - 1} } from './n${index - 1}.js';\nexport function g${index}() {\n  return g${index - 1}();\n}\n`;
    }
    chain['src/app.js'] =
      "import { f1 } from './m1.js';\nimport { f6 } from './m6.js';\nimport { g12 } from './n12.js';\nexport const a = f1();\nexport const b = f6();\nexport const c = g12();\n";
    const findings = await lint(chain);
    // m1 imports m0, which imports m1 again: the cycle ends, and m0's own start is still known to m1.
    expect(findings.filter((finding) => finding.startsWith('src/app.js:4'))).toHaveLength(1);
    // Six modules down: each is parsed once, after the module it calls into.
    expect(findings.filter((finding) => finding.startsWith('src/app.js:5'))).toHaveLength(1);
    // Thirteen modules to parse for one call is beyond the bound: unknown, not reported.
    expect(findings.filter((finding) => finding.startsWith('src/app.js:6'))).toEqual([]);
  });

  it('sees a saved change to an imported module in a lint a moment later, as an editor lints', async () => {
    const project = tempProject(
      {
        'package.json': '{ "type": "module" }',
        'src/engine.js': 'export class TtsEngine {\n  constructor(model) {\n    this.model = model;\n  }\n}\n',
        'src/app.js': "import { TtsEngine } from './engine.js';\nexport const engine = new TtsEngine('en');\n",
      },
      [],
    );
    projects.push(project);
    const plugin = await loadBuiltPlugin();
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: [plugin.configs.all] });
    const lintApp = async () => findingsOf(await eslint.lintFiles(['src/app.js']), project.dir).map(({ file, line }) => `${file}:${line}`);
    expect(await lintApp()).toEqual([]);
    writeFileSync(path.join(project.dir, 'src/engine.js'), ENGINE);
    // A later modification time than the first text's, whatever the file system's resolution.
    utimesSync(path.join(project.dir, 'src/engine.js'), new Date(), new Date(Date.now() + 60_000));
    // The module's stamp is trusted for a moment (one lint asks about it for every importer), then read again.
    await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS + 50));
    expect(await lintApp()).toEqual(['src/app.js:2']);
  });

  it('changes nothing for an import it cannot resolve or parse, or an installed package', async () => {
    const findings = await lint(
      {
        'package.json': '{ "type": "module" }',
        'src/broken.js': "import { fork } from 'node:child_process';\nexport class Engine { constructor() { fork('x.js') ( }\n",
        'src/a.js': "import { Engine } from './missing.js';\nimport { Broken } from './broken.js';\nimport { start } from 'installed';\nexport const a = new Engine();\nexport const b = new Broken();\nexport const c = start();\n",
        'node_modules/installed/package.json': '{ "name": "installed", "main": "index.js" }',
        'node_modules/installed/index.js': "const { fork } = require('child_process');\nexports.start = () => fork('x.js');\n",
      },
      {},
    );
    expect(findings.filter((finding) => !finding.startsWith('src/broken.js'))).toEqual([]);
  });
});

// A cluster or fork helper in one module, called at load by the entry script: the child reruns the
// entry script, which calls the helper again.
const CLUSTER_HELPER = `import cluster from 'node:cluster';
import { fork } from 'node:child_process';
export function startWorkers() {
  for (let i = 0; i < 2; i += 1) cluster.fork();
}
export function startGuarded() {
  if (cluster.isPrimary) cluster.fork();
}
export function restart() {
  return fork(process.argv[1]);
}
`;

describe('a start that reruns the entry script, called from the entry script', () => {
  it('reports the unguarded call at load in an entry script, not a guarded call or a guarded helper', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module", "bin": { "serve": "bin/serve.js", "work": "bin/work.js" } }',
      'src/workers.js': CLUSTER_HELPER,
      'bin/serve.js': "import { startWorkers, restart } from '../src/workers.js';\nstartWorkers();\nrestart();\n",
      'bin/work.js': "import cluster from 'node:cluster';\nimport { startWorkers, startGuarded } from '../src/workers.js';\nif (cluster.isPrimary) startWorkers();\nstartGuarded();\n",
      'src/lib.js': "import { startWorkers } from './workers.js';\nstartWorkers();\nexport const ready = true;\n",
    });
    const selfSpawn = findings.filter((finding) => finding.includes('no-unguarded-self-spawn'));
    expect(selfSpawn).toEqual([
      'bin/serve.js:2 no-unguarded-self-spawn: `startWorkers()` reruns the entry script (cluster.fork() at ../src/workers.js:4) unguarded, and so does each copy: guard it with `cluster.isPrimary`.',
      'bin/serve.js:3 no-unguarded-self-spawn: `restart()` reruns the entry script (fork() at ../src/workers.js:10) unguarded, and so does each copy: guard it with `process.send === undefined`.',
    ]);
  });

  it('reports it in CommonJS and TypeScript entry scripts', async () => {
    const findings = await lint({
      'package.json': '{ "bin": { "a": "bin/a.js", "b": "bin/b.ts" } }',
      'lib/pool.js': "const cluster = require('cluster');\nfunction spread() { cluster.fork(); }\nmodule.exports = { spread };\n",
      'lib/pool-ts.ts': "import cluster from 'node:cluster';\nexport function spread(): void {\n  cluster.fork();\n}\n",
      'bin/a.js': "const { spread } = require('../lib/pool.js');\nspread();\n",
      'bin/b.ts': "import { spread } from '../lib/pool-ts.js';\nspread();\n",
    });
    expect(findings.filter((finding) => finding.includes('no-unguarded-self-spawn'))).toEqual([
      'bin/a.js:2 no-unguarded-self-spawn: `spread()` reruns the entry script (cluster.fork() at ../lib/pool.js:2) unguarded, and so does each copy: guard it with `cluster.isPrimary`.',
      'bin/b.ts:2 no-unguarded-self-spawn: `spread()` reruns the entry script (cluster.fork() at ../lib/pool-ts.ts:3) unguarded, and so does each copy: guard it with `cluster.isPrimary`.',
    ]);
  });
});

describe("an application's exported function, called by the modules of its package", () => {
  // A VS Code extension's shape: a helper module lists child processes with `ps`, and every caller
  // runs it off Windows, where the other branch uses `taskkill`.
  const COMMON = `import { exec } from 'node:child_process';
export function unixChildIds(pid) {
  return new Promise((resolve) => exec('ps -A -o ppid,pid', (_error, stdout) => resolve(stdout.split('\\n'))));
}
`;
  const PS_FINDING = /^src\/common\.js:3 no-unportable-spawn: /;
  const application = (importers: Record<string, string>, manifest = '{ "private": true, "type": "module" }') => lint({ 'package.json': manifest, 'src/common.js': COMMON, ...importers });
  const psFindings = (findings: string[]) => findings.filter((finding) => PS_FINDING.test(finding));

  it('stays silent when every importer calls it off Windows: named import, namespace import, destructured require', async () => {
    const findings = await application({
      'src/named.js': "import { unixChildIds } from './common.js';\nexport function stop(pid) {\n  if (process.platform !== 'win32') return unixChildIds(pid);\n}\n",
      'src/namespace.js': "import * as utils from './common.js';\nexport function tree(pid) {\n  if (process.platform === 'win32') return [];\n  return utils.unixChildIds(pid).then((ids) => ids);\n}\n",
      'src/required.cjs': "const { unixChildIds } = require('./common.js');\nexports.list = (pid) => (process.platform === 'win32' ? [] : unixChildIds(pid));\n",
    });
    expect(psFindings(findings)).toEqual([]);
  });

  it('reports it when one importer calls it unguarded, under a Windows test, or passes it as a value', async () => {
    const guarded = "import { unixChildIds } from './common.js';\nexport const stop = (pid) => (process.platform !== 'win32' ? unixChildIds(pid) : undefined);\n";
    for (const [file, importer] of [
      ['src/other.js', "import * as utils from './common.js';\nexport const tree = (pid) => utils.unixChildIds(pid);\n"],
      ['src/other.js', "import { unixChildIds } from './common.js';\nexport function tree(pid) {\n  if (process.platform === 'win32') return unixChildIds(pid);\n}\n"],
      ['src/other.cjs', "const { unixChildIds } = require('./common.js');\nexports.list = (pid) => (process.platform === 'win32' ? [] : [pid].map(unixChildIds));\n"],
      ['src/other.js', "import { unixChildIds } from './common.js';\nexport { unixChildIds as childIds };\n"],
    ] as const) {
      expect(psFindings(await application({ 'src/guarded.js': guarded, [file]: importer })), importer).toHaveLength(1);
    }
  });

  it('reports it in a library, whose importers are anyone', async () => {
    const findings = await application(
      { 'src/named.js': "import { unixChildIds } from './common.js';\nexport function stop(pid) {\n  if (process.platform !== 'win32') return unixChildIds(pid);\n}\n" },
      '{ "name": "tree-kill-lite", "version": "1.0.0", "type": "module" }',
    );
    expect(psFindings(findings)).toHaveLength(1);
  });

  it('reads TypeScript importers, for no-unguarded-platform-api too', async () => {
    const common = `import * as cp from 'child_process';
export async function getUnixChildProcessIds(pid: number): Promise<string[]> {
  return new Promise((resolve) => cp.exec('ps -A -o ppid,pid', (_error, stdout) => resolve(stdout.split('\\n'))));
}
export const ownerId = (): number => process.getuid();
`;
    const engine = (guard: string) => `import * as utils from '../common';
export function stop(pid: number): void {
  ${guard}{
    void utils.getUnixChildProcessIds(pid);
    console.log(utils.ownerId());
  }
}
`;
    const findingsWith = async (guard: string) =>
      (await lint({ 'package.json': '{ "name": "stdio-ext", "private": true, "engines": { "vscode": "^1.90.0" } }', 'src/common.ts': common, 'src/engines/stdioEngine.ts': engine(guard) })).filter((finding) => finding.startsWith('src/common.ts'));
    expect(await findingsWith("if (process.platform !== 'win32') ")).toEqual([]);
    expect((await findingsWith('')).map((finding) => finding.split(':')[1]?.split(' ')[1])).toEqual(['no-unportable-spawn', 'no-unguarded-platform-api']);
  });

  it('reports it when its own module also calls it unguarded', async () => {
    const findings = await lint({
      'package.json': '{ "private": true, "type": "module" }',
      'src/common.js': `${COMMON}export const all = () => unixChildIds(process.pid);\n`,
      'src/named.js': "import { unixChildIds } from './common.js';\nif (process.platform !== 'win32') unixChildIds(1);\n",
    });
    expect(psFindings(findings)).toHaveLength(1);
  });
});
