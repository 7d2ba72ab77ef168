import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveModule, resolvePathAlias } from '../../../src/analysis/project/module-resolution.js';
import { tempFolder } from '../../support/temp-folder.js';

const { root, write } = tempFolder('resolution');

write({
  'app/package.json': JSON.stringify({ name: 'app', imports: { '#lib/*': './src/lib/*.js', '#config': { node: './src/config.cjs', default: './src/config.js' } } }),
  'app/src/main.ts': '',
  'app/src/run.ts': '',
  'app/src/util/index.js': '',
  'app/src/lib/exec.ts': '',
  'app/src/config.cjs': '',
  'packages/jobs/package.json': JSON.stringify({ name: '@acme/jobs', exports: { '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' }, './queue': './src/queue.js' } }),
  'packages/jobs/src/index.ts': '',
  'packages/jobs/src/queue.js': '',
  'packages/tools/package.json': JSON.stringify({ name: 'tools', main: 'lib/tools.js' }),
  'packages/tools/lib/tools.js': '',
  'app/node_modules/installed/package.json': JSON.stringify({ name: 'installed', main: 'index.js' }),
  'app/node_modules/installed/index.js': '',
  'deep/package.json': `{"name":"deep","imports":{"#deep":${'{"node":'.repeat(5000)}"./a.js"${'}'.repeat(5000)}}}`,
  'deep/a.js': '',
  'outside/secret.js': '',
  'escape/package.json': JSON.stringify({
    name: 'escape',
    imports: { '#x/*': './src/*', '#up': './src/../../outside/secret.js', '#bare': 'outside/secret.js', '#modules/*': './node_modules/*' },
    exports: { './*': './src/*' },
  }),
  'escape/src/main.js': '',
  'escape/src/run.js': '',
  'escape/node_modules/dep.js': '',
  'consumer/node_modules/.keep': '',
  'plain/package.json': JSON.stringify({ name: 'plain' }),
  'plain/run.js': '',
  'mapped/package.json': JSON.stringify({
    name: 'mapped',
    exports: {
      './*': './lib/*.js',
      './utils/*': './src/utils/*.js',
      './features/*.js': './src/features/*.js',
      './features/private-internal/*': null,
      './order': { default: './d.js', import: './m.mjs' },
      './dotted': './src/%2e%2e/up.js',
      './bare': 'main.js',
    },
  }),
  'mapped/lib/utils/a.js': '',
  'mapped/src/utils/a.js': '',
  'mapped/src/features/open.js': '',
  'mapped/src/features/private-internal/m.js': '',
  'mapped/d.js': '',
  'mapped/m.mjs': '',
  'mapped/main.js': '',
  'mapped/src/%2e%2e/up.js': '',
});
symlinkSync(path.join(root, 'escape'), path.join(root, 'consumer/node_modules/escape'), 'dir');
symlinkSync(path.join(root, 'plain'), path.join(root, 'consumer/node_modules/plain'), 'dir');
symlinkSync(path.join(root, 'mapped'), path.join(root, 'consumer/node_modules/mapped'), 'dir');
mkdirSync(path.join(root, 'app/node_modules/@acme'), { recursive: true });
symlinkSync(path.join(root, 'packages/jobs'), path.join(root, 'app/node_modules/@acme/jobs'), 'dir');
symlinkSync(path.join(root, 'packages/tools'), path.join(root, 'app/node_modules/tools'), 'dir');

const from = path.join(root, 'app/src/main.ts');
const at = (file: string) => path.join(root, file);

