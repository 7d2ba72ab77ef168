/**
 * `process-guard [paths...]`: lints JavaScript and TypeScript files with this plugin's configs and no
 * ESLint config file, through ESLint's Node API (file walking, ignores and formatters are ESLint's).
 *
 * Exit codes make a lint gate: 0 no findings over the limits, 1 findings, 2 a usage mistake, an
 * internal error, or files found of which none could be linted. A file that does not parse is not a
 * finding (the plugin has nothing to say about it) unless `--report-parse-errors` makes it one; it is
 * counted on stderr either way. Kept apart from the plugin entry so that loading the plugin never
 * loads this module.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';

import { ESLint, type Linter, type Rule } from 'eslint';

import { auditDependencies, formatAudit } from './cli/audit.js';
import { gitignoreConfigs, namedDependencyConfigs } from './cli/ignore-files.js';
import { lintTargets, type LintTargets } from './cli/lint-root.js';
import { nodeModuleParser } from './cli/node-module-parser.js';
import { createProgress, type ProgressStream } from './cli/progress.js';
import { SkippedFiles, summaryLines } from './cli/run-summary.js';
import { NO_PAINT, renderSuggestions, type Paint } from './cli/suggestions.js';
import plugin from './index.js';
import { toSarif } from './sarif.js';

export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  cwd: string;
}

const FORMATS = ['stylish', 'json', 'sarif'] as const;
const PRESETS = ['recommended', 'strict', 'all'] as const;
type Format = (typeof FORMATS)[number];
type Preset = (typeof PRESETS)[number];

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
/** The files whose module system is decided as Node decides it (see cli/node-module-parser.ts); JSX included, as React projects write `.js`. */
const NODE_JS_FILES = ['**/*.js', '**/*.jsx'];
/** JavaScript whose module system its extension states: the same parser, for its skips of minified files. */
const EXTENSION_MODULE_FILES = ['**/*.mjs', '**/*.cjs'];
const TYPESCRIPT_PARSER = '@typescript-eslint/parser';

const USAGE = `Usage: process-guard [options] [paths...]

Lints JavaScript and TypeScript files with eslint-plugin-process-guard, without an ESLint config
file. Paths default to the current folder; .gitignore files and ESLint's default ignores apply, and
a named file that is ignored is skipped without a warning. A path named inside a node_modules
folder is linted (its own node_modules stay ignored).

Options:
  -f, --format <name>         stylish (default), json or sarif
      --preset <name>         recommended (default), strict or all
      --ignore-pattern <glob> skip the files the glob matches (repeatable)
      --max-warnings <n>      exit with code 1 when there are more than n warnings
      --quiet                 report errors only
  -o, --output-file <file>    write the report to a file instead of stdout
      --show-suggestions      print the diff of each suggested fix (stylish format)
      --report-parse-errors   report files that do not parse as errors (exit code 1)
      --verbose               list the files not parsed or skipped on stderr
      --audit-dependencies    list what the installed dependencies of the project (the first path,
                              default the current folder) do while they load; exit 1 if any
  -h, --help                  print this help
  -v, --version               print the version

stdout holds only the report. stderr holds a summary line, and one line per kind of file not
linted, with a count: not parsed, TypeScript without its parser, Flow, minified.

Exit codes: 0 no findings over the limits (files that do not parse are not findings unless
--report-parse-errors), 1 findings, 2 usage or internal error, or no file could be linted.
`;

