// @ts-check
/**
 * `npm run corpus`: lints the files of real npm packages (tests/corpus/packages.json) with the
 * plugin's `all` config and reports files, lines, time, findings per rule and per package, and every
 * crash. Exits 1 on any crash: an exception thrown while linting a file, or a fatal message that the
 * parser alone does not produce for that file.
 *
 * Options:
 *   --package NAME   lint only this pinned package (repeatable, or comma-separated)
 *   --limit N        lint only the first N files
 *   --eslint9        lint with ESLint 9 (the `eslint-v9` alias) instead of ESLint 10
 *   --reinstall      reinstall the corpus even when the stamp says it is up to date
 *   --stand-in       use a tiny stand-in rule instead of the built plugin (for working on this script)
 *   --stand-in-crash the stand-in rule, throwing at every `new Worker()` (checks crash reporting)
 *   --quiet          no progress lines
 *
 * Writes .cache/corpus/summary.json and .cache/corpus/findings.json.
 */
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, ROOT, countSkipped, ensureCorpus, listCorpusFiles, MAX_AVERAGE_LINE, MAX_FILE_BYTES } from './lib/corpus-files.js';
import { enabledRules, eslintOptions, languageConfigs, loadEslint, loadPlugin, parseCount, parseOptions } from './lib/lint-setup.js';
import { table } from './lib/text-table.js';

/**
 * @typedef {import('./lib/corpus-files.js').CorpusFile} CorpusFile
 * @typedef {{ file: string, package: string, rule: string | null, line: number | null, message: string, stack: string, kind: 'exception' | 'fatal-message' | 'not-linted' }} Crash
 * @typedef {{ rule: string, severity: number, file: string, package: string, line: number, column: number, message: string, messageId?: string, source: string, suggestions: number }} Finding
 */

const args = parseOptions(
  {
    package: { type: 'string', multiple: true },
    limit: { type: 'string' },
    eslint9: { type: 'boolean', default: false },
    reinstall: { type: 'boolean', default: false },
    'stand-in': { type: 'boolean', default: false },
    'stand-in-crash': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  'scripts/corpus.js',
);

// Keep the frames inside the plugin visible in crash stacks.
Error.stackTraceLimit = 40;

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Rule id named in a thrown error (ESLint adds `Rule: "id"` to errors thrown by rule listeners).
 * @param {unknown} error
 */
function ruleOfError(error) {
  if (error && typeof error === 'object' && 'ruleId' in error && typeof error.ruleId === 'string') return error.ruleId;
  const match = /Rule: "([^"]+)"/.exec(String(/** @type {{ message?: unknown }} */ (error)?.message ?? ''));
  return match ? match[1] : null;
}

/**
 * Line named in a thrown error (`Occurred while linting <file>:<line>`).
 * @param {unknown} error
 */
function lineOfError(error) {
  const match = /Occurred while linting .*:(\d+)/.exec(String(/** @type {{ message?: unknown }} */ (error)?.message ?? ''));
  return match ? Number(match[1]) : null;
}

/**
 * @param {Record<string, number>} record
 * @param {string} key
 * @param {number} [by]
 */
function bump(record, key, by = 1) {
  record[key] = (record[key] ?? 0) + by;
}

