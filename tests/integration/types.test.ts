// The published package works for users of ESLint 9 and of ESLint 10: the tarball `npm pack` makes,
// installed next to ESLint alone, type-checks a TypeScript config that passes the plugin and its
// configs to defineConfig(), extends and Linter.Config[], with its own declarations checked too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
let tarball: string;
beforeAll(() => {
  const packDir = mkdtempSync(path.join(tmpdir(), 'process-guard-pack-'));
  projects.push(packDir);
  // dist/ is already built by the global setup; --ignore-scripts skips the prepack build
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], { cwd: ROOT, stdio: 'pipe' });
  tarball = path.join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz'))!);
});
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A project with the packed package extracted into node_modules and the given ESLint beside it. */
function project(eslintPackage: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'process-guard-types-'));
  projects.push(dir);
  const modules = path.join(dir, 'node_modules');
  const installed = path.join(modules, 'eslint-plugin-process-guard');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1']);
  symlinkSync(path.join(ROOT, 'node_modules', eslintPackage), path.join(modules, 'eslint'), 'dir');
  mkdirSync(path.join(modules, '@types'));
  for (const types of ['node', 'estree', 'json-schema']) {
    symlinkSync(path.join(ROOT, 'node_modules', '@types', types), path.join(modules, '@types', types), 'dir');
  }
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
  });
  // the package's own declarations are checked; ESLint's and Node's are theirs to keep valid
  const ours = (file: ts.SourceFile | undefined) => !file || !file.fileName.includes('/node_modules/') || file.fileName.includes('/eslint-plugin-process-guard/');
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => ours(diagnostic.file))
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('the packed package', () => {
  it('has no runtime dependency and ships only declarations written in ESLint types', () => {
    const dir = project('eslint');
    const installed = path.join(dir, 'node_modules', 'eslint-plugin-process-guard');
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    const declarations = readdirSync(path.join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
    expect(declarations.sort()).toEqual(['index.d.ts', 'sarif-formatter.d.ts']);
    const foreign = declarations.filter((file) => /from ['"]@typescript-eslint\//.test(readFileSync(path.join(installed, 'dist', file), 'utf8')));
    expect(foreign).toEqual([]);
  });

  it.each([
    ['ESLint 10', 'eslint'],
    ['ESLint 9', 'eslint-v9'],
  ])('type-check a TypeScript config with %s', (_name, eslintPackage) => {
    expect(typeErrors(project(eslintPackage))).toEqual([]);
  });
});
