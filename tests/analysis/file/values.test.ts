import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { programsOf } from '../../../src/analysis/questions/command-line.js';
import { stringParts, UNKNOWN_PART } from '../../../src/analysis/file/values.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

const PRELUDE: Record<'esm' | 'cjs', string> = {
  esm: `import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
`,
  cjs: `const path = require('node:path');
const { fileURLToPath } = require('node:url');
`,
};

/** The values the first argument of the last `target(…)` can take, unknown parts shown as `…`. */
function values(body: string, language: 'esm' | 'cjs' | 'ts' = 'esm'): string[] {
  const code = `${PRELUDE[language === 'ts' ? 'esm' : language]}${body}`;
  const analysis = analyzeCode(code, language);
  const text = code.slice(code.lastIndexOf('target(')).replace(/;[\s\S]*$/, '');
  const call = nodeByText(analysis, text, 'CallExpression') as TSESTree.CallExpression;
  return analysis.values.strings(call.arguments[0]!).map((possible) => possible.value.replaceAll(UNKNOWN_PART, '…'));
}

describe('value model', () => {
  it.each<[string, string, string[], ('esm' | 'cjs')?]>([
    ['an unknown value', `target(command);`, ['…']],
    ['a parameter', `function f(cmd) { target(cmd); }`, ['…']],
    ['a concatenation with an unknown part', `target('which ' + name);`, ['which …']],
    ['a template with a known head', 'target(`rm -rf ${dir}`);', ['rm -rf …']],
    ['a number in a template', 'const port = 8080; target(`serve -p ${port}`);', ['serve -p 8080']],
    ['a fallback assignment', `let npm = 'npm'; if (win) npm = 'npm.cmd'; target(npm);`, ['npm', 'npm.cmd']],
    ['a compound assignment', `let bin = 'npm'; bin += suffix; target(bin);`, ['npm', '…']],
    ['a variable assigned only later', `let bin; bin = 'pnpm'; target(bin);`, ['pnpm']],
    [
      'a property set, then reassigned',
      `var packager = { bin: 'npm' }; if (yarn) packager.bin = 'yarn'; target(packager.bin);`,
      ['npm', 'yarn'],
    ],
    ['a nested property', `const tools = { npm: { bin: 'npm' } }; target(tools.npm.bin);`, ['npm']],
    ['an array element', `const cmd = ['npx', 'tsc']; target(cmd[0]);`, ['npx']],
    ['array destructuring', `const [file, ...args] = ['npx', 'tsc']; target(file);`, ['npx']],
    ['object destructuring', `const { bin } = { bin: 'yarn' }; target(bin);`, ['yarn']],
    ['a missing property', `const tools = { npm: 'npm' }; target(tools.yarn);`, []],
    ['a property of a spread object', `const tools = { ...defaults }; target(tools.yarn);`, ['…']],
    ['a conditional object', `const pm = useYarn ? { bin: 'yarn' } : { bin: 'npm' }; target(pm.bin);`, ['yarn', 'npm']],
    [
      'path.join with __dirname',
      `target(path.join(__dirname, 'node_modules', '.bin', 'swc'));`,
      ['…/node_modules/.bin/swc'],
      'cjs',
    ],
    ['path.join of strings', `target(path.join('bin', 'tool'));`, ['bin/tool']],
    ['path.join with a parent step after an unknown folder', `target(path.join(__dirname, '..', 'bin', 'x'));`, ['…/bin/x'], 'cjs'],
    ['path.resolve of a relative path', `target(path.resolve('bin', 'x.cmd'));`, ['…/bin/x.cmd']],
    ['path.resolve from an absolute part', `target(path.resolve(root, '/opt/tool', 'x'));`, ['/opt/tool/x']],
    ['new URL relative to the module', `target(fileURLToPath(new URL('../../bin/ncu.cmd', import.meta.url)));`, ['…/bin/ncu.cmd']],
    ['an absolute URL', `target(new URL('file:///opt/x.cmd', import.meta.url).href);`, ['file:///opt/x.cmd']],
    ['the pathname of a URL constant', `const u = new URL('../x.sh', import.meta.url); target(u.pathname);`, ['…/x.sh']],
    ['require.resolve', `target(require.resolve('.bin/swc'));`, ['…/.bin/swc'], 'cjs'],
    ['createRequire().resolve', `const require = createRequire(import.meta.url); target(require.resolve('pkg/cli.js'));`, ['…/pkg/cli.js']],
    ['a self-referencing constant', `let a = 'x'; a = a; target(a);`, ['x', '…']],
  ])('%s', (_name, body, expected, language) => {
    expect(values(body, language)).toEqual(expected);
  });

  describe('sets a value is drawn from', () => {
    it.each<[string, string, string[], ('esm' | 'cjs' | 'ts')?]>([
      ['a parameter annotated with a union', `function f(pm: 'npm' | 'pnpm') { target(pm); }`, ['npm', 'pnpm'], 'ts'],
      ['through a type alias', `type PM = 'npm' | 'yarn' | PM2; type PM2 = 'bun'; function f(pm: PM) { target(pm); }`, ['npm', 'yarn', 'bun'], 'ts'],
      ['a union with string', `function f(pm: 'npm' | string) { target(pm); }`, ['…'], 'ts'],
      ['a generic alias', `type Of<T> = T; function f(pm: Of<'npm'>) { target(pm); }`, ['…'], 'ts'],
      ['an annotated variable of unknown value', `const pm: 'npm' | 'yarn' = detect(); target(pm);`, ['npm', 'yarn'], 'ts'],
      ['an annotated variable of known value', `let pm: 'npm' | 'yarn' = 'yarn'; target(pm);`, ['yarn'], 'ts'],
      ['an enum parameter', `enum PM { Npm = 'npm', Yarn = 'yarn' } function f(pm: PM) { target(pm); }`, ['npm', 'yarn'], 'ts'],
      ['an enum with a numeric member', `enum PM { Npm = 'npm', Other = 1 } function f(pm: PM) { target(pm); }`, ['…'], 'ts'],
      ['an enum member', `enum PM { Npm = 'npm', Yarn = 'yarn' } target(PM.Yarn);`, ['yarn'], 'ts'],
      ['an enum member type', `enum PM { Npm = 'npm', Yarn = 'yarn' } function f(pm: PM.Npm) { target(pm); }`, ['npm'], 'ts'],
      ['a for-of over an as-const array', `for (const c of ['npm', 'yarn'] as const) target(c);`, ['npm', 'yarn'], 'ts'],
      ['a for-of over a constant list', `const PMS = ['npm', 'yarn']; for (const c of PMS) target(c);`, ['npm', 'yarn']],
      ['a for-of over a list written later', `const PMS = ['npm']; PMS.push(other); for (const c of PMS) target(c);`, ['…']],
      ['a for-of over a list that escapes', `const PMS = ['npm']; register(PMS); for (const c of PMS) target(c);`, ['…']],
      ['a list with a spread', `for (const c of ['npm', ...more]) target(c);`, ['…'], 'cjs'],
      ['a forEach callback', `['npm', 'yarn'].forEach((c) => { target(c); });`, ['npm', 'yarn'], 'cjs'],
      ['a forEach callback reassigning its element', `['npm'].forEach((c) => { c = other; target(c); });`, ['…'], 'cjs'],
      ['a computed index', `const PMS = ['npm', 'yarn'] as const; target(PMS[i]);`, ['npm', 'yarn'], 'ts'],
    ])('%s', (_name, body, expected, language) => {
      expect(values(body, language)).toEqual(expected);
    });
  });

  it('keeps the literal each value comes from, for the guards around it', () => {
    const analysis = analyzeCode(`let npm = 'npm';
if (process.platform === 'win32') npm = 'npm.cmd';
target(npm);`);
    const call = nodeByText(analysis, 'target(npm)', 'CallExpression') as TSESTree.CallExpression;
    const sources = analysis.values.strings(call.arguments[0]!).map((possible) => possible.sources.map((node) => analysis.sourceCode.getText(node)));
    expect(sources).toEqual([["'npm'"], ["'npm.cmd'"]]);
    const unless = analysis.values.strings(call.arguments[0]!).map((possible) => (possible.unless ?? []).map((node) => analysis.sourceCode.getText(node)));
    expect(unless).toEqual([["process.platform === 'win32'"], []]);
  });

  it('caps the values of long chains of alternatives', () => {
    const parts = Array.from({ length: 6 }, (_, index) => `\${c${index} ? 'a' : 'b'}`).join('');
    expect(values(`target(\`${parts}\`);`)).toHaveLength(16);
  });

  it('gives up on long chains of constants instead of recursing through all of them', () => {
    const chain = Array.from({ length: 3000 }, (_, index) => `const v${index + 1} = v${index};`).join('\n');
    expect(values(`const v0 = 'npm';\n${chain}\ntarget(v3000);`)).toEqual(['…']);
  });
});

