/**
 * The project model, as one file sees it: which calls and `new`s of this file start something
 * because of what the called function or class does, here or in another module of the project,
 * and which calls pass their arguments to a start in another module (an imported wrapper).
 *
 * - `startCalls`: calls and `new`s of imported functions and classes whose module summary starts
 *   (`new TtsEngine()`, `createPool()`, `startServer()`);
 * - `wrapperCalls`: calls of imported functions whose parameters reach a start's command, script or
 *   options (`run('npm', ['install'])` with `run` from `./run.js`);
 * - `messageCalls` and `signalCalls`: calls of imported functions whose parameters their module
 *   sends as messages or `kill` signals (`post(new Map())`, `stop('SIGUSR2')`);
 * - `classStart`: whether constructing a class of this file starts something, and where.
 *
 * This file's own exports, as an importer sees them, are summarised above the questions
 * (`model/export-summary.ts`); the summaries of other modules come from `summary-store.ts`.
 *
 * Imported names resolve like `imported-bindings.ts` and `module-resolution.ts` say; whatever they
 * cannot resolve is unknown and starts nothing.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Serialization } from '../catalog/vocabulary.js';
import { constructorFunction, declaredVariable, type ClassModel, type ConstructedNode } from '../file/classes.js';
import type { ExecutionModel } from '../file/execution.js';
import { isStartContextGuarded } from '../file/guards/facts.js';
import type { GuardEvaluator } from '../file/guards/guards.js';
import { importedName, requiredSpecifier, type ImportedName } from '../file/imported-bindings.js';
import { buildSummaries, startPointOf, type FunctionSummaries, type StartPoint } from '../file/local-functions.js';
import type { ReferenceIndex } from '../file/references.js';
import { requestedByCaller, startsWhenPassed } from '../file/requested-starts.js';
import type { StarterSite } from '../file/starters.js';
import { resolveModule, resolvePathAlias, type PathAliases } from './module-resolution.js';
import { knownSummary, moduleSummary, startsAnything, type ExportedMessage, type ExportedRole, type ExportedSignal, type ExportSummary, type LintEnvironment } from './summary-store.js';

type Node = TSESTree.Node;

/** What the project model reads of one file's analysis: its own facts, nothing above the file layer. */
export interface ImportsInput {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly starters: readonly StarterSite[];
  readonly guards: Pick<GuardEvaluator, 'factsAt'>;
  readonly execution: Pick<ExecutionModel, 'executionOf'>;
  readonly summaries: FunctionSummaries;
  readonly classes: ClassModel;
  readonly references: ReferenceIndex;
  /** Modules the test runner replaces in this file's module graph (`vi.mock('m')`), without `node:`. */
  readonly mockedModules: ReadonlySet<string>;
}
type Invocation = TSESTree.CallExpression | TSESTree.NewExpression;

/** A call or `new` in this file that starts something in an imported module. */
export interface StartCall {
  readonly node: Invocation;
  /** The callee as written: `createPool`, `engines.Tts`. */
  readonly name: string;
  readonly point: StartPoint;
}

/** What constructing a class of this file starts: unguarded, and on the caller's request (with the node in the constructor that waits for it). */
interface ConstructionStarts {
  readonly site?: StarterSite;
  readonly call?: StartCall;
  readonly requested: { readonly node: Node; readonly point: StartPoint }[];
}

/** A call of an imported function whose parameters reach a start in its module. */
export interface ImportedWrapperCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  readonly roles: readonly ExportedRole[];
}

/** A call of an imported function whose parameters its module sends as messages. */
export interface ImportedMessageCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  readonly messages: readonly ExportedMessage[];
}

/** A call of an imported function whose parameters its module sends as signals. */
export interface ImportedSignalCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  readonly signals: readonly ExportedSignal[];
}

/** Re-export hops followed from an imported name to the module that defines it. */
const MAX_REEXPORT_HOPS = 6;

