import { describe, expect, it } from 'vitest';

import * as fs from 'node:fs';
import * as path from 'node:path';

import { changesWorkingDirectory, classifyScriptPath, namesFileFromWorkingFolder, scriptArguments, type ScriptPathKind, underLauncherTest } from '../../../src/analysis/questions/script-paths.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const PRELUDE: Record<'esm' | 'cjs', string> = {
  esm: `import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
`,
  cjs: `const { Worker } = require('node:worker_threads');
const path = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
`,
};

/** The kind of the script given to the last `new Worker()` of the snippet. */
function kindOf(body: string, language: 'esm' | 'cjs' = 'esm'): ScriptPathKind {
  const analysis = analyzeCode(`${PRELUDE[language]}${body}`, language);
  const script = scriptArguments(analysis).at(-1);
  if (!script) throw new Error('no script argument');
  return classifyScriptPath(analysis.sourceCode, analysis.references, script.node).kind;
}

describe('script path kinds', () => {
  it.each<[string, ScriptPathKind, 'esm' | 'cjs']>([
    [`new Worker(new URL('../w.js', import.meta.url));`, 'module-relative', 'esm'],
    [`new Worker(fileURLToPath(new URL('../w.js', import.meta.url)));`, 'module-relative', 'esm'],
    [`new Worker(path.join(import.meta.dirname, 'w.js'));`, 'module-relative', 'esm'],
    [`new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), 'w.js'));`, 'module-relative', 'esm'],
    [`new Worker(path.join(fileURLToPath(new URL('.', import.meta.url)), 'w.js'));`, 'module-relative', 'esm'],
    [`new Worker(createRequire(import.meta.url).resolve('./w.js'));`, 'module-relative', 'esm'],
    [`new Worker(import.meta.resolve('./w.js'));`, 'module-relative', 'esm'],
    [`new Worker(path.resolve(__dirname, 'w.js'));`, 'module-relative', 'cjs'],
    [`new Worker(path.resolve('/tmp', __dirname, 'w.js'));`, 'module-relative', 'cjs'],
    [`new Worker(__dirname + '/w.js');`, 'module-relative', 'cjs'],
    [`new Worker(require.resolve('./w'));`, 'module-relative', 'cjs'],
    // An unknown last part of `path.resolve()` after an absolute one: absolute either way.
    [`new Worker(path.resolve(require.resolve('x/package.json'), '..', require('x/package.json').bin));`, 'absolute', 'cjs'],
    [`new Worker(path.resolve('/opt', name));`, 'absolute', 'cjs'],
    [`new Worker(path.resolve(__dirname, name, 'w.js'));`, 'absolute', 'cjs'],
    [`new Worker(new URL('../w.js', pathToFileURL(__filename)));`, 'module-relative', 'cjs'],
    [`new Worker(__filename);`, 'module-relative', 'cjs'],
    [`new Worker('./w.js');`, 'cwd-relative', 'esm'],
    [`new Worker('../w.js');`, 'cwd-relative', 'esm'],
    [`new Worker('.\\\\w.js');`, 'cwd-relative', 'esm'],
    [`new Worker(\`./jobs/\${name}.js\`);`, 'cwd-relative', 'esm'],
    [`new Worker('./jobs/' + name);`, 'cwd-relative', 'esm'],
    [`const file = './w.js'; const alias = file; new Worker(alias);`, 'cwd-relative', 'esm'],
    [`new Worker(path.resolve('w.js'));`, 'cwd-relative', 'esm'],
    [`new Worker(path.resolve(__dirname, '/srv', 'w.js'));`, 'absolute', 'cjs'],
    [`new Worker(path.join('../w.js'));`, 'cwd-relative', 'esm'],
    [`new Worker(path.join('./workers', 'w.js'));`, 'bare', 'esm'],
    [`new Worker('w.js');`, 'bare', 'esm'],
    [`new Worker(\`w-\${id}.js\`);`, 'bare', 'esm'],
    [`new Worker(process.argv[1]);`, 'launcher', 'esm'],
    [`new Worker(require.main.filename);`, 'launcher', 'cjs'],
    [`new Worker(process.mainModule.filename);`, 'launcher', 'cjs'],
    [`new Worker(path.resolve(process.argv[1]));`, 'launcher', 'cjs'],
    [`new Worker(path.join(path.dirname(process.argv[1]), 'w.js'));`, 'launcher', 'cjs'],
    [`new Worker(require.main.path + '/w.js');`, 'launcher', 'cjs'],
    [`new Worker('/srv/w.js');`, 'absolute', 'esm'],
    [`new Worker('C:\\\\srv\\\\w.js');`, 'absolute', 'esm'],
    [`new Worker('\\\\\\\\server\\\\share\\\\w.js');`, 'absolute', 'esm'],
    [`new Worker('data:text/javascript,1');`, 'url', 'esm'],
    [`new Worker(new URL('file:///srv/w.js'));`, 'url', 'esm'],
    [`new Worker(file);`, 'unknown', 'esm'],
    [`new Worker(\`\${root}/w.js\`);`, 'unknown', 'esm'],
    [`new Worker(\`.\${ext}\`);`, 'unknown', 'esm'],
    [`new Worker(path.join(process.cwd(), 'w.js'));`, 'unknown', 'esm'],
    [`new Worker(path.join(root, 'w.js'));`, 'unknown', 'esm'],
    [`new Worker(path.resolve(root, name));`, 'unknown', 'esm'],
    [`new Worker(path.resolve(path.dirname(process.argv[1]), name));`, 'unknown', 'esm'],
    [`new Worker(new URL('../w.js', base));`, 'unknown', 'esm'],
  ])('%s is %s', (body, kind, language) => {
    expect(kindOf(body, language)).toBe(kind);
  });
});