describe('resolveModule', () => {
  it('resolves relative specifiers as Node and TypeScript do', () => {
    expect(resolveModule(from, './run.js')).toBe(at('app/src/run.ts'));
    expect(resolveModule(from, './run')).toBe(at('app/src/run.ts'));
    expect(resolveModule(from, './util')).toBe(at('app/src/util/index.js'));
    expect(resolveModule(from, './missing.js')).toBeUndefined();
  });

  it('maps package.json imports, with patterns and conditions', () => {
    expect(resolveModule(from, '#lib/exec')).toBe(at('app/src/lib/exec.ts'));
    expect(resolveModule(from, '#config')).toBe(at('app/src/config.cjs'));
    expect(resolveModule(from, '#nothing')).toBeUndefined();
  });

  it('follows workspace packages to their sources, not installed packages or built-in modules', () => {
    expect(resolveModule(from, '@acme/jobs')).toBe(at('packages/jobs/src/index.ts'));
    expect(resolveModule(from, '@acme/jobs/queue')).toBe(at('packages/jobs/src/queue.js'));
    expect(resolveModule(from, 'tools')).toBe(at('packages/tools/lib/tools.js'));
    expect(resolveModule(from, 'installed')).toBeUndefined();
    // Nor the modules of an installed package, even from inside it.
    expect(resolveModule(at('app/node_modules/installed/package.json'), './index.js')).toBeUndefined();
    expect(resolveModule(from, 'child_process')).toBeUndefined();
    expect(resolveModule(from, 'node:fs')).toBeUndefined();
  });
});

describe('resolveModule on hostile manifests', () => {
  it('gives up on conditions nested thousands deep instead of overflowing the stack', () => {
    expect(resolveModule(at('deep/a.js'), '#deep')).toBeUndefined();
  });

  it('rejects what Node rejects: targets and substitutions with .., ., empty or node_modules segments, bare targets', () => {
    const main = at('escape/src/main.js');
    expect(resolveModule(main, '#x/run.js')).toBe(at('escape/src/run.js'));
    expect(resolveModule(main, '#x/../../outside/secret.js')).toBeUndefined();
    expect(resolveModule(main, '#x/./run.js')).toBeUndefined();
    expect(resolveModule(main, '#x//run.js')).toBeUndefined();
    expect(resolveModule(main, '#up')).toBeUndefined();
    expect(resolveModule(main, '#bare')).toBeUndefined();
    expect(resolveModule(main, '#modules/dep.js')).toBeUndefined();
    const consumer = at('consumer/index.js');
    expect(resolveModule(consumer, 'escape/run.js')).toBe(at('escape/src/run.js'));
    expect(resolveModule(consumer, 'escape/../../outside/secret.js')).toBeUndefined();
    expect(resolveModule(consumer, 'plain/run.js')).toBe(at('plain/run.js'));
    expect(resolveModule(consumer, 'plain/../outside/secret.js')).toBeUndefined();
  });
});

describe('resolveModule on exports maps, as Node matches them', () => {
  const consumer = at('consumer/index.js');

  it('takes the longest matching pattern key, not the first', () => {
    expect(resolveModule(consumer, 'mapped/utils/a')).toBe(at('mapped/src/utils/a.js'));
  });

  it('leaves a subpath whose best key maps to null unresolved, even when a broader pattern matches', () => {
    expect(resolveModule(consumer, 'mapped/features/open.js')).toBe(at('mapped/src/features/open.js'));
    expect(resolveModule(consumer, 'mapped/features/private-internal/m.js')).toBeUndefined();
  });

  it("takes the first of the map's keys that is an active condition", () => {
    expect(resolveModule(consumer, 'mapped/order')).toBe(at('mapped/d.js'));
  });

  it('rejects invalid targets: percent-encoded dot segments and targets without ./', () => {
    expect(resolveModule(consumer, 'mapped/dotted')).toBeUndefined();
    expect(resolveModule(consumer, 'mapped/bare')).toBeUndefined();
  });
});

