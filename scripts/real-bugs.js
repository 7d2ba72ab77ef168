// @ts-check
/**
 * `npm run real-bugs`: the corpus of real bugs that shipped and were fixed (tests/real-bugs/bugs.json).
 * For each published bug it installs the buggy and the fixed version from the npm registry into
 * `~/.cache/process-guard/real-bugs` (or `$PROCESS_GUARD_REAL_BUGS_CACHE`; tarballs only: no
 * dependencies, no install scripts), lints the named file of
 * each with the `all` config, and asks two questions:
 * - recall: does the bug's rule report the line the anchor names, in the buggy version?
 * - residue: which findings of the same rule are left in the fixed version (judged in REVIEW.md)?
 * The team's reproductions of bugs that were never published (tests/real-bugs/repro/) are linted the
 * same way and counted apart.
 *
 * Exits 1 on a regression (a bug recorded as detected that no longer is) or a broken entry (a file or
 * an anchor that cannot be found); a known miss that is still missed is not a failure.
 *
 * Options:
 *   --bug ID      only this bug (repeatable, or comma-separated)
 *   --update      record today's detections in bugs.json (after a rule change that finds more)
 *   --reinstall   download the tarballs again
 *   --quiet       no per-bug lines
 *
 * Writes .cache/real-bugs/summary.json.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';

import { ROOT, moduleSystemOf } from './lib/corpus-files.js';
import { eslintOptions, languageConfigs, loadEslint, loadPlugin, parseOptions } from './lib/lint-setup.js';
import { table } from './lib/text-table.js';

const BUGS_FILE = path.join(ROOT, 'tests', 'real-bugs', 'bugs.json');
const REPRO_DIR = path.join(ROOT, 'tests', 'real-bugs');
// Outside the clone, so that CI runs on the same machine reuse the downloads.
const CACHE_DIR = process.env.PROCESS_GUARD_REAL_BUGS_CACHE ?? path.join(os.homedir(), '.cache', 'process-guard', 'real-bugs');
const SUMMARY_FILE = path.join(ROOT, '.cache', 'real-bugs', 'summary.json');
const PARALLEL_DOWNLOADS = 6;
const run = promisify(execFile);

/**
 * @typedef {{ id: string, rule: string, package: string, buggy: string, fixed: string, file: string, fixedFile?: string, anchor: string, citation: string, why: string, detected: boolean }} PublishedBug
 * @typedef {{ id: string, rule: string, citation: string, why: string, buggyFile: string, fixedFile: string, detected: boolean }} Reproduction
 * @typedef {{ description?: string, published: PublishedBug[], reproductions: Reproduction[] }} BugCorpus
 * @typedef {{ rule: string, line: number, endLine: number, message: string }} Finding
 * @typedef {{ id: string, rule: string, kind: 'published' | 'reproduction', detected: boolean, recorded: boolean, residue: Finding[], error?: string, where: string }} Outcome
 */