export class ProjectImports {
  private invocations: { node: Invocation; callee: Node }[] | undefined;
  private readonly exportAt = new Map<Invocation, ExportSummary | null>();
  /** Module → whether it is known, without parsing, to start nothing. */
  private readonly startFree = new Map<string, boolean>();
  private readonly classStarts = new Map<ConstructedNode, StartPoint | null>();
  private constructionStarts: Map<ConstructedNode, ConstructionStarts> | undefined;
  #steps = 0;
  private aliases: PathAliases | null | undefined;
  /** While this file is summarised for its importers: function summaries that include imported starts. */
  private seeded: FunctionSummaries | undefined;

  constructor(
    private readonly analysis: ImportsInput,
    private readonly filename: string,
    private readonly environment: LintEnvironment | undefined,
  ) {}

  /**
   * Calls and `new`s of imported functions and classes that start something, among those `where`
   * accepts. `where` is asked first, so only the calls a rule cares about cost a module summary.
   */
  startCalls(where: (node: Invocation) => boolean = () => true): StartCall[] {
    return this.callsReaching(where, (node, summary) => (node.type === 'NewExpression' ? summary.constructed : summary.called));
  }

  /** Calls of imported functions that run the entry script again with no guard (`rerunsEntry`), among those `where` accepts. */
  entryRestartCalls(where: (node: Invocation) => boolean): StartCall[] {
    return this.callsReaching(where, (node, summary) => (node.type === 'CallExpression' ? summary.rerunsEntry : undefined));
  }

  private callsReaching(where: (node: Invocation) => boolean, pointOf: (node: Invocation, summary: ExportSummary) => StartPoint | undefined): StartCall[] {
    const found: StartCall[] = [];
    for (const { node, callee } of this.importedInvocations()) {
      this.#steps += 1;
      if (this.startsNothing(callee) || !where(node)) continue;
      const summary = this.exportSummaryAt(node, callee);
      const point = summary && pointOf(node, summary);
      if (point) found.push({ node, name: this.analysis.sourceCode.getText(callee), point });
    }
    return found;
  }

  /** The work done so far: starts, imported calls and references visited. Deterministic, for tests of its growth. */
  get steps(): number {
    return this.#steps;
  }

  /** Calls of imported functions whose parameters reach a start in their module, among those `where` accepts. */
  wrapperCalls(where: (call: TSESTree.CallExpression) => boolean): ImportedWrapperCall[] {
    const found: ImportedWrapperCall[] = [];
    for (const { node, callee } of this.importedInvocations()) {
      this.#steps += 1;
      if (node.type !== 'CallExpression' || this.startsNothing(callee) || !where(node)) continue;
      // A start through a module the test replaces (`vi.mock('cross-spawn')`) runs the mock.
      const roles = (this.exportSummaryAt(node, callee)?.roles ?? []).filter((role) => !this.analysis.mockedModules.has(role.spec.module));
      if (roles.length > 0) found.push({ call: node, name: this.analysis.sourceCode.getText(callee), roles });
    }
    return found;
  }

  /** Calls of imported functions whose parameters their module sends as messages, among those `where` accepts. */
  messageCalls(where: (call: TSESTree.CallExpression) => boolean): ImportedMessageCall[] {
    return this.callsWith(where, (summary) => summary.messages).map(({ call, name, found }) => ({ call, name, messages: found }));
  }

  /** Calls of imported functions whose parameters their module sends as signals, among those `where` accepts. */
  signalCalls(where: (call: TSESTree.CallExpression) => boolean): ImportedSignalCall[] {
    return this.callsWith(where, (summary) => summary.signals).map(({ call, name, found }) => ({ call, name, signals: found }));
  }

