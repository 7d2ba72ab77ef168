/**
 * `npx jiti scripts/compare-exports-maps.ts`: the plugin's `exports`/`imports` resolution
 * (project/module-resolution.ts) against the resolve.exports package, with Node.js itself as the
 * judge. Each case of the table (the examples of Node's doc/api/packages.md and the rules of its
 * resolution algorithm) becomes a workspace package linked into a temporary app's node_modules, or
 * an `imports` entry of the app; Node resolves every specifier in a child process with the `import`
 * conditions and with the `require` ones. It prints one row per case and the time of each resolver.
 * It only reports (the findings are in docs/ARCHITECTURE.md, "Libraries").
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import * as resolveExports from 'resolve.exports';

import { resolveModule } from '../src/analysis/project/module-resolution.js';

interface Case {
  readonly title: string;
  /** The package's `exports`, or the app's `imports` when the specifier starts with `#`. */
  readonly map: unknown;
  /** The specifier after the package name (`''` for the package itself), or the `#` specifier. */
  readonly subpath: string;
  /** Files to create in the package (or the app). */
  readonly files: readonly string[];
}

const CASES: Case[] = [
  { title: 'string sugar', map: './main.js', subpath: '', files: ['main.js'] },
  { title: 'conditions sugar', map: { import: './m.mjs', require: './c.cjs' }, subpath: '', files: ['m.mjs', 'c.cjs'] },
  { title: 'require listed first', map: { require: './c.cjs', import: './m.mjs' }, subpath: '', files: ['m.mjs', 'c.cjs'] },
  { title: 'default before import', map: { default: './d.js', import: './m.mjs' }, subpath: '', files: ['d.js', 'm.mjs'] },
  { title: 'nested conditions', map: { node: { import: './n.mjs', require: './n.cjs' }, default: './b.js' }, subpath: '', files: ['n.mjs', 'n.cjs', 'b.js'] },
  { title: 'unknown condition skipped', map: { browser: './b.js', default: './d.js' }, subpath: '', files: ['b.js', 'd.js'] },
  { title: 'types condition skipped', map: { types: './i.d.ts', default: './d.js' }, subpath: '', files: ['i.d.ts', 'd.js'] },
  { title: 'source condition', map: { source: './src/i.ts', default: './dist/i.js' }, subpath: '', files: ['src/i.ts', 'dist/i.js'] },
  { title: 'exact subpath', map: { '.': './main.js', './feature': './f.js' }, subpath: '/feature', files: ['main.js', 'f.js'] },
  { title: 'subpath not exported', map: { '.': './main.js' }, subpath: '/main.js', files: ['main.js'] },
  { title: 'doc pattern', map: { './features/*.js': './src/features/*.js', './features/private-internal/*': null }, subpath: '/features/x.js', files: ['src/features/x.js'] },
  { title: 'doc pattern, nested', map: { './features/*.js': './src/features/*.js' }, subpath: '/features/y/y.js', files: ['src/features/y/y.js'] },
  {
    title: 'doc null exclusion',
    map: { './features/*.js': './src/features/*.js', './features/private-internal/*': null },
    subpath: '/features/private-internal/m.js',
    files: ['src/features/private-internal/m.js'],
  },
  { title: 'longest pattern wins', map: { './*': './lib/*.js', './utils/*': './src/utils/*.js' }, subpath: '/utils/a', files: ['lib/utils/a.js', 'src/utils/a.js'] },
  { title: 'exact key beats pattern', map: { './*': './lib/*.js', './special': './special.js' }, subpath: '/special', files: ['lib/special.js', 'special.js'] },
  { title: 'empty pattern match', map: { './features/*.js': './src/features/*.js' }, subpath: '/features/.js', files: ['src/features/.js'] },
  { title: 'array fallback', map: { '.': ['./main.js', './other.js'] }, subpath: '', files: ['main.js', 'other.js'] },
  { title: 'target outside the package', map: { './up': '../outside.js' }, subpath: '/up', files: ['../outside.js'] },
  { title: 'target without ./', map: { './bare': 'main.js' }, subpath: '/bare', files: ['main.js'] },
  { title: '.. in the pattern match', map: { './features/*': './src/features/*' }, subpath: '/features/../../secret.js', files: ['secret.js'] },
  { title: 'folder mapping (removed)', map: { './dir/': './lib/dir/' }, subpath: '/dir/a.js', files: ['lib/dir/a.js'] },
  { title: 'dot in a pattern key', map: { './a.b/*': './ab/*.js' }, subpath: '/aXb/c', files: ['ab/c.js'] },
  { title: '#imports conditions', map: { '#dep': { node: './src/dep-node.js', default: './src/dep.js' } }, subpath: '#dep', files: ['src/dep-node.js', 'src/dep.js'] },
  { title: '#imports pattern', map: { '#internal/*.js': './src/internal/*.js' }, subpath: '#internal/z.js', files: ['src/internal/z.js'] },
  { title: '#imports to a package', map: { '#lib': 'lib-target' }, subpath: '#lib', files: [] },
];

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'exports-maps-')));