const args = parseOptions(
  {
    bug: { type: 'string', multiple: true },
    update: { type: 'boolean', default: false },
    reinstall: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  'scripts/real-bugs.js',
);

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/** @returns {BugCorpus} */
function readCorpus() {
  /** @type {BugCorpus} */
  const corpus = JSON.parse(readFileSync(BUGS_FILE, 'utf8'));
  const ids = new Set();
  for (const bug of [...corpus.published, ...corpus.reproductions]) {
    if (ids.has(bug.id)) throw new Error(`${BUGS_FILE}: the id ${bug.id} is used twice`);
    ids.add(bug.id);
  }
  for (const bug of corpus.published) {
    if (!/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(bug.package)) throw new Error(`${bug.id}: invalid package name ${bug.package}`);
    for (const version of [bug.buggy, bug.fixed]) {
      if (!/^\d+\.\d+\.\d+[\w.-]*$/.test(version)) throw new Error(`${bug.id}: ${bug.package} must be pinned to an exact version, not "${version}"`);
    }
  }
  return corpus;
}

/** The folder a published version is extracted to. */
function versionDir(/** @type {string} */ name, /** @type {string} */ version) {
  return path.join(CACHE_DIR, `${name.replace('/', '+')}@${version}`);
}

/**
 * Downloads and extracts one tarball with `npm pack` (the registry is the only network access), unless
 * it is already there. Extraction goes through a temporary folder so an interrupted run leaves nothing half-done.
 * @param {string} name
 * @param {string} version
 */
async function ensureVersion(name, version) {
  const dir = versionDir(name, version);
  if (existsSync(path.join(dir, 'package.json')) && !args.reinstall) return false;
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const npm = process.env.npm_execpath && /\.[cm]?js$/.test(process.env.npm_execpath) ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const [command, prefix] = /** @type {[string, string[]]} */ (npm);
  await run(command, [...prefix, 'pack', `${name}@${version}`, '--silent', '--prefer-offline', '--ignore-scripts', '--pack-destination', staging], {
    cwd: staging,
    shell: command === 'npm' && process.platform === 'win32',
  });
  const tarball = readdirSync(staging).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
  await run('tar', ['xzf', tarball, '--strip-components=1'], { cwd: staging });
  rmSync(path.join(staging, tarball));
  renameSync(staging, dir);
  return true;
}

/**
 * Runs the downloads a few at a time.
 * @param {{ name: string, version: string }[]} versions
 */
async function ensureVersions(versions) {
  const queue = [...versions];
  let downloaded = 0;
  /** @type {string[]} */
  const failures = [];
  await Promise.all(
    Array.from({ length: PARALLEL_DOWNLOADS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          if (await ensureVersion(next.name, next.version)) downloaded++;
        } catch (error) {
          failures.push(`${next.name}@${next.version}: ${String(/** @type {Error} */ (error).message).split('\n')[0]}`);
        }
      }
    }),
  );
  return { downloaded, failures };
}

/**
 * The 1-based lines on which `anchor` starts and ends, for each place it occurs in `text`.
 * @param {string} text
 * @param {string} anchor
 */
function anchorLines(text, anchor) {
  /** @type {{ start: number, end: number }[]} */
  const places = [];
  for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
    const start = text.slice(0, at).split('\n').length;
    places.push({ start, end: start + anchor.split('\n').length - 1 });
  }
  return places;
}