describe('resolvePathAlias', () => {
  it('maps the longest matching pattern against the base folder', () => {
    const aliases = { base: at('app'), paths: { '@/*': ['./src/*'], '@/lib/*': ['./src/lib/*'], '~run': ['src/run.ts'] } };
    expect(resolvePathAlias('@/lib/exec.js', aliases)).toBe(at('app/src/lib/exec.ts'));
    expect(resolvePathAlias('@/run', aliases)).toBe(at('app/src/run.ts'));
    expect(resolvePathAlias('~run', aliases)).toBe(at('app/src/run.ts'));
    expect(resolvePathAlias('lodash', aliases)).toBeUndefined();
  });
});

describe('resolveModule for workspace packages nothing has installed', () => {
  const workspace = tempFolder('workspaces');
  const tsconfig = JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'lib' } });
  workspace.write({
    'npm/package.json': JSON.stringify({ private: true, workspaces: ['packages/*', '!packages/excluded'] }),
    'npm/packages/a/package.json': JSON.stringify({ name: '@w/a', main: 'lib/index.js' }),
    'npm/packages/a/tsconfig.json': tsconfig,
    'npm/packages/a/src/index.ts': '',
    'npm/packages/a/src/node/run.ts': '',
    'npm/packages/app/package.json': JSON.stringify({ name: 'app' }),
    'npm/packages/app/src/main.ts': '',
    'npm/packages/excluded/package.json': JSON.stringify({ name: 'excluded' }),
    'npm/packages/excluded/index.js': '',
    'npm/packages/built/package.json': JSON.stringify({ name: 'built', main: 'lib/index.js' }),
    'npm/packages/built/tsconfig.json': tsconfig,
    'npm/packages/built/lib/index.js': '',
    'npm/packages/built/src/index.ts': '',
    'npm/packages/copy/package.json': JSON.stringify({ name: 'copy' }),
    'npm/packages/copy/index.js': '',
    'npm/node_modules/copy/package.json': JSON.stringify({ name: 'copy' }),
    'npm/node_modules/copy/index.js': '',
    'npm/loose/package.json': JSON.stringify({ name: 'loose' }),
    'npm/loose/index.js': '',
    'pnpm/package.json': JSON.stringify({ private: true }),
    'pnpm/pnpm-workspace.yaml': "packages:\n  # the tools\n  - 'tools/**'\n\nonlyBuiltDependencies: []\n",
    'pnpm/tools/group/deep/package.json': JSON.stringify({ name: 'deep-tool' }),
    'pnpm/tools/group/deep/index.js': '',
    'pnpm/app/package.json': JSON.stringify({ name: 'pnpm-app' }),
    'pnpm/app/main.js': '',
  });
  const inside = (file: string) => path.join(workspace.root, file);
  const app = inside('npm/packages/app/src/main.ts');

  it('finds the package of that name among the workspaces of the root', () => {
    expect(resolveModule(app, '@w/a')).toBe(inside('npm/packages/a/src/index.ts'));
    expect(resolveModule(inside('pnpm/app/main.js'), 'deep-tool')).toBe(inside('pnpm/tools/group/deep/index.js'));
  });

  it('maps build output missing from the tree to its source through the tsconfig', () => {
    expect(resolveModule(app, '@w/a/lib/node/run')).toBe(inside('npm/packages/a/src/node/run.ts'));
    expect(resolveModule(app, '@w/a/lib/node/run.js')).toBe(inside('npm/packages/a/src/node/run.ts'));
    // Present build output is what Node loads.
    expect(resolveModule(app, 'built')).toBe(inside('npm/packages/built/lib/index.js'));
  });

  it('leaves alone what is not a workspace package, or not the one Node loads', () => {
    expect(resolveModule(app, '@w/a/lib/node/missing')).toBeUndefined();
    expect(resolveModule(app, '@w/a/out/node/run')).toBeUndefined();
    expect(resolveModule(app, 'excluded')).toBeUndefined();
    expect(resolveModule(app, 'loose')).toBeUndefined();
    // An installed copy of the name is what Node loads: not the project's code.
    expect(resolveModule(app, 'copy')).toBeUndefined();
    expect(resolveModule(app, 'nothing')).toBeUndefined();
  });
});
