// Never crash: every rule, on syntax-heavy snippets and on real installed code nobody here wrote.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

import type * as References from '../src/analysis/file/references.js';
import plugin from '../src/index.js';
import { ALL_FILES } from './support/languages.js';

/** A file whose text holds this marker makes the analysis throw, as a bug on some hostile input would. */
const FORCED_ERROR = 'FORCE_ANALYSIS_ERROR';
vi.mock('../src/analysis/file/references.js', async (importOriginal) => {
  const original = await importOriginal<typeof References>();
  return {
    ...original,
    buildReferenceIndex: (...args: Parameters<typeof original.buildReferenceIndex>) => {
      if (args[0].text.includes(FORCED_ERROR)) throw new Error('forced analysis error');
      return original.buildReferenceIndex(...args);
    },
  };
});

const root = join(import.meta.dirname, '..');
const linter = new Linter();

function sourceTypeOf(file: string): 'module' | 'commonjs' {
  if (/\.(mjs|mts)$/.test(file)) return 'module';
  if (/\.(cjs|cts)$/.test(file)) return 'commonjs';
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
  }
  return 'commonjs';
}

/** Problems that are not the file's own: a rule threw, or a rule failed to load. */
function crashes(code: string, filename: string): string[] {
  const typescript = /\.[cm]?tsx?$/.test(filename);
  const config = [
    {
      files: ALL_FILES,
      ...plugin.configs.all,
      linterOptions: { reportUnusedDisableDirectives: 'off' as const },
      languageOptions: typescript ? { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } } } : { sourceType: sourceTypeOf(filename) },
    },
  ];
  try {
    return linter
      // A relative name: ESLint ignores node_modules paths.
      .verify(code, config as Linter.Config[], `sample/${basename(filename)}`)
      .filter((message) => message.ruleId === null && !message.message.startsWith('Parsing error'))
      .map((message) => `${filename}: ${message.message}`);
  } catch (error) {
    return [`${filename}: ${(error as Error).stack ?? String(error)}`];
  }
}

function jsFiles(dir: string, limit: number): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (found.length >= limit) return;
      const path = join(current, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (/\.(c|m)?js$/.test(entry.name) && statSync(path).size < 200_000) found.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

describe('robustness', () => {
  it('lints a syntax-heavy TypeScript file with every rule', () => {
    const file = join(root, 'tests/fixtures/syntax/kitchen-sink.ts');
    expect(crashes(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it.each(['a.js', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx'])('lints empty and odd files as %s', (name) => {
    for (const code of ['', '#!/usr/bin/env node\n', '"use strict";', ';;;', 'new.target', 'require()', 'require(1)()', 'process()', 'import.meta']) {
      const file = join(root, name);
      const problems = crashes(code, file).filter((problem) => !problem.includes('Parsing error'));
      expect(problems).toEqual([]);
    }
  });

  it('ends a rule whose analysis throws as unknown for that file, and goes on with the next files', () => {
    const config = [{ files: ALL_FILES, ...plugin.configs.all, languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];
    const code = `import { fork } from 'node:child_process';\nfork(import.meta.filename);\n`;
    expect(linter.verify(`${code}// ${FORCED_ERROR}\n`, config, 'sample/broken.mjs')).toEqual([]);
    const findings = linter.verify(code, config, 'sample/fine.mjs').map((message) => message.ruleId);
    expect(findings).toContain('process-guard/no-unguarded-self-spawn');
  });

  it('lints real installed packages with every rule', () => {
    const dirs = ['node_modules/eslint/lib', 'node_modules/@typescript-eslint/typescript-estree/dist', 'node_modules/vite/dist/node', 'node_modules/espree/dist'];
    const files = dirs.flatMap((dir) => jsFiles(join(root, dir), 250));
    expect(files.length).toBeGreaterThan(300);
    const problems = files.flatMap((file) => crashes(readFileSync(file, 'utf8'), file));
    expect(problems).toEqual([]);
  });
});
