// The published package works for users of ESLint 9 and of ESLint 10: the tarball `npm pack` makes,
// installed next to ESLint alone, type-checks a TypeScript config that passes the plugin and its
// configs to defineConfig(), extends and Linter.Config[], with its own declarations checked too;
// and its declarations parse and type-check on the oldest TypeScript typescript-eslint supports
// (4.8, through the `types` condition) and the newest (`types@>=5.6`, with what require() returns).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ROOT } from './support.js';

// the oldest TypeScript typescript-eslint supports, as the devDependency alias `typescript-4.8`
const ts48 = createRequire(import.meta.url)('typescript-4.8') as typeof ts;

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

/** A config in TypeScript 4.8's syntax, in both module systems (a .cts file gets what require() returns at run time). */
const CONSUMERS = {
  'consumer.mts': `import type { Linter } from 'eslint';
import processGuard from 'eslint-plugin-process-guard';

const configs: Linter.Config[] = [processGuard.configs.recommended, processGuard.configs.strict, processGuard.configs.all];
export default configs;
export const version: string = processGuard.meta.version;
`,
  'consumer.cts': `import processGuard = require('eslint-plugin-process-guard');

export const version: string = processGuard.meta.version;
`,
};

function typeErrors(dir: string, file = 'eslint.config.ts', compiler: typeof ts = ts, options: ts.CompilerOptions = {}): string[] {
  const program = compiler.createProgram([path.join(dir, file)], {
    strict: true,
    noEmit: true,
    module: compiler.ModuleKind.NodeNext,
    moduleResolution: compiler.ModuleResolutionKind.NodeNext,
    target: compiler.ScriptTarget.ES2022,
    types: ['node'],
    ...options,
  });
  // the package's own declarations are checked; ESLint's and Node's are theirs to keep valid
  const ours = (file: ts.SourceFile | undefined) => !file || !file.fileName.includes('/node_modules/') || file.fileName.includes('/eslint-plugin-process-guard/');
  return compiler
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => ours(diagnostic.file))
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${compiler.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('the packed package', () => {
  it('has no runtime dependency and ships only declarations written in ESLint types', () => {
    const dir = project('eslint');
    const installed = path.join(dir, 'node_modules', 'eslint-plugin-process-guard');
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    const declarations = readdirSync(path.join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
    expect(declarations.sort()).toEqual(['index.compat.d.ts', 'index.d.ts', 'sarif-formatter.d.ts']);
    const foreign = declarations.filter((file) => /from ['"]@typescript-eslint\//.test(readFileSync(path.join(installed, 'dist', file), 'utf8')));
    expect(foreign).toEqual([]);
  });

  it('ships the entry points, their chunks, the declarations and the docs: no bench-only module, no test', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })) as [{ files: { path: string }[] }];
    const files = pack.files.map((file) => file.path);
    const SHIPPED = [
      /^(LICENSE|README\.md|CHANGELOG\.md|package\.json|bin\/process-guard\.js)$/,
      /^dist\/(index|cli|sarif-formatter)\.js$/,
      /^dist\/chunks\/[\w-]+\.js$/,
      /^dist\/(index|index\.compat|sarif-formatter)\.d\.ts$/,
      /^docs\/[\w/-]+\.md$/,
    ];
    expect(files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('CHANGELOG.md');
  });

  it.each([
    ['ESLint 10', 'eslint'],
    ['ESLint 9', 'eslint-v9'],
  ])('type-check a TypeScript config with %s', (_name, eslintPackage) => {
    expect(typeErrors(project(eslintPackage))).toEqual([]);
  });

  describe.each([
    // TypeScript 4.8 has no require() of an ES module: its CommonJS consumers import()
    { name: 'TypeScript 4.8', compiler: ts48, declarations: 'index.compat.d.ts', consumers: ['consumer.mts'], ignoreDeprecations: undefined },
    { name: `TypeScript ${ts.versionMajorMinor}`, compiler: ts, declarations: 'index.d.ts', consumers: Object.keys(CONSUMERS), ignoreDeprecations: '6.0' },
  ])('with $name', ({ compiler, declarations, consumers, ignoreDeprecations }) => {
    // skipLibCheck does not skip a syntax error in a declaration file
    it.each(consumers)(`type-checks %s, reading dist/${declarations}`, (file) => {
      const dir = project('eslint');
      writeFileSync(path.join(dir, file), CONSUMERS[file as keyof typeof CONSUMERS]);
      expect(typeErrors(dir, file, compiler, { skipLibCheck: true })).toEqual([]);
      const program = compiler.createProgram([path.join(dir, file)], { module: compiler.ModuleKind.NodeNext, moduleResolution: compiler.ModuleResolutionKind.NodeNext, types: [], noEmit: true });
      const read = program.getSourceFiles().map((source) => path.basename(source.fileName));
      expect(read).toContain(declarations);
    });

    it('type-checks a default import under node10 resolution (the `types` field)', () => {
      const dir = project('eslint');
      writeFileSync(path.join(dir, 'consumer.ts'), CONSUMERS['consumer.mts']);
      const options = { module: compiler.ModuleKind.CommonJS, moduleResolution: compiler.ModuleResolutionKind.NodeJs, esModuleInterop: true, skipLibCheck: true, ignoreDeprecations };
      expect(typeErrors(dir, 'consumer.ts', compiler, options)).toEqual([]);
    });
  });
});
