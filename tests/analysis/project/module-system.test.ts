import { describe, expect, it } from 'vitest';

import { moduleSystemOf, type ModuleSystem } from '../../../src/analysis/project/module-system.js';
import type { PackageManifest } from '../../../src/analysis/project/package-manifest.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

function manifest(type: PackageManifest['type'], known = true): PackageManifest {
  return { folder: '/p', type, known, startedFiles: new Set(), binFiles: new Set(), scripts: new Map(), scriptsRunning: new Map(), toolConfigs: new Map(), dependencies: new Set() };
}

const ESM_SYNTAX = `import fs from 'node:fs';\nfs.readFileSync('x');`;
const CJS_SYNTAX = `const fs = require('node:fs');\nfs.readFileSync('x');`;
const NEITHER = `console.log(1);`;

function systemOf(code: string, filename: string, packageJson: PackageManifest | undefined, language: Language = 'esm'): ModuleSystem {
  const analysis = analyzeCode(code, language);
  return moduleSystemOf(analysis.sourceCode, filename, packageJson);
}

describe('the module system of a file', () => {
  it.each<[string, string, string, PackageManifest | undefined, ModuleSystem, Language?]>([
    ['.cjs whatever the package says', ESM_SYNTAX, '/p/a.cjs', manifest('module'), 'cjs'],
    ['.cts whatever the package says', NEITHER, '/p/a.cts', manifest('module'), 'cjs', 'ts'],
    ['.mjs whatever the package says', CJS_SYNTAX, '/p/a.mjs', manifest('commonjs'), 'esm'],
    ['.mts whatever the package says', NEITHER, '/p/a.mts', manifest('commonjs'), 'esm', 'ts'],
    ['.js in a module package', CJS_SYNTAX, '/p/a.js', manifest('module'), 'esm'],
    ['.js in a commonjs package', ESM_SYNTAX, '/p/a.js', manifest('commonjs'), 'cjs'],
    ['.ts in a package without type', ESM_SYNTAX, '/p/a.ts', manifest(undefined), 'cjs', 'ts'],
    ['.tsx in a package without type', NEITHER, '/p/a.tsx', manifest(undefined), 'cjs', 'ts'],
    ['.js with import syntax in a package without type', ESM_SYNTAX, '/p/a.js', manifest(undefined), 'esm'],
    ['.js without import syntax in a package without type', NEITHER, '/p/a.js', manifest(undefined), 'cjs'],
    ['.js with only a type import', `import type { X } from './x';\nlet x: X;`, '/p/a.js', manifest(undefined), 'cjs', 'ts'],
    ['.js parsed as a script in a package without type', NEITHER, '/p/a.js', manifest(undefined), 'cjs', 'cjs'],
    ['no package.json, import syntax', ESM_SYNTAX, '/p/a.js', undefined, 'esm'],
    ['no package.json, require()', CJS_SYNTAX, '/p/a.js', undefined, 'cjs'],
    ['no package.json, __dirname', `console.log(__dirname);`, '/p/a.ts', undefined, 'cjs', 'ts'],
    ['no package.json, neither', NEITHER, '/p/a.js', undefined, 'esm'],
    ['no package.json, parsed as a script', NEITHER, '/p/a.js', undefined, 'cjs', 'cjs'],
    ['no package.json, import = require', `import fs = require('fs');`, '/p/a.ts', undefined, 'cjs', 'ts'],
    ['no package.json, export =', `export = 1;`, '/p/a.ts', undefined, 'cjs', 'ts'],
    ['an unreadable package.json: the syntax decides', CJS_SYNTAX, '/p/a.js', manifest('module', false), 'cjs'],
    ['a shadowed require is not CommonJS', `function f(require) { require('x'); }`, '/p/a.js', undefined, 'esm'],
  ])('%s', (_name, code, filename, packageJson, expected, language) => {
    expect(systemOf(code, filename, packageJson, language)).toBe(expected);
  });
});