  /** Calls of imported functions whose summary has something `read` reads, among those `where` accepts. */
  private callsWith<T>(
    where: (call: TSESTree.CallExpression) => boolean,
    read: (summary: ExportSummary) => readonly T[] | undefined,
  ): { call: TSESTree.CallExpression; name: string; found: readonly T[] }[] {
    const calls: { call: TSESTree.CallExpression; name: string; found: readonly T[] }[] = [];
    for (const { node, callee } of this.importedInvocations()) {
      if (node.type !== 'CallExpression' || this.startsNothing(callee) || !where(node)) continue;
      const summary = this.exportSummaryAt(node, callee);
      const found = summary ? (read(summary) ?? []) : [];
      if (found.length > 0) calls.push({ call: node, name: this.analysis.sourceCode.getText(callee), found });
    }
    return calls;
  }

  /** Calls of imported functions that return a child process with an IPC channel, and its serialization. */
  childFactoryCalls(): { call: TSESTree.CallExpression; serialization: Serialization }[] {
    const found: { call: TSESTree.CallExpression; serialization: Serialization }[] = [];
    // Only a file that sends something needs to know which imported calls return a child, and only
    // with cross-file analysis on: then the text is scanned.
    if (!this.environment || !this.analysis.sourceCode.text.includes('.send(')) return found;
    for (const { node, callee } of this.importedInvocations()) {
      this.#steps += 1;
      if (node.type !== 'CallExpression' || !isSendTarget(node) || this.startsNothing(callee)) continue;
      const serialization = this.exportSummaryAt(node, callee)?.returnsChild;
      if (serialization) found.push({ call: node, serialization });
    }
    return found;
  }

  /**
   * Where constructing a class of this file starts something, if it does. A start that waits for an
   * option the caller passes (`requested-starts.ts`) is not one: a `new` without it starts nothing.
   */
  classStart(classNode: ConstructedNode): StartPoint | undefined {
    const cached = this.classStarts.get(classNode);
    if (cached !== undefined) return cached ?? undefined;
    this.classStarts.set(classNode, null);
    const starts = this.unguardedConstructionStarts().get(classNode);
    let point = starts?.site && startPointOf(starts.site);
    point ??= starts?.call?.point;
    const constructor = constructorFunction(classNode);
    // What the constructor's calls start, unless all it was seen to start waits for the caller's option.
    if (!point && !starts?.requested.length && constructor?.type === 'FunctionExpression') point = this.functionSummaries().summaryOf(constructor)?.startPoint;
    this.classStarts.set(classNode, point ?? null);
    return point;
  }

  /**
   * Class → the first start of this file and the first imported start call that run unguarded when
   * it is constructed, and the starts that wait for an option the caller passes. One pass over the
   * starts for all classes: asking per class made the file's classes × starts.
   */
  private unguardedConstructionStarts(): Map<ConstructedNode, ConstructionStarts> {
    if (this.constructionStarts) return this.constructionStarts;
    const byClass = new Map<ConstructedNode, ConstructionStarts>();
    this.constructionStarts = byClass;
    const unguarded = (node: Node) => !isStartContextGuarded(this.analysis.guards.factsAt(node));
    const add = (node: Node, point: StartPoint, found: (starts: ConstructionStarts) => ConstructionStarts) => {
      const execution = this.analysis.execution.executionOf(node);
      if (execution.when !== 'construction' || !unguarded(node)) return;
      const starts = byClass.get(execution.classNode) ?? { requested: [] };
      const inConstructor = execution.via ?? node;
      const requested = requestedByCaller(this.analysis, execution.classNode, inConstructor);
      if (requested) starts.requested.push({ node: inConstructor, point });
      byClass.set(execution.classNode, requested ? starts : found(starts));
    };
    for (const site of this.analysis.starters) {
      this.#steps += 1;
      if (site.startsNow) add(site.node, startPointOf(site), (starts) => ({ ...starts, site: starts.site ?? site }));
    }
    for (const call of this.startCalls((node) => this.constructionOf(node) !== undefined && unguarded(node))) {
      add(call.node, call.point, (starts) => ({ ...starts, call: starts.call ?? call }));
    }
    return byClass;
  }

