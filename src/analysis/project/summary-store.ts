/**
 * Module summaries: what the exports of one of the project's modules do when they are called or
 * constructed, computed by parsing the module with the linted file's own parser and language
 * options and running the same analysis on it (see `model/export-summary.ts`, which computes the
 * summary). A parser that `module-parse.ts` cannot drive is run through a nested lint with ESLint's
 * `Linter` instead. Summaries and text facts are kept per configuration (settings, parser and
 * language options: two config blocks may declare different starters) and while the files they
 * were read from are unchanged (fs-cache.ts).
 *
 * A module whose text names no starter module, and none of whose imported project modules starts
 * anything, is not parsed at all.
 *
 * The same answer whatever was asked before, in any lint order and any worker. A question walks the
 * import graph of the modules' texts (iteratively: no chain is too long) and finds its strongly
 * connected components (Tarjan); each is summarised once every module it imports is, and kept as a
 * whole. The modules of an import cycle are summarised together from "starts nothing" until their
 * summaries no longer change, in the order of their paths: the entry point of the question does not
 * matter. Budgets (see docs/ARCHITECTURE.md, "Budgets"): a module over MAX_MODULE_BYTES is unknown;
 * so is a summary that needs more than MAX_PARSED modules parsed (itself and the summaries it reads,
 * counted through theirs; a cycle counts all of its own), and a cycle that does not settle within
 * MAX_ROUNDS rounds: facts of the module graph, kept as such. A nesting safety net (MAX_DEPTH) gives
 * an unknown summary that is never kept. Nothing here throws: an unreadable or unparsable module is
 * unknown.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import type { Platform } from '../catalog/platform-apis.js';
import type { StartFailure, StarterSpec } from '../catalog/starters.js';
import type { ChannelKind, Serialization, ShellMode } from '../catalog/vocabulary.js';
import type { ImportedName } from '../file/imported-bindings.js';
import { DerivedCache, notCacheable, readText, recordReads, reset } from './fs-cache.js';
import { parseModule } from './module-parse.js';
import { resolveModule } from './module-resolution.js';
import type { ParameterUse, StartPoint } from '../file/local-functions.js';
import { escapeRegExp } from '../../util/regexp.js';

/** One way a parameter of an exported function reaches a start in its module. */
export interface ExportedRole {
  readonly index: number;
  readonly use: ParameterUse;
  /** Where in the parameter the value sits (`[]`: the parameter itself). */
  readonly path: readonly string[];
  readonly spec: StarterSpec;
  /** The shell mode the module's own code gives the start. */
  readonly shell: ShellMode;
  /** The platforms the start can run on, given the conditions around it in its module. */
  readonly platforms: ReadonlySet<Platform>;
  /** The parameters that carry the same start's options: what the caller passes there counts too. */
  readonly optionParameters: readonly number[];
  readonly point: StartPoint;
  /**
   * For a script path: whether the module's code sets the start's working directory, or may;
   * undefined for any other role, and for a start that takes no path (`new Worker(code, { eval: true })`).
   */
  readonly setsCwd?: boolean;
  /**
   * What becomes of the start's failure: handled in the module, or thrown from, rejected by, or
   * returned or resolved with in the result of the exported function's call; undefined when
   * nothing there shows it (an event, a callback).
   */
  readonly failure?: StartFailure | 'handled';
}

/** A parameter of an exported function that its module sends as a message (`child.send(message)`). */
export interface ExportedMessage {
  readonly index: number;
  /** The channel's kind and serialization, as its module shows them. */
  readonly channel: ChannelKind;
  readonly serialization: Serialization;
  /** The sending call as written there, for messages: `` `child.send()` ``. */
  readonly sender: string;
  /** Where the message is sent: its module's file and line. */
  readonly point: { readonly file: string; readonly line: number };
}

/** A parameter of an exported function that its module sends as a signal with `kill`. */
export interface ExportedSignal {
  readonly index: number;
  /** The `kill` as messages name it: `process.kill()`, `subprocess.kill()`. */
  readonly name: string;
  /** The platforms the `kill` can run on, given the conditions around it and the calls to it in its module. */
  readonly platforms: ReadonlySet<Platform>;
  /** The signals of the `process.on()` listeners the `kill` runs in there. */
  readonly listened: readonly string[];
  readonly point: { readonly file: string; readonly line: number };
}

