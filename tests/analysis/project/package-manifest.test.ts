import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { declaredPlatforms, enclosingManifest, isApplicationPackage, manifestOf, nearestManifest, repositoryRoot, scriptConfigs, scriptFiles, startedPaths } from '../../../src/analysis/project/package-manifest.js';

let root: string;

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'package-manifest-'));
  write({
    'package.json': JSON.stringify({ name: 'workspace', private: true }),
    'app/package.json': JSON.stringify({
      name: 'app',
      type: 'module',
      main: './index.js',
      exports: { '.': './index.js' },
      bin: { app: './bin/cli.js' },
      scripts: { build: 'node scripts/build', test: 'vitest', serve: 'cross-env PORT=1 tsx src/server.ts && node scripts/build.js', lint: 42 },
    }),
    'app/src/deep/file.js': '',
    'legacy/package.json': JSON.stringify({ type: 'commonjs', bin: 'cli.js' }),
    'odd/package.json': JSON.stringify({ type: 'nonsense' }),
    'folder-run/package.json': JSON.stringify({ main: 'app', scripts: { app: 'node .', dev: 'node ./ dev', other: 'node lib' } }),
    'folder-run-index/package.json': JSON.stringify({ scripts: { start: 'node .' } }),
    'broken/package.json': '{ "name": ',
    'clone/.git/HEAD': 'ref: refs/heads/main\n',
    'clone/packages/tool/src/run.js': '',
    'array/package.json': '[]',
    // a VS Code extension's manifest: its `contributes` runs past a megabyte
    'extension/package.json': JSON.stringify({ name: 'extension', devDependencies: { '@vscode/test-cli': '0.0.15' }, contributes: { commands: Array.from({ length: 12_000 }, (_, index) => ({ command: `extension.command${index}`, title: `Command number ${index}` })) } }),
  });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the nearest package.json', () => {
  it('is found from a file several folders down, with what it says', () => {
    const manifest = nearestManifest(path.join(root, 'app/src/deep/file.js'));
    expect(manifest).toMatchObject({
      folder: path.join(root, 'app'),
      type: 'module',
      known: true,
      name: 'app',
      main: './index.js',
      exports: { '.': './index.js' },
    });
    expect([...manifest!.binFiles]).toEqual([path.join(root, 'app/bin/cli.js')]);
    expect([...manifest!.startedFiles].sort()).toEqual(
      ['app/bin/cli.js', 'app/scripts/build', 'app/scripts/build.js', 'app/src/server.ts'].map((file) => path.join(root, file)).sort(),
    );
    expect(manifest!.scripts.get('test')).toBe('vitest');
    expect(manifest!.scripts.has('lint')).toBe(false);
    expect(manifest!.scriptsRunning.get(path.join(root, 'app/scripts/build.js'))).toEqual(['serve']);
    expect(manifest!.scriptsRunning.get(path.join(root, 'app/src/server.ts'))).toEqual(['serve']);
  });

  it('runs the package\'s main for `node .`, as Node resolves a folder', () => {
    const manifest = nearestManifest(path.join(root, 'folder-run/app.js'));
    expect([...manifest!.startedFiles].sort()).toEqual(['folder-run/app', 'folder-run/lib'].map((file) => path.join(root, file)).sort());
    expect(manifest!.scriptsRunning.get(path.join(root, 'folder-run/app'))).toEqual(['app', 'dev']);
    expect([...nearestManifest(path.join(root, 'folder-run-index/index.js'))!.startedFiles]).toEqual([path.join(root, 'folder-run-index/index.js')]);
  });

  it.each<[string, 'module' | 'commonjs' | undefined, boolean]>([
    ['legacy', 'commonjs', true],
    ['odd', undefined, true],
    ['broken', undefined, false],
    ['array', undefined, false],
  ])('%s: type %s, known %s', (folder, type, known) => {
    const manifest = nearestManifest(path.join(root, folder, 'index.js'));
    expect(manifest).toMatchObject({ folder: path.join(root, folder), type, known });
  });

  it('reads a manifest of over a megabyte', () => {
    const manifest = nearestManifest(path.join(root, 'extension/index.js'));
    expect(manifest).toMatchObject({ known: true, name: 'extension' });
    expect(manifest?.dependencies.has('@vscode/test-cli')).toBe(true);
    expect(manifest?.vscodeExtension).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['a VS Code extension', { engines: { vscode: '^1.90.0' } }, true],
    ['a private package', { private: true, main: 'main.js' }, true],
    // npm refuses to publish a package whose `private` is truthy, a string included.
    ['a package private by a string', { private: 'true', main: 'main.js' }, true],
    ['a package with private false', { private: false, main: 'main.js' }, false],
    ['a published package', { main: 'index.js', engines: { node: '>=20' } }, false],
  ])('%s is an application: %s', (_name, json, expected) => {
    write({ [`kinds/${_name.replaceAll(' ', '-')}/package.json`]: JSON.stringify(json) });
    const manifest = nearestManifest(path.join(root, `kinds/${_name.replaceAll(' ', '-')}/src/a.js`));
    expect(manifest && isApplicationPackage(manifest)).toBe(expected);
  });

  it('knows nothing started by a package whose package.json cannot be parsed', () => {
    const manifest = nearestManifest(path.join(root, 'broken/index.js'));
    expect(manifest?.startedFiles.size).toBe(0);
    expect(manifest?.scripts.size).toBe(0);
  });

  it('answers the same from a second file of the folder', () => {
    const first = nearestManifest(path.join(root, 'legacy/a.js'));
    expect(nearestManifest(path.join(root, 'legacy/b.js'))).toEqual(first);
  });

  it('is the package of the folder itself, or none', () => {
    expect(manifestOf(path.join(root, 'app'))?.name).toBe('app');
    expect(manifestOf(path.join(root, 'app/src'))).toBeUndefined();
  });

  it('is enclosed by the workspace root', () => {
    const app = manifestOf(path.join(root, 'app'))!;
    expect(enclosingManifest(app)?.name).toBe('workspace');
  });
});

