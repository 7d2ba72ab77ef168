// @ts-check
/**
 * The second half of `npm run build`: after tsc has compiled src/ into dist/, bundle the entry points
 * (the plugin, the SARIF formatter, the CLI, and the module-summary counters the bench reads) into a
 * few files with shared chunks, and delete the compiled modules nothing loads any more. Loading the
 * plugin then reads a handful of files instead of about sixty, which is most of its load time.
 * Packages stay external: the plugin's only imports outside itself are Node.js and ESLint.
 *
 * Then the declarations for TypeScript before 5.6: `export { plugin as 'module.exports' }` (what
 * `require()` returns, read by TypeScript 5.6 and later) is a syntax error there, so
 * dist/index.compat.d.ts is dist/index.d.ts without it, chosen by package.json's `types` field and
 * by the `types` condition that follows `types@>=5.6`.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ENTRIES = ['index.js', 'sarif-formatter.js', 'cli.js', 'analysis/project/summary-store.js'];

const result = await build({
  entryPoints: ENTRIES.map((entry) => path.join(DIST, entry)),
  outdir: DIST,
  outbase: DIST,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  allowOverwrite: true,
  metafile: true,
  logLevel: 'warning',
});

const outputs = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
for (const entry of readdirSync(DIST, { recursive: true, encoding: 'utf8' })) {
  const file = path.join(DIST, entry);
  if (file.endsWith('.js') && !outputs.has(file)) rmSync(file);
}

const MODULE_EXPORTS = /^export \{ plugin as 'module\.exports' \};\n/m;
const declarations = readFileSync(path.join(DIST, 'index.d.ts'), 'utf8');
if (!MODULE_EXPORTS.test(declarations)) throw new Error("dist/index.d.ts: no `export { plugin as 'module.exports' }` to leave out");
writeFileSync(path.join(DIST, 'index.compat.d.ts'), declarations.replace(MODULE_EXPORTS, ''));