async function main() {
  const corpus = readCorpus();
  const only = new Set((args.bug ?? []).flatMap((id) => id.split(',')).filter(Boolean));
  const selected = (/** @type {{ id: string }} */ bug) => only.size === 0 || only.has(bug.id);
  const published = corpus.published.filter(selected);
  const reproductions = corpus.reproductions.filter(selected);
  if (only.size > 0 && published.length + reproductions.length < only.size) {
    throw new Error(`unknown bug id among: ${[...only].join(', ')}`);
  }

  const versions = new Map();
  for (const bug of published) {
    for (const version of [bug.buggy, bug.fixed]) versions.set(`${bug.package}@${version}`, { name: bug.package, version });
  }
  const { downloaded, failures } = await ensureVersions([...versions.values()]);
  log(`real bugs: ${versions.size} package versions (${downloaded} downloaded, ${versions.size - downloaded - failures.length} cached)`);

  const { ESLint, version: eslintVersion } = await loadEslint();
  const { plugin, source } = await loadPlugin();
  const allConfig = /** @type {import('eslint').Linter.Config} */ (plugin.configs.all);
  log(`real bugs: ESLint ${eslintVersion}, plugin ${source}, config ${allConfig.name ?? 'all'}`);

  /**
   * Findings of every rule in one file, parsed as Node would load it (retried as a module when a
   * CommonJS parse fails, for ESM syntax in a CommonJS package).
   * @param {string} file
   * @param {string} cwd  ESLint lints nothing outside its working folder: the package's root
   * @returns {Promise<Finding[]>}
   */
  async function lint(file, cwd) {
    const text = readFileSync(file, 'utf8');
    const sourceType = moduleSystemOf(file);
    for (const type of sourceType === 'commonjs' ? ['commonjs', 'module'] : ['module']) {
      const configs = await languageConfigs(/** @type {import('./lib/corpus-files.js').CorpusFile[]} */ ([{ abs: file, sourceType: type }]));
      const eslint = new ESLint({ ...eslintOptions([...configs, allConfig]), cwd });
      const [result] = await eslint.lintText(text, { filePath: file });
      const fatal = result.messages.find((message) => message.fatal || message.ruleId === null);
      if (fatal && type === 'commonjs') continue;
      if (fatal) throw new Error(`not linted: ${fatal.message} (line ${fatal.line})`);
      return result.messages.map((message) => ({
        rule: message.ruleId ?? '',
        line: message.line,
        endLine: message.endLine ?? message.line,
        message: message.message,
      }));
    }
    throw new Error('does not parse');
  }

  /** @type {Outcome[]} */
  const outcomes = [];
  const unavailable = new Set(failures.map((failure) => failure.split(': ')[0]));
  for (const bug of published) {
    const rule = `process-guard/${bug.rule}`;
    /** @type {Outcome} */
    const outcome = { id: bug.id, rule: bug.rule, kind: 'published', detected: false, recorded: bug.detected, residue: [], where: `${bug.package}@${bug.buggy}/${bug.file}` };
    outcomes.push(outcome);
    try {
      for (const version of [bug.buggy, bug.fixed]) {
        if (unavailable.has(`${bug.package}@${version}`)) throw new Error(`${bug.package}@${version} could not be downloaded`);
      }
      const buggyFile = path.join(versionDir(bug.package, bug.buggy), bug.file);
      const fixedFile = path.join(versionDir(bug.package, bug.fixed), bug.fixedFile ?? bug.file);
      if (!existsSync(buggyFile)) throw new Error(`${bug.file} is not in ${bug.package}@${bug.buggy}`);
      const places = anchorLines(readFileSync(buggyFile, 'utf8'), bug.anchor);
      if (places.length === 0) throw new Error(`the anchor ${JSON.stringify(bug.anchor)} is not in ${bug.file}`);
      const findings = (await lint(buggyFile, versionDir(bug.package, bug.buggy))).filter((finding) => finding.rule === rule);
      outcome.detected = findings.some((finding) => places.some((place) => finding.line <= place.end && place.start <= finding.endLine));
      if (existsSync(fixedFile)) outcome.residue = (await lint(fixedFile, versionDir(bug.package, bug.fixed))).filter((finding) => finding.rule === rule);
    } catch (error) {
      outcome.error = /** @type {Error} */ (error).message;
    }
  }
  // Each reproduction stands for a module of an application: it is linted from a package of its own,
  // not from inside this repository's tests/ folder, where the file model would take it for a test,
  // beside the application's entry that imports it, as the application the bug was found in did.
  // One package per file: files rewritten in place within a second would be read from the cache.
  const reproductionRoot = path.join(CACHE_DIR, 'reproductions');
  rmSync(reproductionRoot, { recursive: true, force: true });
  /** @param {string} file */
  const placed = (file) => {
    const root = path.join(reproductionRoot, path.basename(file).replace(/\.[^.]+$/, ''));
    const copy = path.join(root, 'src', path.basename(file));
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{ "name": "reproduction", "private": true }\n');
    writeFileSync(copy, readFileSync(path.join(REPRO_DIR, file)));
    writeFileSync(path.join(root, 'src', 'main.mjs'), `import * as loaded from './${path.basename(file)}';\nconsole.log(Object.keys(loaded));\n`);
    return { copy, root };
  };
  for (const bug of reproductions) {
    const rule = `process-guard/${bug.rule}`;
    /** @type {Outcome} */
    const outcome = { id: bug.id, rule: bug.rule, kind: 'reproduction', detected: false, recorded: bug.detected, residue: [], where: bug.buggyFile };
    outcomes.push(outcome);
    try {
      const buggy = placed(bug.buggyFile);
      outcome.detected = (await lint(buggy.copy, buggy.root)).some((finding) => finding.rule === rule);
      const fixed = placed(bug.fixedFile);
      outcome.residue = (await lint(fixed.copy, fixed.root)).filter((finding) => finding.rule === rule);
    } catch (error) {
      outcome.error = /** @type {Error} */ (error).message;
    }
  }

  report(outcomes);
  const broken = outcomes.filter((outcome) => outcome.error);
  const regressions = outcomes.filter((outcome) => outcome.recorded && !outcome.detected && !outcome.error);
  if (args.update && broken.length === 0) {
    const detected = new Map(outcomes.map((outcome) => [outcome.id, outcome.detected]));
    for (const bug of [...corpus.published, ...corpus.reproductions]) bug.detected = detected.get(bug.id) ?? bug.detected;
    writeFileSync(BUGS_FILE, `${JSON.stringify(corpus, null, 2)}\n`);
    log(`real bugs: recorded today's detections in ${path.relative(ROOT, BUGS_FILE)}`);
  }
  mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
  writeFileSync(SUMMARY_FILE, `${JSON.stringify({ date: new Date().toISOString(), outcomes }, null, 2)}\n`);

  for (const outcome of broken) log(`real bugs: BROKEN ENTRY ${outcome.id}: ${outcome.error}`);
  for (const outcome of regressions) log(`real bugs: REGRESSION ${outcome.id} (${outcome.rule}) is no longer detected in ${outcome.where}`);
  if (broken.length > 0 || (regressions.length > 0 && !args.update)) process.exitCode = 1;
}