async function main() {
  const started = performance.now();
  const { packages } = ensureCorpus({ log, force: args.reinstall });
  const only = (args.package ?? []).flatMap((p) => p.split(',')).filter(Boolean);
  const limit = parseCount(args.limit, '--limit');
  const { files, skipped } = listCorpusFiles({ packages, only, limit });
  const skippedCounts = countSkipped(skipped);

  const { ESLint, version: eslintVersion } = await loadEslint({ v9: args.eslint9 });
  const { plugin, source: pluginSource } = await loadPlugin({ standIn: args['stand-in'], standInCrash: args['stand-in-crash'] });
  const allConfig = plugin.configs.all;
  const rules = enabledRules(allConfig);
  const languages = await languageConfigs(files);
  const eslint = new ESLint(
    eslintOptions([...languages, /** @type {import('eslint').Linter.Config} */ (allConfig)], { stats: true }),
  );
  /** @type {import('eslint').ESLint | undefined} */
  let parserOnly;
  /** @type {import('eslint').ESLint | undefined} */
  let asModule;

  log(`corpus: ESLint ${eslintVersion}, plugin ${pluginSource}, config ${allConfig.name ?? 'all'} with ${rules.length} rules`);
  log(
    `corpus: ${files.length} files from ${only.length > 0 ? only.length : packages.length} packages; skipped ${skipped.length} ` +
      `(${skippedCounts.declaration} declaration files, ${skippedCounts['too-large']} over ${MAX_FILE_BYTES / 1024 / 1024} MiB, ` +
      `${skippedCounts.minified} minified: average line over ${MAX_AVERAGE_LINE} characters)`,
  );

  /** @type {Crash[]} */
  const crashes = [];
  /** @type {Finding[]} */
  const findings = [];
  /** @type {{ file: string, package: string, line: number, message: string }[]} */
  const parseErrors = [];
  /** @type {string[]} */
  const reparsedAsModule = [];
  /** @type {Record<string, number>} */
  const findingsPerRule = Object.fromEntries(rules.map((r) => [r, 0]));
  /** @type {Record<string, number>} */
  const msPerRule = Object.fromEntries(rules.map((r) => [r, 0]));
  /** @type {Record<string, { files: number, lines: number, findings: number, parseErrors: number, crashes: number, ms: number, rules: Record<string, number> }>} */
  const perPackage = {};
  /** Files where the plugin's rules took longest. */
  const SLOWEST = 10;
  /** @type {{ file: string, lines: number, ms: number, rules: Record<string, number> }[]} */
  const slowest = [];
  let parseMs = 0;
  let lintedLines = 0;
  const lintStarted = performance.now();

  for (const [index, file] of files.entries()) {
    const pkg = (perPackage[file.pkg] ??= { files: 0, lines: 0, findings: 0, parseErrors: 0, crashes: 0, ms: 0, rules: {} });
    pkg.files++;
    pkg.lines += file.lines;
    lintedLines += file.lines;
    const fileStarted = performance.now();
    /** @type {import('eslint').ESLint.LintResult | undefined} */
    let result;
    try {
      [result] = await eslint.lintText(file.text, { filePath: file.abs });
      const fatal = result.messages.find((m) => m.fatal);
      if (fatal && !fatal.ruleId && file.sourceType === 'commonjs' && /sourceType: ?module|'import' and 'export'|import\.meta|await is only valid/i.test(fatal.message)) {
        // ESM code in a folder whose package.json says CommonJS (common for bundler-only builds): parse it as a module.
        asModule ??= new ESLint(
          eslintOptions([...(await languageConfigs(files, { forceModule: true })), /** @type {import('eslint').Linter.Config} */ (allConfig)], { stats: true }),
        );
        const [retry] = await asModule.lintText(file.text, { filePath: file.abs });
        if (!retry.messages.some((m) => m.fatal)) {
          result = retry;
          reparsedAsModule.push(file.rel);
        }
      }
    } catch (error) {
      const err = /** @type {Error} */ (error);
      crashes.push({
        file: file.rel,
        package: file.pkg,
        rule: ruleOfError(err),
        line: lineOfError(err),
        message: String(err?.message ?? err).split('\n')[0],
        stack: String(err?.stack ?? err),
        kind: 'exception',
      });
      pkg.crashes++;
    }
    pkg.ms += performance.now() - fileStarted;

    if (result) {
      /** @type {Record<string, number>} */
      const fileRuleMs = {};
      for (const pass of result.stats?.times.passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) bump(fileRuleMs, ruleId, time.total);
      }
      let fileMs = 0;
      for (const [ruleId, ms] of Object.entries(fileRuleMs)) {
        bump(msPerRule, ruleId, ms);
        fileMs += ms;
      }
      slowest.push({ file: file.rel, lines: file.lines, ms: fileMs, rules: fileRuleMs });
      if (slowest.length > 40) {
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = SLOWEST;
      }
      const lines = file.text.split('\n');
      for (const m of result.messages) {
        if (!m.fatal && m.ruleId === null && /^File ignored/.test(m.message)) {
          // The setup failed to lint this file at all: never let that pass as a clean run.
          crashes.push({ file: file.rel, package: file.pkg, rule: null, line: null, message: m.message, stack: '(file not linted)', kind: 'not-linted' });
          pkg.crashes++;
          continue;
        }
        if (m.fatal) {
          const namesRule = m.ruleId !== null || /Error while loading rule|Rule: "|process-guard/.test(m.message);
          let parserRejects = false;
          if (!namesRule) {
            parserOnly ??= new ESLint(eslintOptions(languages));
            const [bare] = await parserOnly.lintText(file.text, { filePath: file.abs });
            parserRejects = bare.messages.some((b) => b.fatal && b.message === m.message);
          }
          if (parserRejects) {
            parseErrors.push({ file: file.rel, package: file.pkg, line: m.line, message: m.message });
            pkg.parseErrors++;
          } else {
            crashes.push({
              file: file.rel,
              package: file.pkg,
              rule: m.ruleId,
              line: m.line ?? null,
              message: m.message,
              stack: '(fatal lint message; the parser alone accepts this file)',
              kind: 'fatal-message',
            });
            pkg.crashes++;
          }
          continue;
        }
        const rule = m.ruleId ?? '(no rule)';
        bump(findingsPerRule, rule);
        bump(pkg.rules, rule);
        pkg.findings++;
        findings.push({
          rule,
          severity: m.severity,
          file: file.rel,
          package: file.pkg,
          line: m.line,
          column: m.column,
          message: m.message,
          ...(m.messageId ? { messageId: m.messageId } : {}),
          source: (lines[m.line - 1] ?? '').trim().slice(0, 300),
          suggestions: m.suggestions?.length ?? 0,
        });
      }
    }
    if (!args.quiet && (index + 1) % 250 === 0) {
      log(`corpus: ${index + 1}/${files.length} files, ${((performance.now() - lintStarted) / 1000).toFixed(1)} s`);
    }
  }

  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, SLOWEST);
  const lintSeconds = (performance.now() - lintStarted) / 1000;
  const totalSeconds = (performance.now() - started) / 1000;
  const pluginMs = Object.values(msPerRule).reduce((a, b) => a + b, 0);

  const summary = {
    eslint: eslintVersion,
    plugin: pluginSource,
    config: allConfig.name ?? 'all',
    rules,
    selection: { packages: only.length > 0 ? only : 'all', limit: limit ?? null },
    packages: only.length > 0 ? only.length : packages.length,
    files: files.length,
    lines: lintedLines,
    skipped: { total: skipped.length, ...skippedCounts, files: skipped.filter((s) => s.reason !== 'declaration') },
    limits: { maxFileBytes: MAX_FILE_BYTES, maxAverageLineLength: MAX_AVERAGE_LINE },
    seconds: { total: Number(totalSeconds.toFixed(2)), lint: Number(lintSeconds.toFixed(2)), parse: Number((parseMs / 1000).toFixed(2)), rules: Number((pluginMs / 1000).toFixed(3)) },
    findings: findings.length,
    findingsPerRule,
    msPerRule: Object.fromEntries(Object.entries(msPerRule).map(([k, v]) => [k, Number(v.toFixed(1))])),
    perPackage: Object.fromEntries(
      Object.entries(perPackage).map(([name, p]) => [name, { ...p, ms: Math.round(p.ms) }]),
    ),
    slowestFiles: slowest.map((f) => ({
      ...f,
      ms: Number(f.ms.toFixed(1)),
      rules: Object.fromEntries(Object.entries(f.rules).map(([k, v]) => [k, Number(v.toFixed(1))])),
    })),
    reparsedAsModule,
    parseErrors,
    crashes,
  };
  writeFileSync(path.join(CORPUS_DIR, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(path.join(CORPUS_DIR, 'findings.json'), `${JSON.stringify(findings, null, 2)}\n`);

  const out = [];
  out.push('');
  out.push(`Corpus: ${summary.packages} packages, ${files.length} files, ${lintedLines} lines linted with ${summary.config} (${rules.length} rules), ESLint ${eslintVersion}`);
  out.push(
    `Skipped: ${skipped.length} files (${skippedCounts.declaration} .d.ts, ${skippedCounts['too-large']} over ${MAX_FILE_BYTES / 1024 / 1024} MiB, ` +
      `${skippedCounts.minified} minified)`,
  );
  out.push(`Time: ${lintSeconds.toFixed(1)} s linting (parse ${(parseMs / 1000).toFixed(1)} s, plugin rules ${(pluginMs / 1000).toFixed(2)} s), ${totalSeconds.toFixed(1)} s in all`);
  out.push('');
  out.push(
    table(
      ['rule', 'findings', 'ms'],
      Object.keys(findingsPerRule)
        .sort()
        .map((r) => [r, findingsPerRule[r], Math.round(msPerRule[r] ?? 0)]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['package', 'files', 'lines', 'findings', 'parse errors', 'crashes', 'ms'],
      Object.entries(perPackage).map(([name, p]) => [name, p.files, p.lines, p.findings, p.parseErrors, p.crashes, Math.round(p.ms)]),
    ),
  );
  out.push('');
  out.push('Files where the plugin rules took longest:');
  for (const f of slowest) {
    const top = Object.entries(f.rules).sort((a, b) => b[1] - a[1])[0];
    out.push(`  ${f.ms.toFixed(0).padStart(6)} ms  ${f.file} (${f.lines} lines; ${top ? `${top[0]} ${top[1].toFixed(0)} ms` : ''})`);
  }
  out.push('');
  if (reparsedAsModule.length > 0) out.push(`Parsed as ES modules after a CommonJS parse failed: ${reparsedAsModule.length} files`);
  out.push(`Parse errors (the parser alone rejects the file; not crashes): ${parseErrors.length}`);
  for (const p of parseErrors.slice(0, 20)) out.push(`  ${p.file}:${p.line} ${p.message}`);
  if (parseErrors.length > 20) out.push(`  … ${parseErrors.length - 20} more in summary.json`);
  out.push(`Crashes: ${crashes.length}`);
  for (const c of crashes.slice(0, 50)) {
    out.push(`  ${c.file}${c.line ? `:${c.line}` : ''} ${c.rule ?? '(no rule)'}: ${c.message}`);
    out.push(c.stack.split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n'));
  }
  if (crashes.length > 50) out.push(`  … ${crashes.length - 50} more in summary.json`);
  out.push('');
  out.push(`Wrote ${path.relative(ROOT, path.join(CORPUS_DIR, 'summary.json'))} and ${path.relative(ROOT, path.join(CORPUS_DIR, 'findings.json'))} (${findings.length} findings)`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`corpus: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
});