/** A mistake in how the command was called: reported in one line, exit code 2. */
class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  preset: Preset;
  ignorePatterns: string[];
  maxWarnings: number;
  quiet: boolean;
  outputFile: string | undefined;
  showSuggestions: boolean;
  reportParseErrors: boolean;
  verbose: boolean;
  auditDependencies: boolean;
}

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseOptions(argv);
    if (parsed === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout.write(`${plugin.meta.version}\n`);
      return 0;
    }
    return parsed.auditDependencies ? audit(parsed, io) : await lint(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`process-guard: ${error.message}\n`);
      return 2;
    }
    // ESLint marks the errors caused by its input (no matching files, all files ignored…) with a template id
    if (error instanceof Error && 'messageTemplate' in error) {
      io.stderr.write(`process-guard: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    io.stderr.write(`process-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

function parseOptions(argv: readonly string[]): Options | 'help' | 'version' {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        preset: { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        'show-suggestions': { type: 'boolean' },
        'report-parse-errors': { type: 'boolean' },
        verbose: { type: 'boolean' },
        'audit-dependencies': { type: 'boolean' },
        // ESLint's flag for lint-staged setups; named files that are ignored are always skipped silently here
        'no-warn-ignored': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    // parseArgs explains the mistake in its first sentence; the rest is about `--` escaping
    const message = error instanceof Error ? error.message.split('. ')[0]!.replace(/\.$/, '') : String(error);
    throw new UsageError(`${message} (see --help)`);
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = oneOf('--format', values.format ?? 'stylish', FORMATS);
  const preset = oneOf('--preset', values.preset ?? 'recommended', PRESETS);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : integer('--max-warnings', values['max-warnings']);
  const showSuggestions = values['show-suggestions'] ?? false;
  if (showSuggestions && format !== 'stylish') {
    throw new UsageError(`--show-suggestions needs the stylish format (the ${format} output already lists suggestions)`);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    preset,
    ignorePatterns: values['ignore-pattern'] ?? [],
    maxWarnings,
    quiet: values.quiet ?? false,
    outputFile: values['output-file'],
    showSuggestions,
    reportParseErrors: values['report-parse-errors'] ?? false,
    verbose: values.verbose ?? false,
    auditDependencies: values['audit-dependencies'] ?? false,
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${option}: expected ${allowed.join(', ')}`);
}

function integer(option: string, value: string): number {
  if (/^-?\d+$/.test(value)) return Number(value);
  throw new UsageError(`invalid value '${value}' for ${option}: expected a whole number`);
}

/** `--audit-dependencies`: the installed tree of one project, in the chosen format; exit 1 when a package's load does something. */
function audit(options: Options, io: CliIo): number {
  if (options.paths.length > 1) throw new UsageError('--audit-dependencies takes one project folder');
  const root = path.resolve(io.cwd, options.paths[0] ?? '.');
  if (!existsSync(path.join(root, 'package.json'))) throw new UsageError(`no package.json in ${options.paths[0] ?? '.'}`);
  const result = auditDependencies(root, io.stderr);
  writeOutput(formatAudit(result, options.format, io.cwd), options, io);
  const hazards = result.findings.reduce((sum, finding) => sum + finding.hazards.length, 0);
  io.stderr.write(`process-guard: ${result.packages} packages read, ${hazards} load ${hazards === 1 ? 'hazard' : 'hazards'} in ${result.findings.length} ${result.findings.length === 1 ? 'package' : 'packages'}\n`);
  return result.findings.length > 0 ? 1 : 0;
}

/** The given folder ESLint's "all files ignored" or "no files found" is about, when it names one. */
function emptyFolderPattern(error: unknown, given: readonly string[]): string | undefined {
  const template = error instanceof Error && 'messageTemplate' in error ? error.messageTemplate : undefined;
  if (template !== 'all-matched-files-ignored' && template !== 'file-not-found') return undefined;
  const pattern = (error as { messageData?: { pattern?: unknown } }).messageData?.pattern;
  const folder = typeof pattern === 'string' ? pattern : undefined;
  // `given` is never empty: the paths default to `.`
  return folder !== undefined && given.includes(folder) && !/[*?{[]/.test(folder) ? folder : undefined;
}

/** The report, to `--output-file` (its folder made) or to standard output. */
function writeOutput(output: string, options: Options, io: CliIo): void {
  if (options.outputFile) {
    const file = path.resolve(io.cwd, options.outputFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output);
  } else {
    io.stdout.write(output);
  }
}

async function lint(options: Options, io: CliIo): Promise<number> {
  for (const given of options.paths) {
    // globs are left to ESLint, which reports a pattern that matches nothing
    if (!/[*?{[]/.test(given) && !existsSync(path.resolve(io.cwd, given))) {
      throw new UsageError(`no such file or directory: ${given}`);
    }
  }
  const targets = lintTargets(io.cwd, options.paths);
  const progress = io.stderr.isTTY ? createProgress(io.stderr) : undefined;
  const skipped = new SkippedFiles();
  const overrideConfig = [...(await baseConfigs(options, targets, skipped)), ...(progress?.configs ?? [])];
  const eslint = withoutIgnoreFileWarning(
    () =>
      new ESLint({
        cwd: targets.root,
        overrideConfigFile: true,
        overrideConfig,
        ignorePatterns: options.ignorePatterns,
        // lint-staged and pre-commit name staged files, ignored ones too: those are skipped, not warned about
        warnIgnored: false,
        ...(options.quiet ? { ruleFilter: ({ severity }: { severity: number }) => severity === 2 } : {}),
      }),
  );
  let results: ESLint.LintResult[];
  try {
    results = (await eslint.lintFiles(targets.patterns)).filter((result) => !skipped.has(result.filePath)).map(withoutForeignRules);
  } catch (error) {
    // ESLint calls a folder without one lintable file "all ignored", which sends users looking for an ignore
    const folder = emptyFolderPattern(error, options.paths);
    if (folder === undefined) throw error;
    throw new UsageError(`no JavaScript or TypeScript file to lint in '${folder}'`);
  } finally {
    progress?.finish();
  }
  const unparsed = options.reportParseErrors ? [] : results.filter((result) => result.fatalErrorCount > 0);
  const linted = results.filter((result) => !unparsed.includes(result));

  const errors = linted.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = linted.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;

  // SARIF keeps the files that do not parse, as notifications of the run (see sarif.ts)
  let output = await format(options.format, eslint, options.format === 'sarif' ? results : linted, options.preset, io.cwd);
  if (output !== '' && !output.endsWith('\n')) output += '\n';
  if (options.showSuggestions) {
    const suggestions = renderSuggestions(linted, io.cwd, options.outputFile ? NO_PAINT : paintFor(io.stdout));
    if (suggestions) output += `\n${suggestions}`;
  }
  writeOutput(output, options, io);
  const summary = summaryLines({ linted, unparsed, skipped, typescriptParser: TYPESCRIPT_PARSER, verbose: options.verbose, cwd: io.cwd });
  if (tooManyWarnings) summary.push(`too many warnings (${warnings}, maximum: ${options.maxWarnings})`);
  const nothingLinted = linted.length === 0 && unparsed.length + skipped.size > 0;
  if (nothingLinted) summary.push('no file could be linted');
  // the files --verbose lists are indented under their line
  for (const line of summary) io.stderr.write(line.startsWith(' ') ? `${line}\n` : `process-guard: ${line}\n`);
  if (nothingLinted) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * Creates the ESLint instance without its warning about a `.eslintignore` file: this command reads no
 * ESLint config or ignore file, so the advice to move it into `eslint.config.js` does not apply.
 * ESLint keeps the `process.emitWarning` it finds at construction, so the filter stays for the run.
 */
function withoutIgnoreFileWarning(create: () => ESLint): ESLint {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    const type = typeof options === 'string' ? options : (options as { type?: unknown } | undefined)?.type;
    if (type !== 'ESLintIgnoreWarning') (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return create();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * Drops what ESLint says about rules this run does not load: a project's `eslint-disable` comments
 * for its other plugins would otherwise each be an error ("Definition for rule … was not found"),
 * and so would a bundled file's repeated `/* eslint no-shadow: 0 *\/` ("already configured").
 */
function withoutForeignRules(result: ESLint.LintResult): ESLint.LintResult {
  const namespace = `${plugin.meta.namespace}/`;
  // ESLint's own messages: a parse error, or a problem with an inline `/* eslint … */` comment, which
  // is another tool's business unless it names one of these rules (ESLint quotes the rule's id)
  const ours = (message: Linter.LintMessage) =>
    message.ruleId === null ? message.fatal === true || message.message.includes(`"${namespace}`) || message.message.includes(`'${namespace}`) : message.ruleId.startsWith(namespace);
  if (result.messages.every(ours)) return result;
  const messages = result.messages.filter(ours);
  const count = (severity: Linter.Severity, fixable = false) =>
    messages.filter((message) => message.severity === severity && (!fixable || message.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    fatalErrorCount: messages.filter((message) => message.fatal).length,
  };
}

/**
 * The zero-config setup: ignores (with the `node_modules` folders on named paths taken back), Node's
 * module systems and JSX for `.js`, TypeScript parsing when the parser is installed (otherwise a
 * stand-in that records the TypeScript files it is given), then the preset.
 */
async function baseConfigs(options: Options, targets: LintTargets, skipped: SkippedFiles): Promise<Linter.Config[]> {
  const nodeParser = nodeModuleParser((kind, file) => skipped[kind].add(file));
  const configs: Linter.Config[] = [
    ...gitignoreConfigs(targets.bases, targets.root),
    ...namedDependencyConfigs(targets.root, targets.bases),
    // disable comments written for the project's other rules are not ours to judge
    { name: 'process-guard-cli/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { name: 'process-guard-cli/node-modules', files: NODE_JS_FILES, languageOptions: { parser: nodeParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: 'process-guard-cli/extension-modules', files: EXTENSION_MODULE_FILES, languageOptions: { parser: nodeParser } },
  ];
  const parser = (await importOptional<Linter.Parser>(TYPESCRIPT_PARSER)) ?? skippingParser(skipped.typescript);
  configs.push({ name: 'process-guard-cli/typescript', files: TYPESCRIPT_FILES, languageOptions: { parser } });
  configs.push(plugin.configs[options.preset] as Linter.Config);
  return configs;
}

/** Without the TypeScript parser: an empty program for each TypeScript file, whose path is recorded. */
function skippingParser(skipped: Set<string>): Linter.Parser {
  return {
    meta: { name: 'process-guard-cli/skipped-typescript' },
    parse(_code: string, parserOptions?: { filePath?: string }) {
      if (parserOptions?.filePath) skipped.add(parserOptions.filePath);
      return { type: 'Program', body: [], sourceType: 'module', range: [0, 0], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, tokens: [], comments: [] };
    },
  } as unknown as Linter.Parser;
}

async function format(name: Format, eslint: ESLint, results: ESLint.LintResult[], preset: Preset, cwd: string): Promise<string> {
  if (name !== 'sarif') return (await eslint.loadFormatter(name)).format(results);
  const config = plugin.configs[preset];
  const ruleLevels: Record<string, Linter.Severity> = {};
  const rulesMeta: Record<string, Rule.RuleMetaData | undefined> = {};
  // the shipped configs set every rule as a plain 'error' or 'warn'
  for (const [id, severity] of Object.entries(config.rules ?? {})) {
    ruleLevels[id] = severity === 'error' ? 2 : 1;
    rulesMeta[id] = plugin.rules?.[id.slice(plugin.meta.namespace.length + 1)]?.meta;
  }
  return JSON.stringify(toSarif({ results, rulesMeta, ruleLevels, cwd, eslintVersion: ESLint.version }), null, 2);
}

/** The default export of an optional package, or undefined when it is not installed. */
async function importOptional<T>(specifier: string): Promise<T | undefined> {
  try {
    const module = (await import(specifier)) as { default: T };
    return module.default;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String(error).includes(specifier)) return undefined;
    throw error;
  }
}

function paintFor(stream: ProgressStream): Paint {
  if (!stream.isTTY || process.env['NO_COLOR']) return NO_PAINT;
  return {
    removed: (text) => styleText('red', text),
    added: (text) => styleText('green', text),
    dim: (text) => styleText('dim', text),
  };
}
