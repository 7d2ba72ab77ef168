/**
 * The rule docs are executable: every ❌/✅ example in docs/rules/<rule>.md is linted with the real
 * ESLint `Linter`, with only that rule enabled (severity error, default options).
 *
 * How a doc page marks its examples:
 * - A marker is a line outside code blocks that starts with ❌ or ✅, alone ("❌ Incorrect") or as a
 *   heading ("### ✅ Correct"). Every fenced code block after it is an example of that kind, up to
 *   the next heading or marker.
 * - Any other heading ends the examples: blocks under "### Suggestion…" (before/after refactors),
 *   "## Options" (config snippets) and so on are not checked.
 * - The fence's info string picks the language:
 *   - `js`, `mjs`: an ES module (espree, `sourceType: 'module'`), unless the block calls `require(`
 *     and has no `import` syntax (an `import` statement at the start of a line, `import(` or
 *     `import.meta`): then it is CommonJS;
 *   - `cjs`: CommonJS (espree, `sourceType: 'commonjs'`);
 *   - `ts`, `mts`: a TypeScript module (@typescript-eslint/parser); `cts`: a CommonJS TypeScript file.
 *   Any other info string under a marker fails, so an example is never skipped silently.
 *
 * Each ❌ example must report at least one problem of its rule, each ✅ example none, and no example
 * may fail to parse. Every page needs at least one ❌ and one ✅ example.
 */
import { existsSync, readFileSync } from 'node:fs';
import path, { join } from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { dependencyTrees } from './support/dependency-tree.js';
import { ALL_FILES, FILENAMES, languageOptionsFor, type Language } from './support/languages.js';

type Kind = 'incorrect' | 'correct';

interface Example {
  kind: Kind;
  /** The fence's info string (first word). */
  info: string;
  code: string;
  /** 1-based line of the opening fence in the doc page. */
  line: number;
}

const MARKERS: Record<string, Kind> = { '❌': 'incorrect', '✅': 'correct' };
const SYMBOL: Record<Kind, string> = { incorrect: '❌', correct: '✅' };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const MARKER = /^ {0,3}(?:#{1,6}\s+)?(❌|✅)/;
const IMPORT_SYNTAX = /^\s*import[\s{*'"]|\bimport\s*\(|\bimport\.meta\b/m;

/** The fenced code blocks that follow a ❌ or ✅ marker, in page order. */
function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let kind: Kind | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const [, opening, info] = fence;
      const closing = new RegExp(`^ {0,3}${opening![0]}{${opening!.length},}\\s*$`);
      const start = index;
      const body: string[] = [];
      for (index += 1; index < lines.length && !closing.test(lines[index]!); index += 1) body.push(lines[index]!);
      if (kind) examples.push({ kind, info: info!.toLowerCase(), code: `${body.join('\n')}\n`, line: start + 1 });
      continue;
    }
    const marker = MARKER.exec(line);
    if (marker) kind = MARKERS[marker[1]!];
    else if (HEADING.test(line)) kind = undefined;
  }
  return examples;
}

function languageOf(example: Example): Language {
  switch (example.info) {
    case 'js':
    case 'mjs':
      return example.code.includes('require(') && !IMPORT_SYNTAX.test(example.code) ? 'cjs' : 'esm';
    case 'cjs':
      return 'cjs';
    case 'ts':
    case 'mts':
      return 'ts';
    case 'cts':
      return 'cts';
    default:
      throw new Error(`unsupported fence info string "${example.info}": use js, mjs, cjs, ts, mts or cts`);
  }
}

const linter = new Linter();
// Examples of a rule that reads installed packages are linted from a project that has them installed.
const trees = dependencyTrees('docs');
const PROJECT_OF: Readonly<Record<string, string>> = { 'no-hazardous-dependency': trees.npm };
const rootedLinter = new Linter({ cwd: path.parse(trees.npm).root });

function lint(ruleName: string, example: Example): Linter.LintMessage[] {
  const language = languageOf(example);
  const typescript = language === 'ts' || language === 'cts';
  const config: Linter.Config[] = [
    {
      files: ALL_FILES,
      plugins: { 'process-guard': plugin },
      languageOptions: { ...languageOptionsFor(language), ...(typescript ? { parser: tsParser } : {}) },
      rules: { [`process-guard/${ruleName}`]: 'error' },
    },
  ];
  const project = PROJECT_OF[ruleName];
  return project ? rootedLinter.verify(example.code, config, join(project, FILENAMES[language])) : linter.verify(example.code, config, FILENAMES[language]);
}

const format = (message: Linter.LintMessage): string => `${message.line}:${message.column} ${message.message}`;

/** The first line that is not blank or only a comment, to tell the examples apart in test titles. */
function firstCodeLine(code: string): string {
  const lines = code.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => !/^(\/\/|\/\*|\*|#!)/.test(line)) ?? lines[0] ?? '(empty)';
}

const docsDir = join(import.meta.dirname, '..', 'docs', 'rules');

for (const ruleName of Object.keys(rules)) {
  const page = join(docsDir, `${ruleName}.md`);
  const examples = existsSync(page) ? examplesOf(readFileSync(page, 'utf8')) : [];

  describe(`docs/rules/${ruleName}.md`, () => {
    it('has at least one ❌ and one ✅ example', () => {
      expect(existsSync(page), `${page} is missing`).toBe(true);
      const kinds = new Set(examples.map((example) => example.kind));
      expect(kinds.has('incorrect'), 'no fenced code block after a ❌ marker').toBe(true);
      expect(kinds.has('correct'), 'no fenced code block after a ✅ marker').toBe(true);
    });

    const counters: Record<Kind, number> = { incorrect: 0, correct: 0 };
    for (const example of examples) {
      counters[example.kind] += 1;
      const title = `${ruleName} ${SYMBOL[example.kind]} #${counters[example.kind]} (line ${example.line}): ${firstCodeLine(example.code)}`;
      it(title, () => {
        const messages = lint(ruleName, example);
        expect(messages.filter((message) => message.fatal).map(format), 'parse errors').toEqual([]);
        const problems = messages.filter((message) => message.ruleId === `process-guard/${ruleName}`);
        if (example.kind === 'incorrect') expect(problems.length, `${ruleName} reports nothing on this ❌ example`).toBeGreaterThan(0);
        else expect(problems.map(format), `${ruleName} reports this ✅ example`).toEqual([]);
      });
    }
  });
}
