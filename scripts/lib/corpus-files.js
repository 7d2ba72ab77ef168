// @ts-check
/**
 * The corpus of real npm packages shared by `npm run corpus` and `npm run bench`:
 * installing the pinned versions into `.cache/corpus` (never running their install scripts)
 * and listing the files each pinned package ships.
 */
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { URL, fileURLToPath } from 'node:url';

/** Project root (the folder holding package.json). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The pinned package list. */
export const PACKAGES_FILE = path.join(ROOT, 'tests', 'corpus', 'packages.json');
/** Where the corpus is installed (git-ignored). */
export const CORPUS_DIR = path.join(ROOT, '.cache', 'corpus');
const STAMP_FILE = path.join(CORPUS_DIR, 'stamp.json');

/** Extensions that are linted. */
export const LINTED_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
/** Files larger than this are skipped (readable bundles below it are linted: they hold real spawn code). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Files whose average line is longer than this are skipped as minified. */
export const MAX_AVERAGE_LINE = 200;
/** The average line length is only checked from this size on (tiny one-liners are cheap and real). */
const MIN_BYTES_FOR_LINE_CHECK = 2048;

/**
 * @typedef {{ name: string, version: string, why?: string }} PinnedPackage
 * @typedef {{
 *   abs: string,
 *   rel: string,
 *   pkg: string,
 *   ext: string,
 *   bytes: number,
 *   lines: number,
 *   text: string,
 *   sourceType: 'module' | 'commonjs',
 *   typescript: boolean,
 * }} CorpusFile
 * @typedef {{ reason: 'declaration' | 'too-large' | 'minified', file: string, bytes: number }} SkippedFile
 */

/**
 * Reads the pinned package list.
 * @returns {PinnedPackage[]}
 */
export function readPinnedPackages() {
  /** @type {{ packages: PinnedPackage[] }} */
  const data = JSON.parse(readFileSync(PACKAGES_FILE, 'utf8'));
  for (const p of data.packages) {
    if (!/^\d+\.\d+\.\d+/.test(p.version)) {
      throw new Error(`${PACKAGES_FILE}: ${p.name} must be pinned to an exact version, not "${p.version}"`);
    }
  }
  return data.packages;
}

/**
 * The folder a pinned package is installed in.
 * @param {string} name
 */
export function packageDir(name) {
  return path.join(CORPUS_DIR, 'node_modules', ...name.split('/'));
}

/**
 * @param {PinnedPackage[]} packages
 */
function stampOf(packages) {
  const list = packages.map((p) => `${p.name}@${p.version}`).sort();
  return createHash('sha256').update(JSON.stringify(list)).digest('hex');
}

/**
 * Which pinned packages are missing or at another version in the cache.
 * @param {PinnedPackage[]} packages
 */
function outOfDate(packages) {
  return packages.filter((p) => {
    const manifest = path.join(packageDir(p.name), 'package.json');
    if (!existsSync(manifest)) return true;
    try {
      return JSON.parse(readFileSync(manifest, 'utf8')).version !== p.version;
    } catch {
      return true;
    }
  });
}

/**
 * Runs npm with the given arguments in `cwd`, reusing the npm that runs this script when there is one.
 * @param {string[]} args
 * @param {string} cwd
 */
function runNpm(args, cwd) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) {
    execFileSync(process.execPath, [npmCli, ...args], { cwd, stdio: 'inherit' });
    return;
  }
  // No npm CLI script known: go through the shell, which finds npm (npm.cmd on Windows).
  // Every argument is one of the fixed flags below or a validated name@version, so no quoting is needed.
  execSync(['npm', ...args].join(' '), { cwd, stdio: 'inherit' });
}

/**
 * Installs the pinned packages into the cache unless the stamp says they are already there.
 * @param {{ log?: (line: string) => void, force?: boolean }} [options]
 * @returns {{ packages: PinnedPackage[], installed: boolean, seconds: number }}
 */