export interface ExportSummary {
  /** Calling it starts something: where. */
  readonly called?: StartPoint;
  /** Constructing it (`new X()`) starts something: where. */
  readonly constructed?: StartPoint;
  readonly roles: readonly ExportedRole[];
  /** Calling it returns a child process with an IPC channel, serialised this way (`return fork(…)`). */
  readonly returnsChild?: Serialization;
  /**
   * Calling it runs the entry script again with no start-context check (`cluster.fork()`,
   * `fork(process.argv[1])`): where.
   */
  readonly rerunsEntry?: StartPoint;
  /** Its parameters that its module sends as messages. */
  readonly messages?: readonly ExportedMessage[];
  /** Its parameters that its module sends as signals. */
  readonly signals?: readonly ExportedSignal[];
}

export interface ModuleSummary {
  readonly exports: ReadonlyMap<string, ExportSummary>;
  /** `export { a as b } from './x'`: `b` → `{ specifier: './x', name: 'a' }`. */
  readonly reexports: ReadonlyMap<string, ImportedName>;
  /** `export * from './x'`. */
  readonly starExports: readonly string[];
}

/**
 * What reading another module needs from the file that asks: its parser and language options, its
 * settings, and the analysis that summarises a module (passed in from above, so that data flows one way).
 */
export interface LintEnvironment {
  readonly languageOptions: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  /** The module names whose members start something (`child_process`, `piscina`…). */
  readonly starterModules: ReadonlySet<string>;
  /** Summarises a parsed module: the whole analysis, run on it. */
  readonly summarize: (context: AnalysisContext) => ModuleSummary;
}

const MAX_MODULE_BYTES = 512 * 1024;
/**
 * Modules being parsed at once: a safety net. Modules are summarised after those they import, so a
 * parse nests only when a module's analysis reads one its text did not show.
 */
const MAX_DEPTH = 8;
/** Modules whose text is read to decide whether one module could start something. */
const MAX_SCANNED = 64;
/** Modules parsed for one module's summary, counted through the summaries it reads. */
const MAX_PARSED = 8;
/** Rounds over an import cycle before its summaries are taken as unknown: each round that changes one parses again. */
const MAX_ROUNDS = MAX_PARSED + 2;
const TYPED_PARSER_OPTIONS = new Set(['project', 'projectService', 'programs']);
export const EMPTY_SUMMARY: ModuleSummary = { exports: new Map(), reexports: new Map(), starExports: [] };

/** A summary and the modules parsed to compute it (its own and those of the summaries it read). */
interface SummaryRecord {
  readonly summary: ModuleSummary;
  readonly parsed: ReadonlySet<string>;
}

const NOTHING: SummaryRecord = { summary: EMPTY_SUMMARY, parsed: new Set() };
/** Configuration key and path → the module's summary. */
const summaries = new DerivedCache<SummaryRecord>();
/** Configuration key and path → what the module's text shows. */
const textCache = new DerivedCache<TextFacts | undefined>();
/** Configuration key and path → whether a starter module is within MAX_SCANNED modules of its imports. */
const reachCache = new DerivedCache<boolean>();
/** The modules of the cycles being summarised → their summaries so far (configuration key and path). */
const provisional = new Map<string, SummaryRecord>();
/** The cycles being summarised, innermost last: a read of another cycle's value is not kept. */
const cycles: ReadonlySet<string>[] = [];
/** The modules parsed for each summary being computed, innermost last. */
const parsedFor: Set<string>[] = [];
let parsing = 0;
let solving = 0;
let inspecting = 0;
const counters = { summarised: 0, cacheHits: 0, skippedByText: 0, overBudget: 0, summaryMs: 0 };

/**
 * How many modules were summarised, how often a summary came from the cache, how many were not
 * parsed (decided from text) or left unknown by MAX_PARSED, and the milliseconds spent summarising.
 */
export function moduleSummaryStats(): Readonly<typeof counters> {
  return { ...counters };
}

/** Forgets every summary, everything read from disk, and every count: `npm run bench` measures each run with a cold cache. */
export function resetModuleSummaries(): void {
  reset();
  counters.summarised = 0;
  counters.cacheHits = 0;
  counters.skippedByText = 0;
  counters.overBudget = 0;
  counters.summaryMs = 0;
}

const keysByOptions = new WeakMap<object, WeakMap<object, string>>();
const keysByDescription = new Map<string, string>();
const parserIds = new WeakMap<object, number>();
const NO_SETTINGS = {};
/** Numbers for what has no key of its own: a parser without `meta`, settings that JSON cannot write. */
let identities = 0;

