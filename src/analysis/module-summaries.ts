/**
 * Module summaries: what the exports of one of the project's modules do when they are called or
 * constructed, computed once per process for each module (keyed by absolute path and modification
 * time) by linting the module with the linted file's own parser and language options and a private
 * rule that runs the same analysis on it (see `project-model.ts`, which computes the summary).
 *
 * Bounds: modules over MAX_MODULE_BYTES, a chain of more than MAX_DEPTH modules being summarised
 * at once, and an import cycle all give an empty summary (unknown). A module whose text names no
 * starter module, and imports no project module that could, is not parsed at all. Nothing here
 * throws: an unreadable or unparsable module is unknown.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import type { StarterSpec } from './catalog.js';
import type { ImportedName } from './imported-bindings.js';
import type { Serialization } from './messages.js';
import { resolveModule } from './module-resolution.js';
import type { ParameterUse, StartPoint } from './summaries.js';
import type { ShellMode } from './shell-option.js';

/** One way a parameter of an exported function reaches a start in its module. */
export interface ExportedRole {
  readonly index: number;
  readonly use: ParameterUse;
  /** Where in the parameter the value sits (`[]`: the parameter itself). */
  readonly path: readonly string[];
  readonly spec: StarterSpec;
  /** The shell mode the module's own code gives the start. */
  readonly shell: ShellMode;
  /** Whether the start can run on Windows, given the conditions around it in its module. */
  readonly onWindows: boolean;
  /** The parameters that carry the same start's options: what the caller passes there counts too. */
  readonly optionParameters: readonly number[];
  readonly point: StartPoint;
}

export interface ExportSummary {
  /** Calling it starts something: where. */
  readonly called?: StartPoint;
  /** Constructing it (`new X()`) starts something: where. */
  readonly constructed?: StartPoint;
  readonly roles: readonly ExportedRole[];
  /** Calling it returns a child process with an IPC channel, serialised this way (`return fork(…)`). */
  readonly returnsChild?: Serialization;
}

export interface ModuleSummary {
  readonly exports: ReadonlyMap<string, ExportSummary>;
  /** `export { a as b } from './x'`: `b` → `{ specifier: './x', name: 'a' }`. */
  readonly reexports: ReadonlyMap<string, ImportedName>;
  /** `export * from './x'`. */
  readonly starExports: readonly string[];
}

/** What a nested lint needs from the file that asks: its parser and language options, its settings. */
export interface LintEnvironment {
  readonly languageOptions: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  /** The module names whose members start something (`child_process`, `piscina`…). */
  readonly starterModules: ReadonlySet<string>;
}

const MAX_MODULE_BYTES = 512 * 1024;
const MAX_DEPTH = 8;
/** Modules whose text is read to decide whether one module could start something. */
const MAX_SCANNED = 64;
const TYPED_PARSER_OPTIONS = new Set(['project', 'projectService', 'programs']);
export const EMPTY_SUMMARY: ModuleSummary = { exports: new Map(), reexports: new Map(), starExports: [] };

const summaries = new Map<string, { mtimeMs: number; summary: ModuleSummary }>();
const textCache = new Map<string, TextFacts>();
const inProgress = new Set<string>();
const counters = { summarised: 0, cacheHits: 0, skippedByText: 0, summaryMs: 0 };

/**
 * How many modules were summarised, how often a summary came from the cache, how many were skipped
 * unread, and the milliseconds spent summarising.
 */
export function moduleSummaryStats(): Readonly<typeof counters> {
  return { ...counters };
}

/** Forgets every summary and count: `npm run bench` measures each run with a cold cache. */
export function resetModuleSummaries(): void {
  summaries.clear();
  textCache.clear();
  counters.summarised = 0;
  counters.cacheHits = 0;
  counters.skippedByText = 0;
  counters.summaryMs = 0;
}

/** The summary a rule computes for the module it lints, set by the summary rule of a nested lint. */
type Summarize = (context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) => ModuleSummary;

let summarizeModule: Summarize | undefined;

/** Registers the analysis that summarises a module (kept out of this file so data flows one way). */
export function registerSummarizer(summarize: Summarize): void {
  summarizeModule = summarize;
}

/** The summary of the module at `file`, from the cache when the file has not changed. */
export function moduleSummary(file: string, environment: LintEnvironment): ModuleSummary {
  let stats: { mtimeMs: number; size: number };
  try {
    stats = statSync(file);
  } catch {
    return EMPTY_SUMMARY;
  }
  const cached = summaries.get(file);
  if (cached?.mtimeMs === stats.mtimeMs) {
    counters.cacheHits += 1;
    return cached.summary;
  }
  // A cycle, or a chain deeper than the bound: unknown for now, and not cached as such.
  if (inProgress.has(file) || inProgress.size >= MAX_DEPTH) return EMPTY_SUMMARY;
  let summary = EMPTY_SUMMARY;
  if (stats.size <= MAX_MODULE_BYTES && mayStart(file, environment)) {
    inProgress.add(file);
    const started = performance.now();
    try {
      summary = lintForSummary(file, environment);
    } finally {
      inProgress.delete(file);
    }
    counters.summarised += 1;
    // Time of the outermost summaries only: a nested one is part of the module that asked for it.
    if (inProgress.size === 0) counters.summaryMs += performance.now() - started;
  } else {
    counters.skippedByText += 1;
  }
  summaries.set(file, { mtimeMs: stats.mtimeMs, summary });
  return summary;
}

