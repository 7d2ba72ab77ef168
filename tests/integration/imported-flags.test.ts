// A platform flag one import away, through the real ESLint class on throwaway projects: the guarded
// calls are not reported, the unguarded ones are, and an import that cannot be read changes nothing.
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';

import { findingsOf, loadBuiltPlugin, tempProject, type TempProject } from './support.js';

const projects: TempProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

async function lint(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<string[]> {
  const project = tempProject(files, []);
  projects.push(project);
  const plugin = await loadBuiltPlugin();
  const configs: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    plugin.configs.all,
    { settings: { 'process-guard': settings } },
  ];
  const results = await new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configs }).lintFiles(['.']);
  return findingsOf(results, project.dir).map(({ file, line, ruleId }) => `${file}:${line} ${ruleId.replace('process-guard/', '')}`);
}

const KILL = `export function stop(child) {
  if (IS_WINDOWS) child.kill();
  else process.kill(-child.pid, 'SIGINT');
  process.geteuid();
}
`;

describe('platform flags imported from the project', () => {
  it('follows an ES module export', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/util/windows.js': "export const IS_WINDOWS = process.platform === 'win32';\n",
      'src/kill.js': `import { IS_WINDOWS } from './util/windows.js';\n${KILL}`,
    });
    expect(findings).toEqual(['src/kill.js:5 no-unguarded-platform-api']);
  });

  it('follows CommonJS exports through a module object and a destructured require', async () => {
    const findings = await lint({
      'package.json': '{}',
      // nodemon's shape: the flag in an object assigned to module.exports
      'lib/utils.js': "var utils = (module.exports = { isWindows: process.platform === 'win32' });\n",
      'lib/run.js': `var utils = require('./utils');
const { isWindows } = require('./utils');
const { exec, spawn } = require('child_process');
module.exports = function run(pid) {
  let sh = 'sh';
  if (utils.isWindows) sh = 'cmd';
  spawn(sh, ['-c', 'x']);
  if (!isWindows) exec(\`kill -9 \${pid}\`);
  exec('rm -rf build');
};
`,
    });
    expect(findings).toEqual(['lib/run.js:9 no-unportable-spawn']);
  });

  it('finds a TypeScript source named by a .js specifier, and a negated flag', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/platform.ts': "import os from 'node:os';\nconst IS_WINDOWS = os.platform() === 'win32';\nexport { IS_WINDOWS };\nexport const IS_POSIX = !IS_WINDOWS;\n",
      'src/creds.ts': "import { IS_POSIX } from './platform.js';\nexport const uid = IS_POSIX ? process.getuid() : 0;\nexport const gid = process.getgid();\n",
    });
    expect(findings).toEqual(['src/creds.ts:3 no-unguarded-platform-api']);
  });

  it('follows a function the module exports that returns a platform test, called without arguments', async () => {
    const findings = await lint({
      'package.json': '{ "type": "module" }',
      'src/os.js': `export function isWindows() {
  return process.platform === 'win32';
}
export const isMac = () => /^darwin/.test(process.platform);
export function isTarget(platform) {
  return platform === 'win32';
}
`,
      'src/run.js': `import { isWindows, isMac, isTarget } from './os.js';
import * as os from './os.js';
export const uid = isWindows() ? 0 : process.getuid();
export const gid = os.isWindows() ? 0 : process.getgid();
export const mac = () => isMac() && process.getegid();
export const target = (platform) => (isTarget(platform) ? 0 : process.geteuid());
export const cross = () => (isWindows('linux') ? 0 : process.getgroups());
`,
      'lib/package.json': '{}',
      'lib/is-win.js': `function test(platform) {
  return /^win/.test(platform);
}
const current = test(process.platform);
module.exports = function isWin(platform) {
  if (platform) return test(platform);
  return current;
};
`,
      'lib/flags.js': `function outer(platform) {
  return inner(platform);
}
function inner(value) {
  return value === 'win32';
}
exports.IS_WINDOWS = outer(process.platform);
exports.IS_ARM = outer(process.arch);
`,
      'lib/run.js': `const isWin = require('./is-win')();
const target = require('./is-win')('linux');
const { IS_WINDOWS, IS_ARM } = require('./flags');
exports.uid = isWin ? 0 : process.getuid();
exports.gid = target ? 0 : process.getgid();
exports.euid = IS_WINDOWS ? 0 : process.geteuid();
exports.egid = IS_ARM ? 0 : process.getegid();
`,
    });
    // a call with an argument is not the function's no-argument answer; `process.arch` is no platform
    expect(findings).toEqual(['lib/run.js:5 no-unguarded-platform-api', 'lib/run.js:7 no-unguarded-platform-api', 'src/run.js:6 no-unguarded-platform-api', 'src/run.js:7 no-unguarded-platform-api']);
  });

  it('does not follow a module variable that is assigned again', async () => {
    const findings = await lint({
      'package.json': '{}',
      'lib/utils.js': "module.exports = { isWindows: process.platform === 'win32' };\n",
      'lib/run.js': `let utils = require('./utils');
if (process.env.MOCK) utils = { isWindows: true };
module.exports = () => (utils.isWindows ? 0 : process.getuid());
`,
    });
    expect(findings).toEqual(['lib/run.js:3 no-unguarded-platform-api']);
  });

  it('changes nothing for an import it cannot read, a flag that is not a platform test, or with crossFile off', async () => {
    const files = {
      'package.json': '{ "type": "module" }',
      'src/flags.js': "export const IS_WINDOWS = process.env.FORCE === '1';\n",
      'src/a.js': `import { IS_WINDOWS } from './missing.js';\n${KILL}`,
      'src/b.js': `import { IS_WINDOWS } from './flags.js';\n${KILL}`,
      'src/c.js': "import { IS_WINDOWS } from './broken.js';\nexport const uid = IS_WINDOWS ? 0 : process.getuid();\n",
      'src/broken.js': 'export const IS_WINDOWS = (;\n',
    };
    const unguarded = ['src/a.js:4 no-unguarded-platform-api', 'src/a.js:5 no-unguarded-platform-api', 'src/b.js:4 no-unguarded-platform-api', 'src/b.js:5 no-unguarded-platform-api'];
    expect((await lint(files)).filter((finding) => !finding.startsWith('src/broken.js'))).toEqual([...unguarded, 'src/c.js:2 no-unguarded-platform-api']);
    const guarded = {
      'package.json': '{ "type": "module" }',
      'src/util/windows.js': "export const IS_WINDOWS = process.platform === 'win32';\n",
      'src/kill.js': `import { IS_WINDOWS } from './util/windows.js';\n${KILL}`,
    };
    expect(await lint(guarded, { crossFile: false })).toEqual(['src/kill.js:4 no-unguarded-platform-api', 'src/kill.js:5 no-unguarded-platform-api']);
  });
});
