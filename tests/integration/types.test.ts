// The published type declarations work for users of ESLint 9 and of ESLint 10: a TypeScript config
// that passes the plugin and its configs to defineConfig(), extends and Linter.Config[] type-checks.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { ROOT } from './support.js';

const CONFIG = `import { defineConfig } from 'eslint/config';
import type { Linter } from 'eslint';
import processGuard from 'eslint-plugin-process-guard';

export const list: Linter.Config[] = [processGuard.configs.recommended, processGuard.configs.strict];
export default defineConfig(
  processGuard.configs.recommended,
  { extends: [processGuard.configs.all] },
  { plugins: { guard: processGuard }, rules: { 'guard/no-top-level-spawn': ['error', { allowSync: true }] } },
);
`;

const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A project with the built package copied in (so its `eslint` import resolves to the project's). */
function project(eslintPackage: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'process-guard-types-'));
  projects.push(dir);
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, 'eslint-plugin-process-guard'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(modules, 'eslint-plugin-process-guard', 'dist'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(modules, 'eslint-plugin-process-guard', 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules', eslintPackage), path.join(modules, 'eslint'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules', '@types'), path.join(modules, '@types'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'eslint.config.ts'), CONFIG);
  return dir;
}

function typeErrors(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'eslint.config.ts')], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('published types', () => {
  it.each([
    ['ESLint 10', 'eslint'],
    ['ESLint 9', 'eslint-v9'],
  ])('type-check a TypeScript config with %s', (_name, eslintPackage) => {
    expect(typeErrors(project(eslintPackage))).toEqual([]);
  });
});