/**
 * What a summary depends on besides the disk: the settings, the parser and the language options
 * (type information aside: summaries are built without it). One key per configuration object.
 */
export function configurationKey(environment: LintEnvironment): string {
  const settings = environment.settings ?? NO_SETTINGS;
  let bySettings = keysByOptions.get(environment.languageOptions);
  if (!bySettings) {
    bySettings = new WeakMap();
    keysByOptions.set(environment.languageOptions, bySettings);
  }
  let key = bySettings.get(settings);
  if (key === undefined) {
    const { parser, parserOptions, ...languageOptions } = environment.languageOptions;
    const untyped = Object.entries(parserOptions ?? {}).filter(([name]) => !TYPED_PARSER_OPTIONS.has(name));
    const description = `${parserKey(parser)}\0${stableJson({ settings, languageOptions, parserOptions: Object.fromEntries(untyped) })}`;
    // A short key for every configuration that reads the same: cache keys repeat it once per module.
    key = keysByDescription.get(description) ?? `c${keysByDescription.size}`;
    keysByDescription.set(description, key);
    bySettings.set(settings, key);
  }
  return key;
}

/** A parser by its `meta` name and version, or else by identity. */
function parserKey(parser: unknown): string {
  if (typeof parser !== 'object' || parser === null) return String(parser);
  const meta = (parser as { meta?: { name?: unknown; version?: unknown } }).meta;
  if (typeof meta?.name === 'string') return `${meta.name}@${String(meta.version)}`;
  let id = parserIds.get(parser);
  if (id === undefined) {
    id = (identities += 1);
    parserIds.set(parser, id);
  }
  return `#${id}`;
}

/** JSON of a value; one that cannot be written (a cycle) stands for itself alone. */
function stableJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return `#${(identities += 1)}`;
  }
}

/** The name of the parser a configuration parses with (espree without one): what a value read from a parse is kept under. */
export function parserName(environment: LintEnvironment): string {
  const parser = environment.languageOptions.parser as { meta?: { name?: unknown } } | undefined;
  return String(parser?.meta?.name ?? 'espree');
}

/** What the analysis reads of a rule's context: a nested lint's rule context, or a parsed module's stand-in. */
export type AnalysisContext = Readonly<
  Pick<TSESLint.RuleContext<string, readonly unknown[]>, 'sourceCode' | 'settings' | 'filename' | 'physicalFilename' | 'cwd' | 'languageOptions'>
>;

const keyOf = (file: string, environment: LintEnvironment) => `${configurationKey(environment)}\0${file}`;

/** The summary of the module at `file`, from the cache when nothing it was derived from has changed. */
export function moduleSummary(file: string, environment: LintEnvironment): ModuleSummary {
  const key = keyOf(file, environment);
  const cached = summaries.peek(key);
  if (cached) {
    counters.cacheHits += 1;
    return counted(cached);
  }
  const pending = provisional.get(key);
  if (pending) {
    // A value of a cycle still being summarised: final only for that cycle's own rounds.
    if (!cycles.at(-1)?.has(key)) notCacheable();
    return counted(pending);
  }
  const started = performance.now();
  solving += 1;
  try {
    return counted(solve(file, environment));
  } finally {
    solving -= 1;
    // Time of the outermost questions only: a nested one is part of the module that asked for it.
    if (solving === 0) counters.summaryMs += performance.now() - started;
  }
}

/** A summary read while another is computed costs that one what it cost to compute. */
function counted(record: SummaryRecord): ModuleSummary {
  for (const parsed of record.parsed) parsedFor.at(-1)?.add(parsed);
  return record.summary;
}

/**
 * Summarises `root` and every module it needs that is not kept yet, each strongly connected
 * component once its imports are summarised (Tarjan's order), and keeps them.
 */
function solve(root: string, environment: LintEnvironment): SummaryRecord {
  let answer: SummaryRecord | undefined;
  for (const component of components(root, environment)) {
    const keys = component.map((file) => keyOf(file, environment));
    // Summarised meanwhile by a question nested in another component's (an import its text did not show).
    if (keys.every((key) => summaries.peek(key))) continue;
    const [first = root] = component;
    const cyclic = component.length > 1 || (textFacts(first, environment)?.imports.includes(first) ?? false);
    const { value: records, reads } = recordReads(() => (cyclic ? summariseCycle(component, keys, environment) : [withinBudget(summariseOne(first, environment))]));
    records.forEach((record, index) => summaries.keep(keys[index] ?? '', record, reads));
    const own = component.indexOf(root);
    if (own >= 0) answer = records[own];
  }
  return answer ?? summaries.peek(keyOf(root, environment)) ?? NOTHING;
}