export function ensureCorpus({ log = (line) => process.stderr.write(`${line}\n`), force = false } = {}) {
  const packages = readPinnedPackages();
  for (const p of packages) {
    if (!/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(p.name)) throw new Error(`invalid package name: ${p.name}`);
  }
  const stamp = stampOf(packages);
  let current = '';
  try {
    current = JSON.parse(readFileSync(STAMP_FILE, 'utf8')).stamp;
  } catch {
    // no stamp yet
  }
  if (!force && current === stamp && outOfDate(packages).length === 0) {
    return { packages, installed: false, seconds: 0 };
  }

  const started = performance.now();
  log(`corpus: installing ${packages.length} pinned packages into ${path.relative(ROOT, CORPUS_DIR)} (install scripts are not run)`);
  rmSync(STAMP_FILE, { force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  /** @type {Record<string, string>} */
  const dependencies = {};
  for (const p of packages) dependencies[p.name] = p.version;
  writeFileSync(
    path.join(CORPUS_DIR, 'package.json'),
    `${JSON.stringify({ name: 'process-guard-corpus', private: true, dependencies }, null, 2)}\n`,
  );
  runNpm(
    [
      'install',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--legacy-peer-deps',
      '--loglevel=error',
    ],
    CORPUS_DIR,
  );
  const missing = outOfDate(packages);
  if (missing.length > 0) {
    throw new Error(`corpus install incomplete, missing or wrong version: ${missing.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  }
  writeFileSync(STAMP_FILE, `${JSON.stringify({ stamp, packages: packages.length, date: new Date().toISOString() }, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(`corpus: installed in ${seconds.toFixed(1)} s`);
  return { packages, installed: true, seconds };
}

/**
 * Nearest-package.json `type` lookups, cached per folder.
 * @param {string} stopAt  the package root: never look above it
 */
function createTypeLookup(stopAt) {
  /** @type {Map<string, 'module' | 'commonjs'>} */
  const cache = new Map();
  /**
   * @param {string} dir
   * @returns {'module' | 'commonjs'}
   */
  function lookup(dir) {
    const cached = cache.get(dir);
    if (cached) return cached;
    /** @type {'module' | 'commonjs'} */
    let type = 'commonjs';
    const manifest = path.join(dir, 'package.json');
    let found = false;
    if (existsSync(manifest)) {
      try {
        type = JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
        found = true;
      } catch {
        // an unparsable package.json: keep looking upwards
      }
    }
    if (!found && dir !== stopAt && dir.startsWith(stopAt)) type = lookup(path.dirname(dir));
    cache.set(dir, type);
    return type;
  }
  return lookup;
}

/**
 * The module system a file is parsed with: by extension, else by the nearest package.json `type`.
 * @param {string} ext
 * @param {string} dir
 * @param {(dir: string) => 'module' | 'commonjs'} typeOfDir
 * @returns {'module' | 'commonjs'}
 */
function sourceTypeOf(ext, dir, typeOfDir) {
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  return typeOfDir(dir);
}

/** Nearest-package.json lookups for files outside the corpus, shared by every call. */
const typeOfAnyDir = createTypeLookup(path.parse(ROOT).root);

/**
 * The module system Node.js loads a file with: by extension, else the nearest package.json `type`.
 * @param {string} file  an absolute path
 */
export function moduleSystemOf(file) {
  return sourceTypeOf(path.extname(file), path.dirname(file), typeOfAnyDir);
}

/**
 * @param {string} name
 */
function isDeclaration(name) {
  return /\.d\.[cm]?ts$/.test(name) || /\.d\.[^.]+\.[cm]?ts$/.test(name);
}

/**
 * Counts lines the way an editor does (a trailing newline does not start a new line).
 * @param {string} text
 */
export function countLines(text) {
  if (text.length === 0) return 0;
  let lines = 1;
  let index = text.indexOf('\n');
  while (index !== -1) {
    lines++;
    index = text.indexOf('\n', index + 1);
  }
  return text.endsWith('\n') ? lines - 1 : lines;
}

/**
 * Lists the lintable files every pinned package ships, without the packages' own nested node_modules;
 * with `roots`, those of the given folders instead (without node_modules and dot folders).
 * @param {{ packages: PinnedPackage[], only?: string[], limit?: number, roots?: string[] }} options
 * @returns {{ files: CorpusFile[], skipped: SkippedFile[] }}
 */
export function listCorpusFiles({ packages, only, limit, roots }) {
  /** @type {CorpusFile[]} */
  const files = [];
  /** @type {SkippedFile[]} */
  const skipped = [];
  const selected = only && only.length > 0 ? packages.filter((p) => only.includes(p.name)) : packages;
  if (only && only.length > 0 && selected.length !== only.length) {
    const unknown = only.filter((name) => !packages.some((p) => p.name === name));
    throw new Error(`not in ${path.relative(ROOT, PACKAGES_FILE)}: ${unknown.join(', ')}`);
  }
  // `roots`: whole folders (a repository checkout) instead of the pinned packages.
  const scanned = roots ? roots.map((root) => ({ name: path.basename(root), root: path.resolve(root) })) : selected.map((p) => ({ name: p.name, root: packageDir(p.name) }));
  for (const p of scanned) {
    const { root } = p;
    const typeOfDir = createTypeLookup(root);
    /** @type {string[]} */
    const stack = [root];
    /** @type {string[]} */
    const found = [];
    while (stack.length > 0) {
      const dir = /** @type {string} */ (stack.pop());
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && !(roots && entry.name.startsWith('.'))) stack.push(abs);
        } else if (entry.isFile() && LINTED_EXTENSIONS.includes(path.extname(entry.name))) {
          found.push(abs);
        }
      }
    }
    found.sort();
    for (const abs of found) {
      const rel = path.relative(roots ? path.dirname(root) : CORPUS_DIR, abs).split(path.sep).join('/');
      const ext = path.extname(abs);
      const bytes = statSync(abs).size;
      if (isDeclaration(path.basename(abs))) {
        skipped.push({ reason: 'declaration', file: rel, bytes });
        continue;
      }
      if (bytes > MAX_FILE_BYTES) {
        skipped.push({ reason: 'too-large', file: rel, bytes });
        continue;
      }
      const text = readFileSync(abs, 'utf8');
      const lines = countLines(text);
      if (bytes >= MIN_BYTES_FOR_LINE_CHECK && text.length / Math.max(lines, 1) > MAX_AVERAGE_LINE) {
        skipped.push({ reason: 'minified', file: rel, bytes });
        continue;
      }
      files.push({
        abs,
        rel,
        pkg: p.name,
        ext,
        bytes,
        lines,
        text,
        sourceType: sourceTypeOf(ext, path.dirname(abs), typeOfDir),
        typescript: TS_EXTENSIONS.has(ext),
      });
    }
  }
  return { files: limit !== undefined ? files.slice(0, limit) : files, skipped };
}

/**
 * Counts skipped files per reason.
 * @param {SkippedFile[]} skipped
 */
export function countSkipped(skipped) {
  /** @type {Record<string, number>} */
  const counts = { declaration: 0, 'too-large': 0, minified: 0 };
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}
