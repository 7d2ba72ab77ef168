import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyze } from '../../../src/analysis/model/analyze.js';
import { importerCalls } from '../../../src/analysis/project/importer-calls.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

const OFF_WINDOWS = "if (process.platform !== 'win32') ";
const projects: TempProject[] = [];

beforeAll(() => {
  const helpers = 'export function a() {}\nexport function b() {}\nexport function c() {}\nexport function d() {}\nexport default function e() {}\n';
  projects.push(
    tempProject(
      {
        // The application starts each importer (a module that exports nothing and nothing starts is a maintainer's script).
        'package.json': '{ "private": true, "type": "module", "scripts": { "start": "node src/named.js && node src/namespace.js && node src/required.cjs" } }',
        'src/helpers.js': helpers,
        // a: called off Windows in every form; b: also on Windows; c: passed as a value; d: never called
        'src/named.js': `import { a, b, c } from './helpers.js';\n${OFF_WINDOWS}a();\nb();\n[1].map(c);\n`,
        'src/namespace.js': `import * as h from './helpers.js';\nimport e from './helpers.js';\n${OFF_WINDOWS}{ h.a(); e(); }\n`,
        'src/required.cjs': `const { a } = require('./helpers.js');\n${OFF_WINDOWS}{ a(); require('./helpers.js').a(); }\n`,
        'src/other.js': 'export const x = 1;\n',
      },
      [],
    ),
    tempProject({ 'package.json': '{ "name": "lib", "version": "1.0.0", "type": "module" }', 'src/helpers.js': helpers, 'src/named.js': `import { a } from './helpers.js';\n${OFF_WINDOWS}a();\n` }, []),
    tempProject({ 'package.json': '{ "private": true, "type": "module" }', 'src/helpers.js': helpers, 'src/named.js': `import { a } from './helpers.js';\n${OFF_WINDOWS}a();\n`, 'src/loader.js': "export const load = () => import('./helpers.js');\n" }, []),
    tempProject({ 'package.json': '{ "private": true, "type": "module" }', 'src/helpers.js': helpers, 'src/named.js': `import { a } from './helpers.js';\n${OFF_WINDOWS}a();\n`, 'src/barrel.js': "export * from './helpers.js';\n" }, []),
    // `stop` calls `a` unguarded, and its own importer calls it off Windows: that is not chased.
    tempProject({ 'package.json': '{ "private": true, "type": "module" }', 'src/helpers.js': helpers, 'src/stop.js': "import { a } from './helpers.js';\nexport function stop() {\n  a();\n}\n", 'src/main.js': `import { stop } from './stop.js';\n${OFF_WINDOWS}stop();\n` }, []),
    // TypeScript: a module another file loads with `import()` inside a function.
    tempProject({ 'package.json': '{ "private": true, "type": "module" }', 'src/helpers.ts': helpers, 'src/named.ts': `import { a } from './helpers.ts';\n${OFF_WINDOWS}a();\n`, 'src/loader.ts': "export async function load(): Promise<void> {\n  const { a } = await import('./helpers.ts');\n  a();\n}\n" }, []),
    // A published package whose `exports` does not expose the module: only its own files can import it.
    tempProject({ 'package.json': '{ "name": "lib", "version": "1.0.0", "type": "module", "exports": { ".": "./src/index.js" } }', 'src/helpers.js': helpers, 'src/index.js': `import { a } from './helpers.js';\nexport function run() {\n  ${OFF_WINDOWS}a();\n}\n` }, []),
    // Twins: `exports` exposes the module (a subpath pattern), or there is no `exports` (a deep import reaches it).
    tempProject({ 'package.json': '{ "name": "lib", "version": "1.0.0", "type": "module", "exports": { ".": "./src/index.js", "./*": "./src/*.js" } }', 'src/helpers.js': helpers, 'src/index.js': `import { a } from './helpers.js';\n${OFF_WINDOWS}a();\n` }, []),
    tempProject({ 'package.json': '{ "name": "lib", "version": "1.0.0", "type": "module", "main": "./src/index.js" }', 'src/helpers.js': helpers, 'src/index.js': `import { a } from './helpers.js';\n${OFF_WINDOWS}a();\n` }, []),
  );
});

afterAll(() => {
  for (const project of projects) project.remove();
});

function platformsOf(project: number, name: string): string[] | undefined {
  const dir = (projects[project] as TempProject).dir;
  const helpers = ['src/helpers.js', 'src/helpers.ts'].map((file) => path.join(dir, file)).find((file) => fs.existsSync(file)) as string;
  const found = importerCalls(helpers, lintEnvironment(helpers.endsWith('.ts') ? 'ts' : 'esm'), analyze)?.platformsOf(name);
  return found && [...found].sort();
}

describe('the platforms the modules of an application call an export on', () => {
  it('are those at every call: named import, namespace, default import, destructured and member require', () => {
    expect(platformsOf(0, 'a')).not.toContain('win32');
    expect(platformsOf(0, 'a')).toContain('linux');
    expect(platformsOf(0, 'default')).not.toContain('win32');
  });

  it('include Windows when one call is unguarded', () => {
    expect(platformsOf(0, 'b')).toContain('win32');
  });

  it("are read for a published package's module that its `exports` does not expose", () => {
    expect(platformsOf(6, 'a')).not.toContain('win32');
    expect(platformsOf(6, 'a')).toContain('darwin');
  });

  it("read a call inside an importer's own export with that file's facts only", () => {
    expect(platformsOf(4, 'a')).toContain('win32');
  });

  it.each<[string, number, string]>([
    ['read as a value', 0, 'c'],
    ['called by no importer', 0, 'd'],
    ['of a library, whose importers are anyone', 1, 'a'],
    ['of a module another file may load with import()', 2, 'a'],
    ['of a module another file exports again', 3, 'a'],
    ['of a TypeScript module another file loads with import() in a function', 5, 'a'],
    ['of a module the package\'s `exports` exposes', 7, 'a'],
    ['of a module of a published package without `exports`', 8, 'a'],
  ])('are unknown for an export %s', (_name, project, name) => {
    expect(platformsOf(project, name)).toBeUndefined();
  });
});