/** @param {Outcome[]} outcomes */
function report(outcomes) {
  const rules = [...new Set(outcomes.map((outcome) => outcome.rule))].sort();
  /** @param {Outcome[]} list */
  const ratio = (list) => `${list.filter((outcome) => outcome.detected).length}/${list.length}`;
  const of = (/** @type {string} */ rule, /** @type {Outcome['kind']} */ kind) => outcomes.filter((outcome) => outcome.rule === rule && outcome.kind === kind);
  const rows = rules.map((rule) => [rule, ratio(of(rule, 'published')), ratio(of(rule, 'reproduction')), ratio(outcomes.filter((o) => o.rule === rule))]);
  process.stdout.write(`${table(['rule', 'published', 'reproductions', 'all'], rows)}\n\n`);

  if (!args.quiet) {
    for (const outcome of outcomes) {
      const status = outcome.error ? 'broken' : outcome.detected ? 'found' : 'missed';
      process.stdout.write(`${status.padEnd(6)}  ${outcome.id}  (${outcome.rule}, ${outcome.where})\n`);
      for (const finding of outcome.residue) {
        process.stdout.write(`        after the fix, line ${finding.line}: ${finding.message.split('\n')[0].slice(0, 140)}\n`);
      }
    }
    process.stdout.write('\n');
  }
  const publishedList = outcomes.filter((outcome) => outcome.kind === 'published');
  const reproductionList = outcomes.filter((outcome) => outcome.kind === 'reproduction');
  const residue = outcomes.filter((outcome) => outcome.residue.length > 0).length;
  const regressions = outcomes.filter((outcome) => outcome.recorded && !outcome.detected && !outcome.error).length;
  process.stdout.write(
    `real bugs: recall ${ratio(outcomes)} (published ${ratio(publishedList)}, reproductions ${ratio(reproductionList)}); ` +
      `${residue} with after-fix residue; ${regressions} regressions\n`,
  );
}

main().catch((error) => {
  log(`real bugs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