/**
 * The strongly connected components of the import graph from `root`, over the modules not kept yet
 * that could start something, those imported first; each sorted by path. Iterative Tarjan.
 */
function components(root: string, environment: LintEnvironment): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const frames: { file: string; imports: readonly string[]; next: number }[] = [];
  const open = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.size - 1);
    stack.push(file);
    onStack.add(file);
    const facts = textFacts(file, environment);
    frames.push({ file, imports: facts && !startFreeByText(file, facts, environment) ? facts.imports : [], next: 0 });
  };
  open(root);
  for (let frame = frames.at(-1); frame; frame = frames.at(-1)) {
    const target = frame.imports[frame.next];
    frame.next += 1;
    if (target !== undefined) {
      if (!index.has(target) && needsSummary(target, environment)) open(target);
      else if (onStack.has(target)) low.set(frame.file, Math.min(low.get(frame.file) ?? 0, index.get(target) ?? 0));
      continue;
    }
    frames.pop();
    const own = low.get(frame.file) ?? 0;
    const parent = frames.at(-1);
    if (parent) low.set(parent.file, Math.min(low.get(parent.file) ?? 0, own));
    if (own !== index.get(frame.file)) continue;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === frame.file ? undefined : stack.pop()) {
      onStack.delete(member);
      component.push(member);
    }
    found.push(component.sort());
  }
  return found;
}

/** Whether an imported module is to be summarised with the question: not kept, not being summarised, and could start something. */
function needsSummary(file: string, environment: LintEnvironment): boolean {
  const key = keyOf(file, environment);
  if (summaries.peek(key) || provisional.has(key)) return false;
  const facts = textFacts(file, environment);
  return facts !== undefined && !startFreeByText(file, facts, environment);
}

/**
 * An import cycle's summaries: every module starts from "starts nothing", and the modules are
 * summarised again, in the order of their paths, until no summary changes. Unknown (all of them)
 * when they need more than MAX_PARSED modules parsed in all, or do not settle within MAX_ROUNDS.
 */
function summariseCycle(files: readonly string[], keys: readonly string[], environment: LintEnvironment): SummaryRecord[] {
  const parsed = new Set<string>();
  keys.forEach((key) => provisional.set(key, NOTHING));
  cycles.push(new Set(keys));
  try {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      let changed = false;
      for (const [index, file] of files.entries()) {
        const key = keys[index] ?? '';
        const record = summariseOne(file, environment);
        record.parsed.forEach((module) => parsed.add(module));
        if (parsed.size > MAX_PARSED) break;
        if (!sameSummary(provisional.get(key)?.summary, record.summary)) changed = true;
        provisional.set(key, record);
      }
      if (parsed.size > MAX_PARSED) break;
      if (!changed) return keys.map((key) => ({ summary: provisional.get(key)?.summary ?? EMPTY_SUMMARY, parsed }));
    }
    counters.overBudget += 1;
    return keys.map(() => NOTHING);
  } finally {
    keys.forEach((key) => provisional.delete(key));
    cycles.pop();
  }
}

/** A module's summary, or unknown when it needs more than MAX_PARSED modules parsed. */
function withinBudget(record: SummaryRecord): SummaryRecord {
  if (record.parsed.size <= MAX_PARSED) return record;
  // Unknown, whichever file asks and whatever was summarised before: what it needs is too much.
  counters.overBudget += 1;
  return NOTHING;
}

/** One module's summary and the modules parsed for it, the summaries it reads kept or provisional. */
function summariseOne(file: string, environment: LintEnvironment): SummaryRecord {
  const parsed = new Set<string>();
  parsedFor.push(parsed);
  let summary = EMPTY_SUMMARY;
  try {
    const text = mayStart(file, environment) ? readText(file, MAX_MODULE_BYTES) : undefined;
    if (text === undefined) {
      counters.skippedByText += 1;
    } else if (parsing >= MAX_DEPTH) {
      notCacheable();
    } else if (parsed.add(file).size <= MAX_PARSED) {
      parsing += 1;
      try {
        summary = summaryOf(file, text, environment);
      } finally {
        parsing -= 1;
      }
      counters.summarised += 1;
    }
  } finally {
    parsedFor.pop();
  }
  return { summary, parsed };
}