function write(file: string, text = 'export {};\n'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Lays out the cases: app/ importing workspace packages packages/p<N>, linked into app/node_modules. */
function layOut(): { app: string; importer: string; specifiers: string[] } {
  const app = path.join(root, 'app');
  const imports: Record<string, unknown> = {};
  const specifiers = CASES.map((testCase, index) => {
    if (testCase.subpath.startsWith('#')) {
      Object.assign(imports, testCase.map);
      for (const file of testCase.files) write(path.join(app, file));
      return testCase.subpath;
    }
    const name = `p${index}`;
    const folder = path.join(root, 'packages', name);
    write(path.join(folder, 'package.json'), JSON.stringify({ name, exports: testCase.map }));
    for (const file of testCase.files) write(path.join(folder, file));
    mkdirSync(path.join(app, 'node_modules'), { recursive: true });
    symlinkSync(folder, path.join(app, 'node_modules', name), 'dir');
    return `${name}${testCase.subpath}`;
  });
  // The package `#lib` names: found by Node, never by a relative lookup.
  const lib = path.join(root, 'packages', 'lib-target');
  write(path.join(lib, 'package.json'), JSON.stringify({ name: 'lib-target', main: './index.js' }));
  write(path.join(lib, 'index.js'));
  symlinkSync(lib, path.join(app, 'node_modules', 'lib-target'), 'dir');
  write(path.join(app, 'package.json'), JSON.stringify({ name: 'app', imports }));
  const importer = path.join(app, 'src', 'index.js');
  write(importer);
  return { app, importer, specifiers };
}

/** What Node resolves each specifier to from `importer`, with the import and the require conditions. */
function nodeResolves(importer: string, specifiers: readonly string[]): { import: string[]; require: string[] } {
  const probe = path.join(path.dirname(importer), 'probe.mjs');
  write(
    probe,
    `import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const attempt = (resolve) => { try { return resolve(); } catch (error) { return 'error: ' + error.code; } };
const specifiers = ${JSON.stringify(specifiers)};
console.log(JSON.stringify({
  import: specifiers.map((s) => attempt(() => fileURLToPath(import.meta.resolve(s)))),
  require: specifiers.map((s) => attempt(() => require.resolve(s))),
}));
`,
  );
  return JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as { import: string[]; require: string[] };
}

/** resolve.exports on the same manifest, with the target made a path as our resolver would read it. */
function libraryResolves(testCase: Case, index: number, app: string, require: boolean): string {
  const imports = testCase.subpath.startsWith('#');
  const name = imports ? 'app' : `p${index}`;
  const folder = imports ? app : path.join(root, 'packages', name);
  const manifest = imports ? { name, imports: testCase.map } : { name, exports: testCase.map };
  try {
    const targets = resolveExports.resolve(manifest, imports ? testCase.subpath : `.${testCase.subpath}`, { require }) ?? [];
    const [target] = targets;
    if (target === undefined) return 'error';
    // A bare target (`"#lib": "lib-target"`) is a package for the caller to resolve.
    return /^\.\.?\//.test(target) ? path.resolve(folder, target) : (resolveModule(path.join(app, 'src', 'index.js'), target) ?? 'error');
  } catch {
    return 'error';
  }
}

const short = (file: string | undefined): string => (file === undefined ? '—' : file.startsWith('error') ? file : path.relative(root, file));

const { app, importer, specifiers } = layOut();
try {
  const node = nodeResolves(importer, specifiers);
  let ours = 0;
  let library = 0;
  let ourTime = 0;
  console.log('| case | specifier | Node import | Node require | process-guard | resolve.exports (import) |\n| --- | --- | --- | --- | --- | --- |');
  CASES.forEach((testCase, index) => {
    const started = performance.now();
    // The first resolution of each specifier: it reads the disk, later ones come from the cache.
    const mine = resolveModule(importer, specifiers[index]!);
    ourTime += performance.now() - started;
    const theirs = libraryResolves(testCase, index, app, false);
    const expected = node.import[index]!;
    // Agreeing means naming Node's file under either condition set, or failing where Node fails.
    const accepted = (found: string | undefined): boolean =>
      found === undefined || found.startsWith('error') ? expected.startsWith('error') : [node.import[index], node.require[index]].includes(found);
    if (accepted(mine)) ours += 1;
    if (accepted(theirs)) library += 1;
    const mark = (found: string | undefined): string => `${short(found)}${accepted(found) ? '' : ' ✗'}`;
    console.log(`| ${testCase.title} | \`${specifiers[index]}\` | ${short(expected)} | ${short(node.require[index])} | ${mark(mine)} | ${mark(theirs)} |`);
  });
  console.log(`\nagree with Node: process-guard ${ours} of ${CASES.length}, resolve.exports ${library} of ${CASES.length}`);

  // Time: the map lookups of resolve.exports (pure), against our whole first resolution (disk included).
  const rounds = 20_000;
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) CASES.forEach((testCase, index) => libraryResolves(testCase, index, app, false));
  const libraryTime = (performance.now() - start) / (rounds * CASES.length);
  console.log(`resolve.exports: ${(libraryTime * 1000).toFixed(2)} µs a lookup, before the file check`);
  console.log(`process-guard: ${((ourTime * 1000) / CASES.length).toFixed(1)} µs a first resolution, disk included`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
