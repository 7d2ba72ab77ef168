/**
 * `npx jiti scripts/compare-reference-tracking.ts`: the plugin's reference index and constant
 * strings against @eslint-community/eslint-utils (ReferenceTracker, getStringIfConstant), which
 * every ESLint installs. Both run on the same parsed files inside one Linter rule:
 *   1. a table of snippets: which calls each finds to be `child_process` starters, and which string
 *      each finds an argument to hold; every disagreement is printed;
 *   2. time: both over the JavaScript files of node_modules that name `child_process` or
 *      `worker_threads`, and as many that do not (most files a lint sees), fastest of --reps runs.
 * It only reports (the findings are in docs/ARCHITECTURE.md, "Libraries").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { CALL, CONSTRUCT, ESM, getStringIfConstant, ReferenceTracker } from '@eslint-community/eslint-utils';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule, type Scope } from 'eslint';

import { resolveSettings } from '../src/analysis/catalog/settings.js';
import { buildReferenceIndex } from '../src/analysis/file/references.js';
import { constantString, isComplete, ValueModel } from '../src/analysis/file/values.js';
import { walk } from '../src/analysis/syntax/ast.js';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
const TRACKED = resolveSettings(undefined).trackedModules;
const CHILD_PROCESS_ONLY: ReadonlySet<string> = new Set(['child_process']);
const members = Object.fromEntries(STARTERS.map((name) => [name, { [CALL]: true }]));
// child_process is CommonJS: its named imports are its members (ESM), and its default is the module.
const moduleMap = { [ESM]: true, ...members, default: members };
const TRACE_MAP = { child_process: moduleMap, 'node:child_process': moduleMap };

type Language = 'esm' | 'cjs' | 'ts';
interface Snippet {
  readonly title: string;
  readonly language: Language;
  readonly code: string;
}

/** The forms the reference index follows, and the traps where a name is not what it seems. */
const SNIPPETS: Snippet[] = [
  { title: 'named import', language: 'esm', code: "import { spawn } from 'child_process';\nspawn('a');" },
  { title: 'node: prefix', language: 'esm', code: "import { execFile } from 'node:child_process';\nexecFile('a');" },
  { title: 'renamed import', language: 'esm', code: "import { spawn as run } from 'child_process';\nrun('a');" },
  { title: 'default import', language: 'esm', code: "import cp from 'child_process';\ncp.fork('a');" },
  { title: 'namespace import', language: 'esm', code: "import * as cp from 'node:child_process';\ncp.exec('a');" },
  { title: 'namespace, destructured', language: 'esm', code: "import * as cp from 'child_process';\nconst { spawn: s } = cp;\ns('a');" },
  { title: 'alias of a member', language: 'esm', code: "import * as cp from 'child_process';\nconst run = cp.spawn;\nconst again = run;\nagain('a');" },
  { title: 'require member', language: 'cjs', code: "require('node:child_process').spawn('a');" },
  { title: 'require, destructured', language: 'cjs', code: "const { execSync, spawn: s } = require('child_process');\nexecSync('a');\ns('b');" },
  { title: 'require, aliased module', language: 'cjs', code: "const cp = require('child_process');\nconst proc = cp;\nproc.spawnSync('a');" },
  { title: 'require in TypeScript (undeclared)', language: 'ts', code: "const cp = require('child_process');\ncp.spawn('a');" },
  { title: 'computed member', language: 'cjs', code: "const cp = require('child_process');\ncp['exec']('a');" },
  { title: 'optional call and as', language: 'ts', code: "import * as cp from 'child_process';\n(cp.spawn as typeof cp.spawn)?.('a');" },
  { title: 'dynamic import, awaited', language: 'esm', code: "const { spawn } = await import('node:child_process');\nspawn('a');" },
  { title: 'dynamic import, then', language: 'esm', code: "import('child_process').then((cp) => cp.fork('a'));" },
  { title: 'createRequire', language: 'esm', code: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('child_process').spawn('a');" },
  { title: 'getBuiltinModule', language: 'esm', code: "const cp = process.getBuiltinModule('node:child_process');\ncp.spawn('a');" },
  { title: 'promisify', language: 'esm', code: "import { promisify } from 'node:util';\nimport { execFile } from 'node:child_process';\nconst run = promisify(execFile);\nawait run('a');" },
  { title: 'shadowed by a parameter', language: 'esm', code: "import { spawn } from 'child_process';\nfunction f(spawn) { spawn('a'); }\nf(() => {});" },
  { title: 'shadowed by a local function', language: 'esm', code: "function spawn() {}\nspawn('a');" },
  { title: 'reassigned alias', language: 'esm', code: "import { spawn } from 'child_process';\nlet run = spawn;\nrun = (x) => x;\nrun('a');" },
  { title: 'fallback write', language: 'esm', code: "import { spawn } from 'child_process';\nlet run;\nrun ??= spawn;\nrun('a');" },
  { title: 'conditional module', language: 'cjs', code: "const cp = process.env.X ? require('child_process') : require('node:child_process');\ncp.spawn('a');" },
  { title: 'this member', language: 'esm', code: "import { fork } from 'child_process';\nclass A { constructor() { this.f = fork; } go() { this.f('a'); } }\nnew A().go();" },
  { title: 'local module of the same name', language: 'esm', code: "import { spawn } from './child_process.js';\nspawn('a');" },
];

/** Strings: the literal, constant and computed forms an argument takes. */
const STRINGS: Snippet[] = [
  { title: 'literal', language: 'esm', code: "f('npm');" },
  { title: 'template without expressions', language: 'esm', code: 'f(`npm`);' },
  { title: 'const', language: 'esm', code: "const c = 'npm';\nf(c);" },
  { title: 'const of const', language: 'esm', code: "const a = 'npm';\nconst c = a;\nf(c);" },
  { title: 'let written once', language: 'esm', code: "let c = 'npm';\nf(c);" },
  { title: 'let written twice', language: 'esm', code: "let c = 'npm';\nc = 'yarn';\nf(c);" },
  { title: 'concatenation', language: 'esm', code: "f('np' + 'm');" },
  { title: 'template of a const', language: 'esm', code: "const p = 'np';\nf(`${p}m`);" },
  { title: 'conditional', language: 'esm', code: "const w = process.platform === 'win32';\nf(w ? 'npm.cmd' : 'npm');" },
  { title: 'String() of a number', language: 'esm', code: 'f(String(1));' },
  { title: 'member of a const object', language: 'esm', code: "const o = { bin: 'npm' };\nf(o.bin);" },
  { title: 'member of a const object written later', language: 'esm', code: "const o = { bin: 'npm' };\no.bin = 'yarn';\nf(o.bin);" },
  { title: 'let replaced under a test', language: 'esm', code: "let c = 'npm';\nif (process.platform === 'win32') c = 'npm.cmd';\nf(c);" },
  { title: 'as const', language: 'ts', code: "const c = 'npm' as const;\nf(c);" },
  { title: 'parameter', language: 'esm', code: "function g(c) { f(c); }\ng('npm');" },
  { title: 'destructured const', language: 'esm', code: "const { c } = { c: 'npm' };\nf(c);" },
];

const LANGUAGE_OPTIONS: Record<Language, Linter.LanguageOptions> = {
  esm: { sourceType: 'module', ecmaVersion: 'latest' },
  cjs: { sourceType: 'commonjs', ecmaVersion: 'latest' },
  ts: { sourceType: 'module', parser: tsParser as never },
};

/** Runs `inspect` on a parsed file inside a rule (where ESLint has built the scopes). */
function withParsed<T>(code: string, language: Language, inspect: (sourceCode: TSESLint.SourceCode, globalScope: Scope.Scope) => T): T {
  let result: T | undefined;
  const rule: Rule.RuleModule = {
    create: (context) => ({
      'Program:exit'(node) {
        const sourceCode = context.sourceCode;
        result = inspect(sourceCode as unknown as TSESLint.SourceCode, sourceCode.getScope(node));
      },
    }),
  };
  const filename = language === 'ts' ? 'file.ts' : language === 'cjs' ? 'file.cjs' : 'file.mjs';
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [{ files: ['**/*.mjs', '**/*.cjs', '**/*.ts'], plugins: { c: { rules: { r: rule } } }, rules: { 'c/r': 'error' }, languageOptions: LANGUAGE_OPTIONS[language] }],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${fatal.message} in ${filename}`);
  return result as T;
}

const at = (node: { loc?: TSESTree.SourceLocation | null }): string => `${node.loc?.start.line}:${node.loc?.start.column}`;

function ourStarts(sourceCode: TSESLint.SourceCode, tracked: ReadonlySet<string> = TRACKED): string[] {
  return buildReferenceIndex(sourceCode, tracked)
    .invocations.filter((call) => call.kind === 'call' && call.callee.module === 'child_process' && call.callee.path.length === 1)
    .filter((call) => STARTERS.includes(call.callee.path[0]!))
    .map((call) => `${at(call.node)} ${call.callee.path[0]}`)
    .sort();
}

function trackerStarts(globalScope: Scope.Scope): string[] {
  const tracker = new ReferenceTracker(globalScope as never);
  const found = [...tracker.iterateEsmReferences(TRACE_MAP), ...tracker.iterateCjsReferences(TRACE_MAP)];
  return found
    .filter((reference) => reference.type === CALL || reference.type === CONSTRUCT)
    .map((reference) => `${at(reference.node as never)} ${reference.path.at(-1) === 'default' ? '?' : reference.path.filter((part) => part !== 'default').at(-1)}`)
    .sort();
}

/** The first argument of the last call of `f`. */
function lastArgument(sourceCode: TSESLint.SourceCode): TSESTree.Node | undefined {
  let argument: TSESTree.Node | undefined;
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'f') argument = node.arguments[0];
  });
  return argument;
}

function compareTable(): { agree: number; total: number } {
  let agree = 0;
  const rows: string[][] = [];
  for (const { title, language, code } of SNIPPETS) {
    const [ours, theirs] = withParsed(code, language, (sourceCode, scope) => [ourStarts(sourceCode), trackerStarts(scope)]);
    const same = ours.join() === theirs.join();
    if (same) agree += 1;
    rows.push([same ? '=' : '≠', title, ours.join(', ') || '—', theirs.join(', ') || '—']);
  }
  let modelAgrees = 0;
  for (const { title, language, code } of STRINGS) {
    const [ours, model, theirs] = withParsed(code, language, (sourceCode, scope) => {
      const argument = lastArgument(sourceCode)!;
      const values = new ValueModel(sourceCode, buildReferenceIndex(sourceCode, TRACKED)).strings(argument);
      const known = values.every(isComplete) ? values.map((possible) => JSON.stringify(possible.value)).join(' or ') : undefined;
      return [constantString(sourceCode, argument), known, getStringIfConstant(argument as never, scope as never) ?? undefined];
    });
    const same = ours === theirs;
    if (same) agree += 1;
    if (model === (theirs === undefined ? undefined : JSON.stringify(theirs))) modelAgrees += 1;
    rows.push([same ? '=' : '≠', `string: ${title}`, `${JSON.stringify(ours) ?? '—'} (value model: ${model ?? '—'})`, JSON.stringify(theirs) ?? '—']);
  }
  console.log(`value model agrees with getStringIfConstant on ${modelAgrees} of ${STRINGS.length} strings`);
  console.log('|   | case | process-guard | eslint-utils |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  return { agree, total: SNIPPETS.length + STRINGS.length };
}

/** The JavaScript files of node_modules that name a starter module, and as many that do not. */
function workload(): string[] {
  const root = path.resolve(import.meta.dirname, '../node_modules');
  const naming: string[] = [];
  const others: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.[cm]?js$/.test(entry) || entry.includes('.min.')) continue;
    const file = path.join(root, entry);
    if (!statSync(file).isFile() || statSync(file).size > 200_000) continue;
    (/['"](?:node:)?(?:child_process|worker_threads)['"]/.test(readFileSync(file, 'utf8')) ? naming : others).push(file);
  }
  // Every other file of the sorted list up to the same count: spread over the packages.
  const step = Math.max(1, Math.floor(others.length / naming.length));
  return [...naming, ...others.filter((_, index) => index % step === 0).slice(0, naming.length)];
}

function timeWorkload(files: readonly string[], reps: number): void {
  const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const best = { ours: Infinity, narrow: Infinity, tracker: Infinity };
  let parsed = 0;
  for (let rep = 0; rep < reps; rep += 1) {
    const total = { ours: 0, narrow: 0, tracker: 0 };
    parsed = 0;
    for (const { file, text } of texts) {
      const language: Language = file.endsWith('.mjs') || /^\s*(?:import|export)\s/m.test(text) ? 'esm' : 'cjs';
      try {
        withParsed(text, language, (sourceCode, scope) => {
          // Alternate which runs first, so neither profits from the other's warm caches.
          const runs = [
            ['ours', () => ourStarts(sourceCode)],
            ['narrow', () => ourStarts(sourceCode, CHILD_PROCESS_ONLY)],
            ['tracker', () => trackerStarts(scope)],
          ] as const;
          for (const [name, run] of rep % 2 === 0 ? runs : [...runs].reverse()) {
            const start = performance.now();
            run();
            total[name] += performance.now() - start;
          }
        });
        parsed += 1;
      } catch {
        // A file espree cannot parse (JSX, newer syntax) is left out of both.
      }
    }
    for (const name of ['ours', 'narrow', 'tracker'] as const) best[name] = Math.min(best[name], total[name]);
  }
  console.log(`\n${parsed} files, fastest of ${reps} runs: process-guard ${best.ours.toFixed(1)} ms (${TRACKED.size} modules tracked), ${best.narrow.toFixed(1)} ms (child_process only), eslint-utils ${best.tracker.toFixed(1)} ms`);
}

const { agree, total } = compareTable();
console.log(`\nagreement: ${agree} of ${total}`);
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 5;
timeWorkload(workload(), reps);