/** Whether two summaries say the same: a cycle's rounds end when none changes. */
function sameSummary(before: ModuleSummary | undefined, after: ModuleSummary): boolean {
  return before !== undefined && (before === after || summaryText(before) === summaryText(after));
}

/** A summary as text: maps and sets as entries, in their order (the analysis builds them in source order). */
function summaryText(summary: ModuleSummary): string {
  try {
    return JSON.stringify(summary, (_key, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value));
  } catch {
    return `#${(identities += 1)}`;
  }
}

/**
 * Whether a module could start something, decided from text as far as possible. Its text names a
 * starter module: yes. No starter module within MAX_SCANNED modules of its imports: no. Otherwise
 * it can only start through what it imports, so its imports are summarised first, and it is parsed
 * only when one of them starts something: most modules of a connected project reach a spawning
 * module somewhere below, but few call into an export that starts.
 */
function mayStart(file: string, environment: LintEnvironment): boolean {
  const facts = textFacts(file, environment);
  if (!facts || startFreeByText(file, facts, environment)) return false;
  return facts.namesStarter || facts.imports.some((target) => startsAnything(moduleSummary(target, environment)));
}

/** Whether a module's text shows it starts nothing: no starter module in it or within reach of its imports. */
function startFreeByText(file: string, facts: TextFacts, environment: LintEnvironment): boolean {
  return !facts.namesStarter && !reachesStarter(file, environment);
}

/**
 * Whether a project module within MAX_SCANNED modules of `root`'s imports, breadth first, names a
 * starter module: asked for every import of every linted file, so each module's answer is kept.
 */
function reachesStarter(root: string, environment: LintEnvironment): boolean {
  return reachCache.get(`${configurationKey(environment)}\0${root}`, () => scanForStarter(root, environment));
}

function scanForStarter(root: string, environment: LintEnvironment): boolean {
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

/**
 * The summary of the module at `file` when it is known without parsing anything: from the cache, or
 * empty because no starter module is within reach of its text. `undefined` when only a summary would tell.
 */
export function knownSummary(file: string, environment: LintEnvironment): ModuleSummary | undefined {
  const cached = summaries.peek(`${configurationKey(environment)}\0${file}`);
  if (cached) return counted(cached);
  const facts = textFacts(file, environment);
  if (!facts) return EMPTY_SUMMARY;
  return startFreeByText(file, facts, environment) ? EMPTY_SUMMARY : undefined;
}

/** Whether a summary records any start, or re-exports another module's (followed when asked). */
export function startsAnything(summary: ModuleSummary): boolean {
  return summary.exports.size > 0 || summary.reexports.size > 0 || summary.starExports.length > 0;
}

/** Parses the module like the linted file and summarises it. */
function summaryOf(file: string, text: string, environment: LintEnvironment): ModuleSummary {
  return inspectModule(file, text, environment, environment.summarize, EMPTY_SUMMARY);
}

/**
 * Parses a module of the project like the linted file and asks `ask` about it; lints it where its
 * parser cannot be driven. `unknown` when the module does not parse or `ask` throws.
 */
export function inspectModule<T>(file: string, text: string, environment: LintEnvironment, ask: (context: AnalysisContext) => T, unknown: T): T {
  inspecting += 1;
  try {
    return inspect(file, text, environment, ask, unknown);
  } finally {
    inspecting -= 1;
  }
}

/**
 * Whether a module read through inspectModule is being asked about: its analysis reads its own file
 * and the modules it imports, never its importers, so that nothing chases further up.
 */
export function isInspecting(): boolean {
  return inspecting > 0;
}

function inspect<T>(file: string, text: string, environment: LintEnvironment, ask: (context: AnalysisContext) => T, unknown: T): T {
  const languageOptions = environment.languageOptions;
  for (const sourceType of sourceTypesFor(file, text)) {
    let sourceCode: TSESLint.SourceCode | undefined;
    try {
      sourceCode = parseModule(text, file, sourceType, languageOptions);
    } catch {
      continue;
    }
    if (!sourceCode) return lintToInspect(file, text, environment, ask, unknown);
    try {
      return ask({
        sourceCode,
        settings: environment.settings ?? {},
        filename: file,
        physicalFilename: file,
        cwd: path.parse(file).root,
        languageOptions: { ...languageOptions, sourceType } as AnalysisContext['languageOptions'],
      });
    } catch {
      return unknown;
    }
  }
  return unknown;
}

function lintToInspect<T>(file: string, text: string, environment: LintEnvironment, ask: (context: AnalysisContext) => T, unknown: T): T {
  let answer: { value: T } | undefined;
  const rule: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create: (context) => ({
      Program() {
        answer = { value: ask(context) };
      },
    }),
  };
  for (const sourceType of sourceTypesFor(file, text)) {
    try {
      const messages = newLinter(file).verify(text, [configFor(environment, sourceType, rule)], { filename: file });
      if (answer) return answer.value;
      if (!messages.some((message) => message.fatal)) return unknown;
    } catch {
      return unknown;
    }
  }
  return unknown;
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
  return /^[ \t]*(?:import|export)\b/m.test(text) ? ['module', 'commonjs'] : ['commonjs', 'module'];
}