describe('script arguments', () => {
  function scripts(code: string, language: Language) {
    const analysis = analyzeCode(code, language);
    return scriptArguments(analysis).map((script) => ({
      text: analysis.sourceCode.getText(script.node),
      name: script.name,
      setsCwd: script.setsCwd,
    }));
  }

  it('finds starters, node commands and cluster settings', () => {
    const code = `const cp = require('child_process');
const cluster = require('cluster');
const { Worker } = require('worker_threads');
cp.fork('./a.js', [], { cwd: __dirname });
cp.spawn(process.execPath, [...process.execArgv, './b.js']);
cp.execFile('node', ['--inspect', './c.js']);
cp.spawn('git', ['./d.js']);
cluster.setupPrimary({ exec: './e.js', cwd: '/srv' });
new Worker('./f.js', { eval: true });
new Worker('./g.js', { eval: false });`;
    expect(scripts(code, 'cjs')).toEqual([
      { text: "'./a.js'", name: 'cp.fork()', setsCwd: true },
      { text: "'./b.js'", name: 'cp.spawn()', setsCwd: false },
      { text: "'./g.js'", name: 'new Worker()', setsCwd: false },
      { text: "'./e.js'", name: 'cluster.setupPrimary()', setsCwd: true },
    ]);
  });
});

describe('a script path in a shell command line', () => {
  /** The kind of the script of the last `spawn('node', […], options)` of the snippet, read as the start's shell reads it. */
  const shellKind = (script: string, options: string) => {
    const analysis = analyzeCode(`const { spawn } = require('child_process');\nconst path = require('path');\nspawn('node', [${script}], ${options});`, 'cjs');
    const argument = scriptArguments(analysis).at(-1);
    if (!argument) throw new Error('no script argument');
    return classifyScriptPath(analysis.sourceCode, analysis.references, argument.node, argument.shell).kind;
  };

  it.each<[string, string, string, ScriptPathKind]>([
    ['a quoted absolute path', `'"' + path.resolve('/opt', 'tsc.js') + '"'`, '{ shell: true }', 'absolute'],
    ['a quoted path resolved on a package', `'"' + path.resolve(require.resolve('typescript/package.json'), '..', require('typescript/package.json').bin.tsc) + '"'`, '{ shell: true }', 'absolute'],
    ['a quoted path from the module', `\`'\${path.join(__dirname, 'tsc.js')}'\``, '{ shell: true }', 'module-relative'],
    ['a quoted relative path', `'"' + path.join('lib', 'tsc.js') + '"'`, '{ shell: true }', 'bare'],
    ['an unquoted relative path', `'./lib/tsc.js'`, '{ shell: true }', 'cwd-relative'],
    ['a quoted path joined with text', `'"' + dir + '/tsc.js"'`, '{ shell: true }', 'unknown'],
    ['two words', `'"' + dir + '" x'`, '{ shell: true }', 'unknown'],
    // Without a shell the quote is the file name's first character.
    ['a quote without a shell', `'"' + path.resolve('/opt', 'tsc.js') + '"'`, '{}', 'bare'],
    ['a quote where the shell is not known', `'"' + path.resolve('/opt', 'tsc.js') + '"'`, '{ ...options }', 'unknown'],
    ['an unquoted path where the shell is not known', `'./lib/tsc.js'`, '{ ...options }', 'cwd-relative'],
  ])('%s', (_name, script, options, expected) => {
    expect(shellKind(script, options)).toBe(expected);
  });
});

