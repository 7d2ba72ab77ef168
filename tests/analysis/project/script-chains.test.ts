import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyze } from '../../../src/analysis/model/analyze.js';
import { chainedScriptFolder } from '../../../src/analysis/project/script-chains.js';
import { scriptsStartedFromWorkingFolder } from '../../../src/analysis/questions/script-paths.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

let project: TempProject;

const STARTED = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'orphan'];

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', private: true, bin: { tool: 'bin/tool.js' }, scripts: { test: 'node scripts/test.js', lint: 'node scripts/lint', tool: 'node bin/tool.js' } }),
      'scripts/test.js': `const { execSync, fork, spawn } = require('child_process');
spawn('node', ['scripts/a.js']);
fork('scripts/b');
execSync('node scripts/c.js && cd spec && node ../scripts/d.js');
spawn(process.execPath, ['scripts/e.js'], { cwd: 'spec' });
execSync('node scripts/f.js', { cwd: 'spec' });
`,
      'bin/tool.js': `require('child_process').spawn('node', ['scripts/g.js']);\n`,
      'scripts/lint.js': `module.exports = () => require('child_process').spawn('node', ['scripts/h.js']);\n`,
      ...Object.fromEntries(STARTED.map((name) => [`scripts/${name}.js`, 'process.exit(0);\n'])),
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

function folderOf(name: string): string | undefined {
  return chainedScriptFolder(path.join(project.dir, `scripts/${name}.js`), lintEnvironment(), (context) => scriptsStartedFromWorkingFolder(analyze(context)));
}

describe('the folder a package script starts a script in', () => {
  it.each([
    ['a path in the argument list of node', 'a'],
    ['a fork of a path without its extension', 'b'],
    ['a node command of a shell command line', 'c'],
  ])('is the package folder for %s', (_name, name) => {
    expect(folderOf(name)).toBe(project.dir);
  });

  it.each([
    ['a node command after a cd', 'd'],
    ['a start that sets its cwd', 'e'],
    ['a shell command line run in another folder', 'f'],
    ['a start in a bin, which runs wherever its user is', 'g'],
    ['a start in a module with exports', 'h'],
    ['a script nothing starts', 'orphan'],
  ])('is unknown for %s', (_name, name) => {
    expect(folderOf(name)).toBeUndefined();
  });
});