/** What a module's text shows without parsing: whether it names a starter module, and its project imports. */
interface TextFacts {
  readonly namesStarter: boolean;
  readonly imports: readonly string[];
}

/** The module's text facts; undefined when its text cannot be read (missing, too large, not a file). */
function textFacts(file: string, environment: LintEnvironment): TextFacts | undefined {
  return textCache.get(`${configurationKey(environment)}\0${file}`, () => {
    const text = readText(file, MAX_MODULE_BYTES);
    if (text === undefined) return undefined;
    // A TypeScript `import type` or `export type … from` brings in no code: only the other imports count.
    const uses = new Map<string, number>();
    for (const [, specifier = ''] of text.matchAll(SPECIFIERS)) uses.set(specifier, (uses.get(specifier) ?? 0) + 1);
    for (const specifier of typeOnlySpecifiers(text)) uses.set(specifier, (uses.get(specifier) ?? 0) - 1);
    const imports: string[] = [];
    for (const [specifier, count] of uses) {
      const target = count > 0 ? resolveModule(file, specifier) : undefined;
      if (target !== undefined) imports.push(target);
    }
    return { namesStarter: starterModulePattern(environment.starterModules).test(text), imports };
  });
}

// A line's leading blanks are `[ \t]*`, never `\s*`: with the `m` flag, `^\s*` would scan a run of
// blank lines again from each of them, quadratic in the run.
const SPECIFIERS = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^[ \t]*import\s+)['"]([^'"\n]+)['"]/gm;
const TYPE_ONLY_START = /^[ \t]*(?:import|export)\s+type\s/gm;

/**
 * The specifiers of `import type … from 'x'` and `export type … from 'x'`: after such a start, the
 * statement's first `;` or quote must be the quote after `from`. The text is scanned once: a start
 * before the stop already read decides nothing new.
 */
function typeOnlySpecifiers(text: string): string[] {
  const found: string[] = [];
  let stop = -1;
  for (const start of text.matchAll(TYPE_ONLY_START)) {
    const from = start.index + start[0].length;
    if (from <= stop) continue;
    stop = nextStop(text, from);
    if (text[stop] !== "'" && text[stop] !== '"') continue;
    let before = stop;
    while (before > from && /\s/.test(text[before - 1] ?? '')) before -= 1;
    if (before - 4 < from || !text.startsWith('from', before - 4) || /\w/.test(text[before - 5] ?? '')) continue;
    const end = nextStop(text, stop + 1, '\n');
    if (end === stop + 1 || (text[end] !== "'" && text[end] !== '"')) continue;
    found.push(text.slice(stop + 1, end));
    stop = end;
  }
  return found;
}

/** The index of the first `;`, quote or `also` character from `from`, or the text's length. */
function nextStop(text: string, from: number, also = ';'): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === "'" || char === '"' || char === also) return index;
  }
  return text.length;
}

const patterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** A quoted starter module name, as an import or require writes it: `'child_process'`, `"node:cluster"`, `'execa/x'`. */
function starterModulePattern(modules: ReadonlySet<string>): RegExp {
  let pattern = patterns.get(modules);
  if (!pattern) {
    const names = [...modules].map(escapeRegExp).join('|');
    pattern = new RegExp(`(['"\`])(?:node:)?(?:${names})(?:/[^'"\`\n]*)?\\1`);
    patterns.set(modules, pattern);
  }
  return pattern;
}