  /**
   * `new Engine()` in this file where `Engine` is a class of this file that starts when constructed,
   * or that starts on request and this `new` passes the option (`new Engine({ autoStart: true })`).
   */
  localConstructions(): StartCall[] {
    const found: StartCall[] = [];
    const { sourceCode } = this.analysis;
    for (const classNode of this.startingClasses()) {
      const variable = declaredVariable(sourceCode, classNode);
      const point = this.classStart(classNode);
      const requested = this.unguardedConstructionStarts().get(classNode)?.requested ?? [];
      if (!variable || (!point && requested.length === 0)) continue;
      for (const reference of variable.references) {
        this.#steps += 1;
        const parent = reference.identifier.parent;
        if (parent?.type !== 'NewExpression' || parent.callee !== reference.identifier) continue;
        const asked = point ? undefined : requested.find((start) => startsWhenPassed(this.analysis, classNode, start.node, parent.arguments) === true);
        const started = point ?? asked?.point;
        if (started) found.push({ node: parent, name: reference.identifier.name, point: started });
      }
    }
    return found;
  }

  private importedInvocations(): { node: Invocation; callee: Node }[] {
    if (!this.environment || !path.isAbsolute(this.filename)) return [];
    // Calls of installed packages are never summarised: leaving them out here spares every `where` test on them.
    return (this.invocations ??= importedInvocations(this.analysis.sourceCode, (specifier) => this.resolve(this.filename, specifier, 0) !== undefined));
  }

  /**
   * Whether the module a callee is imported from is known to start nothing without parsing anything:
   * then no `where` test is needed for its calls (some, like the commands a call passes, cost more
   * than the answer).
   */
  private startsNothing(callee: Node): boolean {
    const imported = importedName(this.analysis.sourceCode, callee, isProjectSpecifier);
    const file = imported && !this.analysis.mockedModules.has(imported.specifier) ? this.resolve(this.filename, imported.specifier, 0) : undefined;
    if (file === undefined || !this.environment) return true;
    let nothing = this.startFree.get(file);
    if (nothing === undefined) {
      const summary = knownSummary(file, this.environment);
      nothing = summary !== undefined && !startsAnything(summary);
      this.startFree.set(file, nothing);
    }
    return nothing;
  }

  private exportSummaryAt(node: Invocation, callee: Node): ExportSummary | undefined {
    let summary = this.exportAt.get(node);
    if (summary === undefined) {
      const imported = importedName(this.analysis.sourceCode, callee, isProjectSpecifier);
      summary = (imported && this.exportOf(this.filename, imported, 0)) ?? null;
      this.exportAt.set(node, summary);
    }
    return summary ?? undefined;
  }

  /**
   * The file's function summaries with the starts of imported calls added: a function of this file
   * that calls an imported starter starts too, for this file's importers. Built on first request;
   * from then on `classStart` reads them too.
   */
  summariesWithImportedStarts(): FunctionSummaries {
    const { sourceCode, starters } = this.analysis;
    const isConditional = (node: Node) => isStartContextGuarded(this.analysis.guards.factsAt(node));
    this.seeded ??= buildSummaries(sourceCode, starters, this.startCalls().map(({ node, point }) => ({ node, point })), isConditional, this.analysis.classes);
    return this.seeded;
  }

  private functionSummaries(): FunctionSummaries {
    return this.seeded ?? this.analysis.summaries;
  }

  private constructionOf(node: Node): ConstructedNode | undefined {
    const execution = this.analysis.execution.executionOf(node);
    return execution.when === 'construction' ? execution.classNode : undefined;
  }