function lintForSummary(file: string, environment: LintEnvironment): ModuleSummary {
  const text = readText(file);
  if (text === undefined || !summarizeModule) return EMPTY_SUMMARY;
  let summary: ModuleSummary | undefined;
  const summarize = summarizeModule;
  const rule: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create: (context) => ({
      Program() {
        summary = summarize(context);
      },
    }),
  };
  for (const sourceType of sourceTypesFor(file, text)) {
    try {
      const messages = newLinter(file).verify(text, [configFor(environment, sourceType, rule)], { filename: file });
      if (summary) return summary;
      if (!messages.some((message) => message.fatal)) return EMPTY_SUMMARY;
    } catch {
      return EMPTY_SUMMARY;
    }
  }
  return EMPTY_SUMMARY;
}

type LinterInstance = { verify: (text: string, config: unknown[], options: { filename: string }) => { fatal?: boolean }[] };
let linterClass: (new (options: { cwd: string }) => LinterInstance) | undefined;

/** ESLint's own Linter (a peer dependency), loaded on first use so the plugin loads as fast as before. */
function newLinter(file: string): LinterInstance {
  linterClass ??= (createRequire(import.meta.url)('eslint') as { Linter: typeof linterClass }).Linter;
  if (!linterClass) throw new Error('no Linter');
  // Rooted at the file system root, so the module is inside the base path wherever it is.
  return new linterClass({ cwd: path.parse(file).root });
}

function configFor(environment: LintEnvironment, sourceType: string, rule: TSESLint.RuleModule<string, []>): Record<string, unknown> {
  const { parserOptions, ...languageOptions } = environment.languageOptions;
  // Type information is not needed for a summary, and building a program per module would be slow.
  const untyped = Object.fromEntries(Object.entries(parserOptions ?? {}).filter(([key]) => !TYPED_PARSER_OPTIONS.has(key)));
  return {
    files: ['**'],
    languageOptions: { ...languageOptions, sourceType, parserOptions: untyped },
    settings: environment.settings ?? {},
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { 'process-guard-project': { rules: { summary: rule } } },
    rules: { 'process-guard-project/summary': 'error' },
  };
}

/** The module systems to parse a file as, the likeliest first. */
function sourceTypesFor(file: string, text: string): string[] {
  if (/\.c[jt]s$/i.test(file)) return ['commonjs'];
  if (/\.m[jt]s$/i.test(file)) return ['module'];
  return /^\s*(?:import|export)\b/m.test(text) ? ['module', 'commonjs'] : ['commonjs', 'module'];
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const SPECIFIERS = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

/** What a module's text shows without parsing: whether it names a starter module, and its project imports. */
interface TextFacts {
  readonly mtimeMs: number;
  readonly starterModules: ReadonlySet<string>;
  readonly namesStarter: boolean;
  readonly imports: readonly string[];
}

/**
 * Whether a module could start something: its text names a starter module, or one of the project
 * modules it imports does (up to MAX_SCANNED modules, breadth first). A cheap text test that spares
 * parsing the modules that only format strings or read files.
 */
function mayStart(root: string, environment: LintEnvironment): boolean {
  const seen = new Set([root]);
  const queue = [root];
  for (let index = 0; index < queue.length && index < MAX_SCANNED; index += 1) {
    const facts = textFacts(queue[index] ?? root, environment);
    if (!facts) continue;
    if (facts.namesStarter) return true;
    for (const target of facts.imports) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return false;
}

const patterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** A quoted starter module name, as an import or require writes it: `'child_process'`, `"node:cluster"`, `'execa/x'`. */
function starterModulePattern(modules: ReadonlySet<string>): RegExp {
  let pattern = patterns.get(modules);
  if (!pattern) {
    const names = [...modules].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`(['"\`])(?:node:)?(?:${names})(?:/[^'"\`\n]*)?\\1`);
    patterns.set(modules, pattern);
  }
  return pattern;
}

function textFacts(file: string, environment: LintEnvironment): TextFacts | undefined {
  let mtimeMs: number;
  try {
    ({ mtimeMs } = statSync(file));
  } catch {
    return undefined;
  }
  const cached = textCache.get(file);
  if (cached?.mtimeMs === mtimeMs && cached.starterModules === environment.starterModules) return cached;
  const text = readText(file) ?? '';
  const imports: string[] = [];
  for (const [, specifier] of text.matchAll(SPECIFIERS)) {
    const target = specifier === undefined ? undefined : resolveModule(file, specifier);
    if (target !== undefined) imports.push(target);
  }
  const facts: TextFacts = {
    mtimeMs,
    starterModules: environment.starterModules,
    namesStarter: starterModulePattern(environment.starterModules).test(text),
    imports,
  };
  textCache.set(file, facts);
  return facts;
}
