import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { resolveInstalledPackage } from '../../../src/analysis/project/module-resolution.js';
import { dependencyHazard, type DependencyReader } from '../../../src/analysis/project/package-load.js';
import { resetModuleSummaries } from '../../../src/analysis/project/summary-store.js';
import { loadFactsOf } from '../../../src/rules/no-hazardous-dependency-utils/load-facts.js';
import { dependencyTrees } from '../../support/dependency-tree.js';
import { tempFolder } from '../../support/temp-folder.js';

const trees = dependencyTrees('package-load');
const locked = dependencyTrees('package-load-locked');
writeFileSync(path.join(locked.pnpm, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n\npackages:\n\n  spawner@1.0.0:\n    resolution: {integrity: sha512-spawner}\n\n  wrapper@1.0.0:\n    resolution: {integrity: sha512-wrapper}\n");
writeFileSync(path.join(locked.yarn, 'yarn.lock'), ['spawner@1.0.0', 'spawner@2.0.0', 'wrapper@1.0.0'].map((id) => `${id.replace('@', '@^')}:\n  version "${id.split('@')[1]}"\n  integrity sha512-${id}\n`).join('\n'));
const reader: DependencyReader = { settings: {}, factsOf: loadFactsOf };
const from = (project: string) => path.join(project, 'src', 'index.js');
const cacheFolder = (project: string) => path.join(project, 'node_modules', '.cache', 'process-guard');

beforeEach(() => resetModuleSummaries());

describe('resolveInstalledPackage', () => {
  it('takes the exports condition of the load, then main', () => {
    const folder = path.join(trees.npm, 'node_modules', 'dual-mode');
    expect(resolveInstalledPackage(from(trees.npm), 'dual-mode', 'import')?.entry).toBe(path.join(folder, 'esm.mjs'));
    expect(resolveInstalledPackage(from(trees.npm), 'dual-mode', 'require')?.entry).toBe(path.join(folder, 'cjs.js'));
    expect(resolveInstalledPackage(from(trees.npm), 'spawner', 'require')?.entry).toBe(path.join(trees.npm, 'node_modules', 'spawner', 'lib', 'index.js'));
  });

  it('follows pnpm links to the store, and finds nested yarn copies from inside the package', () => {
    const wrapper = resolveInstalledPackage(from(trees.pnpm), 'wrapper', 'require');
    expect(wrapper?.folder).toBe(path.join(trees.pnpm, 'node_modules', '.pnpm', 'wrapper@1.0.0', 'node_modules', 'wrapper'));
    expect(resolveInstalledPackage(path.join(wrapper?.folder ?? '', 'index.js'), 'spawner', 'require')?.folder).toBe(path.join(trees.pnpm, 'node_modules', '.pnpm', 'spawner@1.0.0', 'node_modules', 'spawner'));
    const nested = resolveInstalledPackage(path.join(trees.yarn, 'node_modules', 'wrapper', 'index.js'), 'spawner', 'require');
    expect(nested?.folder).toBe(path.join(trees.yarn, 'node_modules', 'wrapper', 'node_modules', 'spawner'));
  });

  it('leaves a workspace package linked into node_modules to the project', () => {
    const { root, write } = tempFolder('package-workspace');
    write({ 'app/node_modules/.keep': '', 'packages/lib/package.json': JSON.stringify({ name: 'lib', version: '1.0.0', main: 'index.js' }), 'packages/lib/index.js': "require('child_process').execSync('x');\n" });
    symlinkSync(path.join(root, 'packages/lib'), path.join(root, 'app/node_modules/lib'), 'dir');
    expect(resolveInstalledPackage(path.join(root, 'app/index.js'), 'lib', 'require')).toBeUndefined();
  });

  it('leaves builtins, relative and missing specifiers unresolved', () => {
    for (const specifier of ['fs', 'node:fs', './spawner', '#x', 'missing', 'spawner/../wrapper']) {
      expect(resolveInstalledPackage(from(trees.npm), specifier, 'require')).toBeUndefined();
    }
  });
});

describe('dependencyHazard', () => {
  it('finds the start in the entry, with the file and line inside the package', () => {
    expect(dependencyHazard(from(trees.npm), 'spawner', 'require', reader)).toMatchObject({ kind: 'start', file: 'lib/index.js', line: 2, path: ['spawner@1.0.0'] });
  });

  it('is silent on the fixed and guarded twins', () => {
    for (const name of ['lazy-spawner', 'user-info-caught', 'posix-owner-guarded', 'watcher-caught']) {
      expect(dependencyHazard(from(trees.npm), name, 'require', reader), name).toBeUndefined();
    }
  });

  it('follows dependencies in every layout', () => {
    for (const project of [trees.npm, trees.pnpm, trees.yarn]) {
      expect(dependencyHazard(from(project), 'wrapper', 'require', reader)?.path, project).toEqual(['wrapper@1.0.0', 'spawner@1.0.0']);
    }
    // yarn: the top-level copy behaves like the fixed version.
    expect(dependencyHazard(from(trees.yarn), 'spawner', 'require', reader)).toBeUndefined();
  });
});

describe('the disk cache', () => {
  const cacheFile = (project: string, name: string) => {
    const files = readdirSync(cacheFolder(project)).map((file) => path.join(cacheFolder(project), file));
    return files.find((file) => (JSON.parse(readFileSync(file, 'utf8')) as { identity: { name: string } }).identity.name === name) ?? '';
  };

  it('keeps one file per identity when the lockfile gives the integrity, and reads it back', () => {
    dependencyHazard(from(trees.npm), 'posix-owner', 'require', reader);
    const file = cacheFile(trees.npm, 'posix-owner');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { identity: unknown; entries: Record<string, { hazards: { what: string }[] }> };
    expect(kept.identity).toEqual({ name: 'posix-owner', version: '1.0.0', integrity: 'sha512-posix-owner' });
    // What is on disk is the answer: a changed entry is what the next process reads.
    for (const entry of Object.values(kept.entries)) entry.hazards[0] = { ...entry.hazards[0], what: 'read from the cache' } as { what: string };
    writeFileSync(file, JSON.stringify(kept));
    resetModuleSummaries();
    expect(dependencyHazard(from(trees.npm), 'posix-owner', 'require', reader)?.what).toBe('read from the cache');
  });

  it('ignores a corrupt file and one of another identity', () => {
    dependencyHazard(from(trees.npm), 'watcher', 'require', reader);
    const file = cacheFile(trees.npm, 'watcher');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { identity: { integrity: string }; entries: Record<string, { hazards: unknown[] }> };
    for (const entry of Object.values(kept.entries)) entry.hazards = [];
    writeFileSync(file, JSON.stringify({ ...kept, identity: { ...kept.identity, integrity: 'sha512-other' } }));
    resetModuleSummaries();
    expect(dependencyHazard(from(trees.npm), 'watcher', 'require', reader)?.file).toBe('index.js');
    writeFileSync(file, '{ not json');
    resetModuleSummaries();
    expect(dependencyHazard(from(trees.npm), 'watcher', 'require', reader)?.file).toBe('index.js');
  });

  it("keeps pnpm's and yarn's packages by the integrity their lockfiles give", () => {
    const identities = (project: string) => readdirSync(cacheFolder(project)).map((file) => (JSON.parse(readFileSync(path.join(cacheFolder(project), file), 'utf8')) as { identity: { integrity: string } }).identity.integrity).sort();
    expect(dependencyHazard(from(locked.pnpm), 'wrapper', 'require', reader)?.path).toEqual(['wrapper@1.0.0', 'spawner@1.0.0']);
    expect(identities(locked.pnpm)).toEqual(['sha512-spawner', 'sha512-wrapper']);
    dependencyHazard(from(locked.yarn), 'wrapper', 'require', reader);
    dependencyHazard(from(locked.yarn), 'spawner', 'require', reader);
    expect(identities(locked.yarn)).toEqual(['sha512-spawner@1.0.0', 'sha512-spawner@2.0.0', 'sha512-wrapper@1.0.0']);
  });

  it('keeps nothing on disk without an integrity (pnpm, yarn)', () => {
    dependencyHazard(from(trees.pnpm), 'wrapper', 'require', reader);
    dependencyHazard(from(trees.yarn), 'wrapper', 'require', reader);
    expect(() => readdirSync(cacheFolder(trees.pnpm))).toThrow();
    expect(() => readdirSync(cacheFolder(trees.yarn))).toThrow();
  });
});

describe('bounds', () => {
  const { root, write } = tempFolder('package-bounds');
  write({
    'node_modules/.package-lock.json': '{}',
    'node_modules/huge/package.json': JSON.stringify({ name: 'huge', version: '1.0.0', main: 'index.js' }),
    'node_modules/huge/index.js': `require('child_process').execSync('probe');\n${'var a = 1;\n'.repeat(60_000)}`,
    'node_modules/deep/package.json': JSON.stringify({ name: 'deep', version: '1.0.0', main: 'm0.js' }),
    ...Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`node_modules/deep/m${index}.js`, index === 79 ? "require('child_process').execSync('probe');\n" : `require('./m${index + 1}');\n`])),
  });

  it('leaves a module over the size cap and one past the module budget unknown', () => {
    expect(dependencyHazard(path.join(root, 'a.js'), 'huge', 'require', reader)).toBeUndefined();
    expect(dependencyHazard(path.join(root, 'a.js'), 'deep', 'require', reader)).toBeUndefined();
  });
});
