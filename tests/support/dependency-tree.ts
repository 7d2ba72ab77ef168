/**
 * Installed dependency trees for the dependency checks, in the three layouts package managers write:
 * npm's flat `node_modules` with its hidden lockfile, pnpm's `.pnpm` store of symlinks, and yarn
 * classic's flat tree with a nested copy. Each holds the same small packages: ones whose load starts
 * a process or throws, and their fixed or guarded twins. `node_modules` cannot be committed, so the
 * tree is written into a temporary folder.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { tempFolder } from './temp-folder.js';

/** The packages, by name: their files (`package.json` from `manifest`). */
export const PACKAGES: Record<string, { manifest: Record<string, unknown>; files: Record<string, string> }> = {
  // In the shape of detect-libc 1.0.3, which the rule's page shows.
  'detect-libc': {
    manifest: { main: 'lib/detect-libc.js' },
    files: { 'lib/detect-libc.js': "var spawnSync = require('child_process').spawnSync;\nvar family = '';\nif (process.platform === 'linux') {\n  var glibc = spawnSync('getconf', ['GNU_LIBC_VERSION']);\n  family = glibc.status === 0 ? 'glibc' : '';\n}\nmodule.exports = { family: family };\n" },
  },
  spawner: {
    manifest: { main: 'lib/index.js' },
    files: { 'lib/index.js': "const { spawnSync } = require('child_process');\nconst found = spawnSync('getconf', ['GNU_LIBC_VERSION']);\nmodule.exports = found.stdout;\n" },
  },
  'lazy-spawner': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "const { spawnSync } = require('child_process');\nexports.probe = () => spawnSync('getconf', ['GNU_LIBC_VERSION']);\n" },
  },
  'user-info': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "require('./parse');\n", 'parse.js': "const os = require('os');\n\nconst { username } = os.userInfo();\nexports.user = username;\n" },
  },
  'user-info-caught': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "const os = require('os');\nlet username = '';\ntry {\n  username = os.userInfo().username;\n} catch {}\nexports.user = username;\n" },
  },
  'posix-owner': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "exports.uid = process.getuid();\n" },
  },
  'posix-owner-guarded': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "exports.uid = process.platform === 'win32' ? -1 : process.getuid();\n" },
  },
  watcher: {
    manifest: { main: 'index.js' },
    files: { 'index.js': "const fsevents = require('fsevents');\nexports.watch = fsevents.watch;\n" },
  },
  'watcher-caught': {
    manifest: { main: 'index.js' },
    files: { 'index.js': "let fsevents;\ntry {\n  fsevents = require('fsevents');\n} catch {}\nexports.watch = fsevents && fsevents.watch;\n" },
  },
  wrapper: {
    manifest: { main: 'index.js', dependencies: { spawner: '1.0.0' } },
    files: { 'index.js': "const found = require('spawner');\nexports.found = found;\n" },
  },
  'dual-mode': {
    manifest: { exports: { '.': { import: './esm.mjs', require: './cjs.js' } } },
    files: {
      'esm.mjs': "import { execSync } from 'node:child_process';\nexport const version = execSync('watchman --version');\n",
      'cjs.js': "const { execSync } = require('child_process');\nexports.version = () => execSync('watchman --version');\n",
    },
  },
};

export interface DependencyTrees {
  readonly root: string;
  /** The project folder of each layout. */
  readonly npm: string;
  readonly pnpm: string;
  readonly yarn: string;
}

/** Writes the three layouts into a temporary folder removed after the test file. */
export function dependencyTrees(prefix: string): DependencyTrees {
  const { root, write } = tempFolder(prefix);
  const names = Object.keys(PACKAGES);
  const project = (dependencies: string[]) => JSON.stringify({ name: 'app', version: '0.0.0', dependencies: Object.fromEntries(dependencies.map((name) => [name, '1.0.0'])) });
  // `source`: the package whose files are written under `name` (a version that behaves like it).
  const packageFiles = (folder: string, name: string, version = '1.0.0', source = name): Record<string, string> => {
    const { manifest, files } = PACKAGES[source] ?? { manifest: {}, files: {} };
    return {
      [`${folder}/package.json`]: JSON.stringify({ name, version, ...manifest }),
      ...Object.fromEntries(Object.entries(files).map(([file, text]) => [`${folder}/${file}`, text])),
    };
  };
  // npm: flat, with the hidden lockfile's integrities.
  const lock = { name: 'app', lockfileVersion: 3, packages: Object.fromEntries(names.map((name) => [`node_modules/${name}`, { version: '1.0.0', integrity: `sha512-${name}` }])) };
  write({ 'npm/package.json': project(names), 'npm/node_modules/.package-lock.json': JSON.stringify(lock), ...Object.assign({}, ...names.map((name) => packageFiles(`npm/node_modules/${name}`, name))) });
  // pnpm: every package in the store, linked from the project and from the packages that depend on it.
  write({ 'pnpm/package.json': project(['wrapper', 'lazy-spawner']), ...Object.assign({}, ...names.map((name) => packageFiles(`pnpm/node_modules/.pnpm/${name}@1.0.0/node_modules/${name}`, name))) });
  const link = (target: string, at: string) => {
    mkdirSync(path.dirname(path.join(root, at)), { recursive: true });
    symlinkSync(path.relative(path.dirname(path.join(root, at)), path.join(root, target)), path.join(root, at), 'dir');
  };
  link('pnpm/node_modules/.pnpm/wrapper@1.0.0/node_modules/wrapper', 'pnpm/node_modules/wrapper');
  link('pnpm/node_modules/.pnpm/lazy-spawner@1.0.0/node_modules/lazy-spawner', 'pnpm/node_modules/lazy-spawner');
  link('pnpm/node_modules/.pnpm/spawner@1.0.0/node_modules/spawner', 'pnpm/node_modules/.pnpm/wrapper@1.0.0/node_modules/spawner');
  // yarn classic: flat, no lockfile integrity in node_modules, and a nested copy of another version.
  write({
    'yarn/package.json': project(['wrapper', 'spawner']),
    'yarn/yarn.lock': '# yarn lockfile v1\n',
    ...packageFiles('yarn/node_modules/spawner', 'spawner', '2.0.0', 'lazy-spawner'),
    ...packageFiles('yarn/node_modules/wrapper', 'wrapper'),
    ...packageFiles('yarn/node_modules/wrapper/node_modules/spawner', 'spawner'),
  });
  return { root, npm: path.join(root, 'npm'), pnpm: path.join(root, 'pnpm'), yarn: path.join(root, 'yarn') };
}
