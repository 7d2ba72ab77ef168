/**
 * Builds dist/ before the suite when a source file is newer than the last build: the integration
 * tests load the plugin and the CLI the way users do, from the compiled output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD_OUTPUTS = ['dist/index.js', 'dist/cli.js'].map((file) => path.join(ROOT, file));
const BUILD_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle.js'].map((file) => path.join(ROOT, file));

export default function setup(): void {
  if (!needsBuild()) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  // tsc still emits on type errors; those are the typecheck step's business, a missing output is ours
  if (build.status !== 0) process.stderr.write(`global setup: tsc reported errors while building dist/:\n${build.stdout}${build.stderr}`);
  // The second half of `npm run build`: the bundled entry points users load.
  const bundle = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`global setup: bundling dist/ failed:\n${bundle.stdout}${bundle.stderr}`);
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`global setup: the build did not produce ${missing.join(', ')}`);
}

function needsBuild(): boolean {
  if (!BUILD_OUTPUTS.every((file) => existsSync(file))) return true;
  const built = Math.min(...BUILD_OUTPUTS.map((file) => statSync(file).mtimeMs));
  return BUILD_INPUTS.some((input) => newestMtime(input) > built);
}

function newestMtime(file: string): number {
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}
