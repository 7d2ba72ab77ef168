// no-hazardous-dependency on real packages at real versions (tests/dependencies/packages.json): each
// buggy and fixed version is fetched from the npm registry with `npm pack` into the cache the
// real-bug corpus uses (`~/.cache/process-guard/real-bugs`, or $PROCESS_GUARD_REAL_BUGS_CACHE), so
// a rerun downloads nothing, then copied into a throwaway project that requires it. The buggy version
// is reported with the file and line inside the package; the fixed one is not.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadBuiltPlugin, ROOT, tempProject, type TempProject } from './support.js';

interface PackageCase {
  readonly package: string;
  readonly buggy: string;
  readonly fixed: string;
  readonly file: string;
  readonly line: number;
}

const { packages } = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'dependencies', 'packages.json'), 'utf8')) as { packages: PackageCase[] };
const CACHE = process.env.PROCESS_GUARD_REAL_BUGS_CACHE ?? path.join(homedir(), '.cache', 'process-guard', 'real-bugs');

/** The package's folder in the cache, downloaded and extracted first when missing (tarball only: no dependencies, no scripts). */
function cachedVersion(name: string, version: string): string {
  const dir = path.join(CACHE, `${name.replace('/', '+')}@${version}`);
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--prefer-offline', '--ignore-scripts', '--pack-destination', staging], { cwd: staging, stdio: 'ignore', shell: process.platform === 'win32' });
  const tarball = readdirSync(staging).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
  execFileSync('tar', ['xzf', tarball, '--strip-components=1'], { cwd: staging });
  rmSync(path.join(staging, tarball));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

let project: TempProject;
let eslint: ESLint;

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const { package: name, buggy, fixed } of packages) {
    for (const version of [buggy, fixed]) {
      const folder = `${name}@${version}`;
      files[`${folder}/package.json`] = JSON.stringify({ name: 'app', version: '0.0.0', dependencies: { [name]: version } });
      files[`${folder}/node_modules/.package-lock.json`] = JSON.stringify({ lockfileVersion: 3, packages: { [`node_modules/${name}`]: { version, integrity: `sha512-${name}@${version}` } } });
      files[`${folder}/index.cjs`] = `const dependency = require('${name}');\nmodule.exports = () => dependency;\n`;
    }
  }
  project = tempProject(files, []);
  for (const { package: name, buggy, fixed } of packages) {
    for (const version of [buggy, fixed]) cpSync(cachedVersion(name, version), path.join(project.dir, `${name}@${version}`, 'node_modules', name), { recursive: true });
  }
  const plugin = await loadBuiltPlugin();
  eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: [{ plugins: { 'process-guard': plugin }, rules: { 'process-guard/no-hazardous-dependency': 'error' } }] });
}, 120_000);

afterAll(() => project.remove());

describe.each(packages)('$package', ({ package: name, buggy, fixed, file, line }) => {
  it(`reports ${buggy} at ${file}:${line}`, async () => {
    const [result] = await eslint.lintFiles([`${name}@${buggy}/index.cjs`]);
    expect(result?.messages.map((message) => message.message)).toEqual([expect.stringContaining(`\`${name}@${buggy}\``)]);
    expect(result?.messages[0]?.message).toContain(`(${file}:${line}).`);
  });

  it(`is silent on ${fixed}`, async () => {
    const [result] = await eslint.lintFiles([`${name}@${fixed}/index.cjs`]);
    expect(result?.messages).toEqual([]);
  });
});
