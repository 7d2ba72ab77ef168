/**
 * `process-guard [paths...]`: lints JavaScript and TypeScript files with this plugin's configs and no
 * ESLint config file, through ESLint's Node API (file walking, ignores and formatters are ESLint's).
 *
 * Exit codes follow ESLint: 0 no errors (and warnings within `--max-warnings`), 1 findings over the
 * threshold, 2 a usage mistake or an internal error. Kept apart from the plugin entry so that loading
 * the plugin never loads this module.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';

import { ESLint, type Linter, type Rule } from 'eslint';

import { gitignoreConfigs } from './cli/ignore-files.js';
import { createProgress, type ProgressStream } from './cli/progress.js';
import { NO_PAINT, renderSuggestions, type Paint } from './cli/suggestions.js';
import plugin from './index.js';
import { PROCESS_GUARD_TOOL, toSarif } from './sarif.js';

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
const TYPESCRIPT_PARSER = '@typescript-eslint/parser';

const USAGE = `Usage: process-guard [options] [paths...]

Lints JavaScript and TypeScript files with eslint-plugin-process-guard, without an ESLint config
file. Paths default to the current folder; .gitignore and ESLint's default ignores apply.

Options:
  -f, --format <name>      stylish (default), json or sarif
      --config <name>      recommended (default), strict or all
      --max-warnings <n>   exit with code 1 when there are more than n warnings
      --show-suggestions   print the diff of each suggested fix (stylish format)
  -h, --help               print this help
  -v, --version            print the version

Exit codes: 0 no problems over the limits, 1 problems found, 2 usage or internal error.
`;

/** A mistake in how the command was called: reported in one line, exit code 2. */
class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  preset: Preset;
  maxWarnings: number;
  showSuggestions: boolean;
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
    return await lint(parsed, io);
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
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        'show-suggestions': { type: 'boolean' },
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
  const preset = oneOf('--config', values.config ?? 'recommended', PRESETS);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : integer('--max-warnings', values['max-warnings']);
  const showSuggestions = values['show-suggestions'] ?? false;
  if (showSuggestions && format !== 'stylish') {
    throw new UsageError(`--show-suggestions needs the stylish format (the ${format} output already lists suggestions)`);
  }
  return { paths: positionals.length > 0 ? positionals : ['.'], format, preset, maxWarnings, showSuggestions };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${option}: expected ${allowed.join(', ')}`);
}

function integer(option: string, value: string): number {
  if (/^-?\d+$/.test(value)) return Number(value);
  throw new UsageError(`invalid value '${value}' for ${option}: expected a whole number`);
}

async function lint(options: Options, io: CliIo): Promise<number> {
  for (const given of options.paths) {
    // globs are left to ESLint, which reports a pattern that matches nothing
    if (!/[*?{[]/.test(given) && !existsSync(path.resolve(io.cwd, given))) {
      throw new UsageError(`no such file or directory: ${given}`);
    }
  }
  const progress = io.stderr.isTTY ? createProgress(io.stderr) : undefined;
  const eslint = new ESLint({
    cwd: io.cwd,
    overrideConfigFile: true,
    overrideConfig: [...(await baseConfigs(options.preset, io)), ...(progress?.configs ?? [])],
  });
  let results: ESLint.LintResult[];
  try {
    results = (await eslint.lintFiles(options.paths)).map(withoutForeignRules);
  } finally {
    progress?.finish();
  }

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;

  const output = await format(options.format, eslint, results, options.preset, io.cwd);
  io.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
  if (options.showSuggestions) {
    const suggestions = renderSuggestions(results, io.cwd, paintFor(io.stdout));
    if (suggestions) io.stdout.write(`\n${suggestions}`);
  }
  if (tooManyWarnings) {
    io.stderr.write(`process-guard: too many warnings (${warnings}, maximum: ${options.maxWarnings})\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * Drops what ESLint says about rules this run does not load: a project's `eslint-disable` comments
 * for its other plugins would otherwise each be an error ("Definition for rule … was not found").
 */
function withoutForeignRules(result: ESLint.LintResult): ESLint.LintResult {
  const ours = (message: Linter.LintMessage) => message.ruleId === null || message.ruleId.startsWith(`${plugin.meta.namespace}/`);
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

/** The zero-config setup: ignores, TypeScript parsing when the parser is installed, then the preset. */
async function baseConfigs(preset: Preset, io: CliIo): Promise<Linter.Config[]> {
  const configs: Linter.Config[] = [
    ...gitignoreConfigs(io.cwd),
    // disable comments written for the project's other rules are not ours to judge
    { name: 'process-guard-cli/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  const parser = await importOptional<Linter.Parser>(TYPESCRIPT_PARSER);
  if (parser) {
    configs.push({ name: 'process-guard-cli/typescript', files: TYPESCRIPT_FILES, languageOptions: { parser } });
  } else {
    io.stderr.write(`process-guard: TypeScript files are skipped: install ${TYPESCRIPT_PARSER} to lint them\n`);
  }
  configs.push(plugin.configs[preset] as Linter.Config);
  return configs;
}

async function format(name: Format, eslint: ESLint, results: ESLint.LintResult[], preset: Preset, cwd: string): Promise<string> {
  if (name !== 'sarif') return (await eslint.loadFormatter(name)).format(results);
  const config = plugin.configs[preset];
  const ruleLevels: Record<string, Linter.Severity> = {};
  const rulesMeta: Record<string, Rule.RuleMetaData | undefined> = {};
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const severity = Array.isArray(entry) ? entry[0] : entry;
    ruleLevels[id] = severity === 'error' || severity === 2 ? 2 : severity === 'warn' || severity === 1 ? 1 : 0;
    rulesMeta[id] = plugin.rules?.[id.slice(plugin.meta.namespace.length + 1)]?.meta;
  }
  return JSON.stringify(toSarif({ results, rulesMeta, ruleLevels, cwd, tool: PROCESS_GUARD_TOOL }), null, 2);
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