describe('the repository root', () => {
  it('is the nearest folder up that holds `.git`', () => {
    expect(repositoryRoot(path.join(root, 'clone/packages/tool/src'))).toBe(path.join(root, 'clone'));
    expect(repositoryRoot(path.join(root, 'clone'))).toBe(path.join(root, 'clone'));
  });
  it('is not known outside a repository', () => {
    expect(repositoryRoot(path.join(root, 'app/src/deep'))).toBeUndefined();
  });
});

describe('the platforms "os" installs a package on', () => {
  it.each<[unknown, string[] | undefined]>([
    [['darwin'], ['darwin']],
    [['linux', 'darwin'], ['darwin', 'linux']],
    // Only blocked names: every platform but those.
    [['!win32'], ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos']],
    [['linux', '!linux'], []],
    // Nothing left out: no fact.
    [['!solaris'], undefined],
    [[], undefined],
    ['darwin', undefined],
    [['darwin', 1], undefined],
    [undefined, undefined],
  ])('%j: %j', (os, expected) => {
    const platforms = declaredPlatforms(os);
    expect(platforms && [...platforms].sort()).toEqual(expected);
  });

  it('is read from the package.json', () => {
    write({ 'mac-only/package.json': JSON.stringify({ name: 'mac-only', os: ['darwin'] }) });
    expect([...(manifestOf(path.join(root, 'mac-only'))?.os ?? [])]).toEqual(['darwin']);
    expect(manifestOf(path.join(root, 'app'))?.os).toBeUndefined();
  });
});

describe('paths a package.json may name a file by', () => {
  it.each<[string, string[]]>([
    ['/p/scripts/build.js', ['/p/scripts/build.js', '/p/scripts/build']],
    ['/p/scripts/build', ['/p/scripts/build']],
    ['/p/src/server.test.ts', ['/p/src/server.test.ts', '/p/src/server.test']],
  ])('%s', (file, expected) => {
    expect(startedPaths(file)).toEqual(expected);
  });
});

describe('the files a script runs', () => {
  it.each<[string, string[]]>([
    ['node scripts/build.js', ['scripts/build.js']],
    ['node --import tsx src/main.ts', ['src/main.ts']],
    ['node -r dotenv/config --inspect server.js', ['server.js']],
    ['tsx watch.ts && ts-node other.ts', ['watch.ts', 'other.ts']],
    ['cross-env NODE_ENV=test node test.js', ['test.js']],
    ['NODE_ENV=production node "dist/main.js"', ['dist/main.js']],
    ["DEV=1 HOOK= NODE_OPTIONS='--max-old-space-size=4096 --trace-warnings' ts-node ./ci/dev/watch.ts", ['./ci/dev/watch.ts']],
    ['npx tsx script.ts', ['script.ts']],
    ['bun run task.ts', ['task.ts']],
    ['vite-node a.ts; node b.js | node c.js', ['a.ts', 'b.js', 'c.js']],
    ['node -e "require(1)"', []],
    ['node --print 1', []],
    ['vitest run', []],
    ['node', []],
    ['', []],
  ])('%s', (script, expected) => {
    expect(scriptFiles(script)).toEqual(expected);
  });
});

describe('the configuration files a script passes to tools', () => {
  it.each<[string, { tool: string; file: string }[]]>([
    ['webpack serve --config ./configs/webpack.dev.ts', [{ tool: 'webpack', file: './configs/webpack.dev.ts' }]],
    ['cross-env X=1 webpack --config=a.js && rollup -c "b.mjs"', [{ tool: 'webpack', file: 'a.js' }, { tool: 'rollup', file: 'b.mjs' }]],
    ['npx playwright test -c e2e/pw.config.ts', [{ tool: 'playwright', file: 'e2e/pw.config.ts' }]],
    ['mocha --config .mocharc.ci.js', [{ tool: 'mocha', file: '.mocharc.ci.js' }]],
    // `-c` is mocha's `--colors` and prettier's `--check`.
    ['mocha -c test/a.js; prettier -c src/x.js', []],
    // A runtime's arguments belong to the script it runs.
    ['node build.js --config x.js', []],
    ['webpack --config', []],
    ['webpack --config= --config --watch', []],
    // The equals forms, as yargs, minimist and cac read them.
    ['jest -c=jest-e2e-cjs.config.ts --no-cache', [{ tool: 'jest', file: 'jest-e2e-cjs.config.ts' }]],
    ['prettier -c=src/x.js', []],
    // A runtime running a tool's own executable from node_modules: the arguments after it are the tool's.
    ['node node_modules/jest/bin/jest.js -c=jest-e2e-esm.config.ts', [{ tool: 'jest', file: 'jest-e2e-esm.config.ts' }]],
    ['node --inspect ./node_modules/.bin/webpack --config=a.js', [{ tool: 'webpack', file: 'a.js' }]],
    ['node node_modules/@playwright/test/cli.js test -c pw.ts', [{ tool: '@playwright/test', file: 'pw.ts' }]],
    ['node scripts/jest.js -c=x.ts', []],
    // rollup's `-c` without a value loads its documented default names.
    [
      'rollup -c --watch',
      [
        { tool: 'rollup', file: 'rollup.config.mjs' },
        { tool: 'rollup', file: 'rollup.config.cjs' },
        { tool: 'rollup', file: 'rollup.config.js' },
      ],
    ],
  ])('%s', (script, expected) => {
    expect(scriptConfigs(script)).toEqual(expected);
  });
});