describe('changesWorkingDirectory', () => {
  it.each<[string, boolean, 'esm' | 'cjs']>([
    [`process.chdir(__dirname);`, true, 'cjs'],
    [`import proc from 'node:process';\nexport function go() { proc.chdir('/srv'); }`, true, 'esm'],
    [`console.log(process.cwd());`, false, 'cjs'],
    [`const process = { chdir() {} };\nprocess.chdir('/srv');`, false, 'cjs'],
  ])('%s: %s', (code, expected, language) => {
    expect(changesWorkingDirectory(analyzeCode(code, language))).toBe(expected);
  });
});

describe('namesFileFromWorkingFolder', () => {
  const workspaceFile = (file: string) => path.resolve(import.meta.dirname, '../../fixtures/file-model/dev-workspace/packages', file);
  /** Whether the first script path of the fixture file, with `from` written as `to`, names a file from a folder it runs in. */
  const namesFile = (file: string, from = '', to = '') => {
    const filename = workspaceFile(file);
    const analysis = analyzeCode(fs.readFileSync(filename, 'utf8').replace(from, to), 'esm', {}, filename);
    const [script] = scriptArguments(analysis);
    if (!script) throw new Error('no script argument');
    return namesFileFromWorkingFolder(analysis, classifyScriptPath(analysis.sourceCode, analysis.references, script.node));
  };

  it('vouches for a development file whose path names a file from its workspace root', () => {
    expect(namesFile('tools/smoke.js')).toBe(true);
  });
  it('vouches for one that names a file from its package folder', () => {
    expect(namesFile('tools/smoke.js', 'packages/app/src/server.js', 'package.json')).toBe(true);
  });
  it('does not vouch for a path that names nothing from those folders', () => {
    expect(namesFile('tools/smoke.js', 'server.js', 'gone.js')).toBe(false);
  });
  it('does not vouch for a module the package ships, whose users start it anywhere', () => {
    expect(namesFile('app/src/start.js')).toBe(false);
  });
});

describe('underLauncherTest', () => {
  const launcherArgument = (code: string) => {
    const analysis = analyzeCode(code, 'cjs');
    const [argument] = scriptArguments(analysis);
    return underLauncherTest(analysis, argument!.node);
  };

  it.each([
    ['an if testing the launcher', `const { fork } = require('child_process'); if (process.argv[1].endsWith('cli.js')) fork(process.argv[1]);`, true],
    ['a conditional testing it', `const { fork } = require('child_process'); /cli/.test(process.argv[1]) ? fork(process.argv[1]) : 0;`, true],
    ['a conjunction testing it', `const { fork } = require('child_process'); process.argv[1] && fork(process.argv[1]);`, true],
    ['a test of something else', `const { fork } = require('child_process'); if (process.argv[2]) fork(process.argv[1]);`, false],
    ['the start in the test itself', `const { fork } = require('child_process'); if (fork(process.argv[1])) {}`, false],
    ['a test outside the function', `const { fork } = require('child_process'); if (process.argv[1]) setTimeout(() => fork(process.argv[1]));`, false],
  ])('%s', (_name, code, expected) => {
    expect(launcherArgument(code)).toBe(expected);
  });
});