  /** The summary of an export, following re-exports and barrels. */
  private exportOf(fromFile: string, imported: ImportedName, hops: number): ExportSummary | undefined {
    const environment = this.environment;
    const file = environment && this.resolve(fromFile, imported.specifier, hops);
    if (!environment || file === undefined || hops > MAX_REEXPORT_HOPS) return undefined;
    const summary = moduleSummary(file, environment);
    const own = summary.exports.get(imported.name);
    if (own) return own;
    const reexport = summary.reexports.get(imported.name);
    if (reexport) return reexport.name === '*' ? undefined : this.exportOf(file, reexport, hops + 1);
    if (imported.name === 'default') return undefined;
    for (const specifier of summary.starExports) {
      const found = this.exportOf(file, { specifier, name: imported.name }, hops + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The project module a specifier names: the program's `paths` apply to this file's own imports only. */
  private resolve(fromFile: string, specifier: string, hops: number): string | undefined {
    const aliases = hops === 0 ? this.pathAliases() : undefined;
    return (aliases && resolvePathAlias(specifier, aliases)) ?? resolveModule(fromFile, specifier);
  }

  /** With type information, the `paths` of the TypeScript program (the linted file's own imports only). */
  private pathAliases(): PathAliases | undefined {
    if (this.aliases === undefined) {
      const program = this.analysis.sourceCode.parserServices?.program as { getCompilerOptions(): Record<string, unknown> } | null | undefined;
      const options = program?.getCompilerOptions();
      const paths = options?.paths as PathAliases['paths'] | undefined;
      const configFile = options?.configFilePath;
      const base = typeof options?.baseUrl === 'string' ? options.baseUrl : typeof configFile === 'string' ? path.dirname(configFile) : undefined;
      this.aliases = paths && base !== undefined ? { paths, base } : null;
    }
    return this.aliases ?? undefined;
  }

  private startingClasses(): Set<ConstructedNode> {
    const classes = new Set<ConstructedNode>();
    const inAnyConstruction = (node: Node) => this.constructionOf(node) !== undefined;
    const starts: Node[] = this.analysis.starters.filter((site) => site.startsNow).map((site) => site.node);
    for (const node of [...starts, ...this.startCalls(inAnyConstruction).map((call) => call.node)]) {
      this.#steps += 1;
      const classNode = this.constructionOf(node);
      if (classNode) classes.add(classNode);
    }
    return classes;
  }
}

/** `startChild()` whose result is kept in a `const` or sent to at once: the only uses followed. */
function isSendTarget(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return parent?.type === 'VariableDeclarator' || parent?.type === 'MemberExpression';
}

/** Specifiers that may name the project's own code: relative, `#imports`, and bare names (workspace packages). */
function isProjectSpecifier(specifier: string): boolean {
  return !specifier.startsWith('node:');
}

/**
 * Calls and `new`s whose callee is a module-level import of this file, or a member of one: found
 * from the references of the import bindings, not by walking the tree.
 */
function importedInvocations(sourceCode: Readonly<TSESLint.SourceCode>, isProjectModule: (specifier: string) => boolean): { node: Invocation; callee: Node }[] {
  const found: { node: Invocation; callee: Node }[] = [];
  for (const variable of importVariables(sourceCode, isProjectModule)) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as Node;
      let callee: Node = identifier;
      if (identifier.parent?.type === 'MemberExpression' && identifier.parent.object === identifier) callee = identifier.parent;
      const invocation = callee.parent;
      if ((invocation?.type === 'CallExpression' || invocation?.type === 'NewExpression') && invocation.callee === callee) {
        found.push({ node: invocation, callee });
      }
    }
  }
  return found;
}

function importVariables(sourceCode: Readonly<TSESLint.SourceCode>, isProjectModule: (specifier: string) => boolean): TSESLint.Scope.Variable[] {
  const variables: TSESLint.Scope.Variable[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind !== 'type' && isProjectModule(statement.source.value)) variables.push(...sourceCode.getDeclaredVariables(statement));
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const specifier = declarator.init ? requiredSpecifier(declarator.init) : undefined;
        if (specifier !== undefined && isProjectModule(specifier)) variables.push(...sourceCode.getDeclaredVariables(declarator));
      }
    }
  }
  return variables;
}
