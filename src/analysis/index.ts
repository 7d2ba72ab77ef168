/**
 * The shared per-file model. Computed once per file (cached on the AST) and read by every rule.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Mechanism, Platform, StarterSpec } from './catalog.js';
import { optionsArgument, propertyValue } from './ast.js';
import { ExecutionModel } from './execution.js';
import { buildFileModel, filePlatforms, type FileModel } from './file-model.js';
import { fixtureRunnerPlatforms } from './fixture-runners.js';
import { GuardEvaluator, isStartContextGuarded } from './guards.js';
import { ImportedFlags, type ForeignParser } from './imported-flags.js';
import { registerSummarizer, type AnalysisContext, type LintEnvironment } from './module-summaries.js';
import { ProjectModel } from './project-model.js';
import { isInstalledFile } from './module-resolution.js';
import { buildReferenceIndex, refKey, type Invocation, type ReferenceIndex } from './references.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import { buildSummaries, type FunctionSummaries } from './summaries.js';
import { ValueModel } from './values.js';

/** A call or `new` of a catalog starter. */
export interface StarterSite extends Invocation {
  readonly spec: StarterSpec;
  /** The options object literal, when one is written at the call. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** The expression naming the command or script, when it is written at the call. */
  readonly target: TSESTree.Node | undefined;
  /** Whether the invocation starts a process or thread right away (eager pools do, lazy ones not). */
  readonly startsNow: boolean;
  /** The mechanism in effect, with a pool's process mode taken into account. */
  readonly mechanism: Mechanism;
}

export interface FileAnalysis {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly settings: ResolvedSettings;
  readonly references: ReferenceIndex;
  /**
   * Whether the text names a starter's module or an API the rules report (`ResolvedSettings.hazardNames`).
   * Without, the file has no starter and nothing of its own to report; only calls of imported
   * functions and classes can lead to a report.
   */
  readonly namesHazard: boolean;
  readonly guards: GuardEvaluator;
  readonly execution: ExecutionModel;
  readonly starters: readonly StarterSite[];
  /** Entry point or module, test file or not, ES module or CommonJS. */
  readonly file: FileModel;
  /** The strings, paths and URLs expressions can take. */
  readonly values: ValueModel;
  /** Local functions that start something or pass their parameters to a starter. */
  readonly summaries: FunctionSummaries;
  /** What calls of imported functions and classes start, and which pass arguments to a start. */
  readonly project: ProjectModel;
  /**
   * For a fixture, the platforms the files that name it run it on (fixture-runners.ts); undefined
   * when unknown, for any other file, and with `crossFile` off.
   */
  readonly runnerPlatforms: ReadonlySet<Platform> | undefined;
}

type AnyContext = AnalysisContext;

const cache = new WeakMap<object, { settings: unknown; analysis: FileAnalysis }>();
/** The analysis handed out last. Held until the next file's, so at most one file more stays alive. */
let last: { ast: object; settings: unknown; analysis: FileAnalysis } | undefined;

/** The analysis of the file a rule is linting, computed on first use and shared by all rules. */
export function analyze(context: AnyContext): FileAnalysis {
  const { sourceCode } = context;
  const settingsObject = context.settings as Record<string, unknown> | undefined;
  // Every rule asks for the file being linted, one after another: the last answer first.
  if (last?.ast === sourceCode.ast && last.settings === settingsObject) return last.analysis;
  const cached = cache.get(sourceCode.ast);
  if (cached && cached.settings === settingsObject) {
    last = { ast: sourceCode.ast, ...cached };
    return cached.analysis;
  }
  const analysis = buildAnalysis(context, resolveSettings(settingsObject));
  cache.set(sourceCode.ast, { settings: settingsObject, analysis });
  last = { ast: sourceCode.ast, settings: settingsObject, analysis };
  return analysis;
}

// A module another file imports is summarised by linting it with this analysis (see module-summaries.ts).
registerSummarizer((context) => analyze(context).project.moduleSummary());

function buildAnalysis(context: AnyContext, settings: ResolvedSettings): FileAnalysis {
  // A file that names no starter module and no hazardous API has no starter and nothing of its own
  // to report: its reference index is built only if a question about an imported call needs it.
  if (!settings.hazardNames.test(context.sourceCode.text)) return new LazyFileAnalysis(context, settings, undefined, []);
  const references = buildReferenceIndex(context.sourceCode, settings.trackedModules);
  return new LazyFileAnalysis(context, settings, references, findStarters(references, settings));
}

const NO_SUMMARIES: FunctionSummaries = { summaryOf: () => undefined, wrapperCalls: [] };

/**
 * The analysis of one file with every model built on first read: most files give the rules nothing
 * to ask them about (a file that only calls `path.join` has no starter to judge), the file model
 * reads the nearest package.json, and what a file never allocates costs the collector nothing. A
 * class, so that the getters live once on the prototype, not as closures defined for every file.
 */
class LazyFileAnalysis implements FileAnalysis {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly namesHazard: boolean;
  /** Built in `buildAnalysis` when the text names a hazard, else on first read. */
  #references: ReferenceIndex | undefined;
  #guards: GuardEvaluator | undefined;
  #execution: ExecutionModel | undefined;
  #file: FileModel | undefined;
  #values: ValueModel | undefined;
  #summaries: FunctionSummaries | undefined;
  #project: ProjectModel | undefined;
  #runnerPlatforms: { readonly platforms: ReadonlySet<Platform> | undefined } | undefined;

  constructor(
    private readonly context: AnyContext,
    readonly settings: ResolvedSettings,
    references: ReferenceIndex | undefined,
    readonly starters: readonly StarterSite[],
  ) {
    this.sourceCode = context.sourceCode;
    this.#references = references;
    this.namesHazard = references !== undefined;
  }