describe('programs of a command line', () => {
  it.each<[string, string[]]>([
    ['git ls-files | wc -l', ['git', 'wc']],
    ['npm ci && npm test || echo failed; rm -rf out', ['npm', 'npm', 'echo', 'rm']],
    ['NODE_ENV=production CI=1 node build.js', ['node']],
    ['git log --format="%h | rm" -1', ['git']],
    ["grep 'a|b' file & sleep 1", ['grep', 'sleep']],
    ['make 2>&1 | tee log', ['make', 'tee']],
    ['(cd app && cp -r dist out)', ['cd', 'cp']],
    [`rm -rf ${UNKNOWN_PART}`, ['rm']],
    [`${UNKNOWN_PART} --version`, []],
    ['echo $(which node) | cat', ['echo']],
    ['"/usr/bin/which" git', ['/usr/bin/which']],
  ])('%s', (line, expected) => {
    expect(programsOf(line)).toEqual(expected);
  });
});

describe('stringParts', () => {
  /** The parts of the first argument of `target(…)`, expressions shown as their source text in brackets. */
  const parts = (code: string) => {
    const analysis = analyzeCode(code, 'esm');
    const call = nodeByText(analysis, code.slice(code.lastIndexOf('target(')).replace(/;[\s\S]*$/, ''), 'CallExpression') as TSESTree.CallExpression;
    return stringParts(analysis.sourceCode, call.arguments[0]!)?.map((part) => (typeof part === 'string' ? part : `[${analysis.sourceCode.getText(part)}]`));
  };

  it.each<[string, string, string[] | undefined]>([
    ['a concatenation', `target('"' + dir + '/x.js"');`, ['"', '[dir]', '/x.js"']],
    ['a template', 'target(`"${dir}"`);', ['"', '[dir]', '"']],
    ['constants followed', `const Q = '"'; const inner = Q + dir; target(inner + Q);`, ['"', '[dir]', '"']],
    ['a plain string', `target('x.js');`, ['x.js']],
    ['another expression', `target(f());`, ['[f()]']],
    ['generated code past the bound', `target(${Array.from({ length: 40 }, (_, index) => `a${index}`).join(' + ')});`, undefined],
  ])('%s', (_name, code, expected) => {
    expect(parts(code)).toEqual(expected);
  });
});