  get references(): ReferenceIndex {
    return (this.#references ??= buildReferenceIndex(this.sourceCode, this.settings.trackedModules));
  }

  get guards(): GuardEvaluator {
    if (!this.#guards) {
      const { sourceCode, physicalFilename, languageOptions } = this.context;
      const parser = languageOptions.parser as ForeignParser | undefined;
      const importedFlags = this.settings.crossFile ? new ImportedFlags(sourceCode, physicalFilename, parser) : undefined;
      // A file named for a platform, or a script the CI runs on one only, is that platform's code: its Program starts with that fact.
      this.#guards = new GuardEvaluator(sourceCode, this.references, this.settings, importedFlags, filePlatforms(this.file));
    }
    return this.#guards;
  }

  get execution(): ExecutionModel {
    return (this.#execution ??= new ExecutionModel(this.sourceCode));
  }

  get file(): FileModel {
    if (!this.#file) {
      const { filename, physicalFilename, cwd } = this.context;
      this.#file = buildFileModel(this.sourceCode, { filename, physicalFilename, cwd }, this.settings);
    }
    return this.#file;
  }

  get values(): ValueModel {
    return (this.#values ??= new ValueModel(this.sourceCode, this.references));
  }

  get summaries(): FunctionSummaries {
    if (!this.#summaries) {
      const isConditional = (node: TSESTree.Node) => isStartContextGuarded(this.guards.factsAt(node));
      // Without a starter no local function starts anything or passes a parameter to a start.
      this.#summaries = this.starters.length === 0 ? NO_SUMMARIES : buildSummaries(this.sourceCode, this.starters, [], isConditional);
    }
    return this.#summaries;
  }

  get project(): ProjectModel {
    if (!this.#project) {
      this.#project = new ProjectModel(this, this.context.physicalFilename, this.projectEnvironment());
    }
    return this.#project;
  }

  get runnerPlatforms(): ReadonlySet<Platform> | undefined {
    if (this.#runnerPlatforms === undefined) {
      const folder = this.file.fixtureRunners;
      const environment = folder === undefined ? undefined : this.projectEnvironment();
      this.#runnerPlatforms = {
        platforms: folder !== undefined && environment ? fixtureRunnerPlatforms(this.context.physicalFilename, folder, environment, analyze) : undefined,
      };
    }
    return this.#runnerPlatforms.platforms;
  }

  /**
   * How the project's other modules are read, with `crossFile` on. A file inside an installed
   * package imports only modules that are never summarised (they are all installed code) and is
   * nobody's fixture, so it reads none.
   */
  private projectEnvironment(): LintEnvironment | undefined {
    const crossFile = this.settings.crossFile && !isInstalledFile(this.context.physicalFilename);
    return crossFile ? lintEnvironment(this.context, this.settings) : undefined;
  }
}

const starterModulesBySettings = new WeakMap<ResolvedSettings, ReadonlySet<string>>();

function lintEnvironment(context: AnyContext, settings: ResolvedSettings): LintEnvironment {
  let starterModules = starterModulesBySettings.get(settings);
  if (!starterModules) {
    starterModules = new Set([...settings.starters.values()].flat().map((spec) => spec.module));
    starterModulesBySettings.set(settings, starterModules);
  }
  return {
    languageOptions: context.languageOptions as unknown as Record<string, unknown>,
    settings: context.settings as Record<string, unknown> | undefined,
    starterModules,
  };
}

function findStarters(references: ReferenceIndex, settings: ResolvedSettings): StarterSite[] {
  const sites: StarterSite[] = [];
  for (const invocation of references.invocations) {
    const specs = settings.starters.get(refKey(invocation.callee));
    const spec = specs?.find((candidate) => matchesInvocation(candidate, invocation));
    if (spec) sites.push(describeSite(invocation, spec));
  }
  return sites;
}

function matchesInvocation(spec: StarterSpec, invocation: Invocation): boolean {
  if (spec.configuredByOptionsCall && isOptionsCall(invocation.node)) return false;
  return spec.invocation === 'call-or-construct' || (spec.invocation === 'call') === (invocation.kind === 'call');
}

/** `$()` or `$({ … })`: a call that hands over options only, no command. */
function isOptionsCall(node: Invocation['node']): boolean {
  if (node.type !== 'CallExpression') return false;
  const [first] = node.arguments;
  return first === undefined || (node.arguments.length === 1 && first.type === 'ObjectExpression');
}

function describeSite(invocation: Invocation, spec: StarterSpec): StarterSite {
  const args = invocation.node.type === 'TaggedTemplateExpression' ? [] : invocation.node.arguments;
  const options = spec.optionsFrom === undefined ? undefined : optionsArgument(args, spec.optionsFrom);
  let target: TSESTree.Node | undefined;
  if (spec.target?.argument !== undefined) target = args[spec.target.argument];
  else if (spec.target?.option !== undefined && options) target = propertyValue(options, spec.target.option);
  return {
    ...invocation,
    spec,
    options,
    target,
    startsNow: startsNow(spec, options),
    mechanism: processModeOn(spec, options) ? 'process' : spec.mechanism,
  };
}

function startsNow(spec: StarterSpec, options: TSESTree.ObjectExpression | undefined): boolean {
  if (spec.starts === 'always') return true;
  const value = options && propertyValue(options, spec.starts.whenOption);
  if (!value) return false;
  return !(value.type === 'Literal' && (value.value === 0 || value.value === false || value.value === null));
}

function processModeOn(spec: StarterSpec, options: TSESTree.ObjectExpression | undefined): boolean {
  if (!spec.processMode || !options) return false;
  const value = propertyValue(options, spec.processMode.option);
  return value?.type === 'Literal' && value.value === spec.processMode.value;
}
