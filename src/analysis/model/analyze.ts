/**
 * The composition root: builds one file's analysis (contract/file-analysis.ts), once per file
 * (cached on the AST) and read by every rule. Every model is built on first read.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../catalog/platform-apis.js';
import { resolveSettings, type ResolvedSettings } from '../catalog/settings.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { ClassModel } from '../file/classes.js';
import { ExecutionModel } from '../file/execution.js';
import { isStartContextGuarded } from '../file/guards/facts.js';
import { GuardEvaluator } from '../file/guards/guards.js';
import { buildSummaries, type FunctionSummaries } from '../file/local-functions.js';
import { buildReferenceIndex, isRef, type ReferenceIndex } from '../file/references.js';
import { isAssertedToThrow } from '../file/guards/test-guards.js';
import { mockedModules } from '../file/test-doubles.js';
import { findStarters, type StarterSite } from '../file/starters.js';
import { ValueModel } from '../file/values.js';
import { buildFileModel, filePlatforms, type FileModel } from '../project/file-model.js';
import { fixtureRunnerPlatforms } from '../project/fixture-runners.js';
import { chainedScriptFolder } from '../project/script-chains.js';
import { scriptsStartedFromWorkingFolder } from '../questions/script-paths.js';
import { ImportedFlags, type ForeignParser } from '../project/imported-flags.js';
import { importerCalls } from '../project/importer-calls.js';
import { ProjectImports } from '../project/imports.js';
import { isInstalledFile } from '../project/module-resolution.js';
import { isInspecting, type AnalysisContext, type LintEnvironment, type ModuleSummary } from '../project/summary-store.js';
import { exportSummary } from './export-summary.js';

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

/** A module another file imports is summarised by running this analysis on it (see summary-store.ts). */
function summarizeModule(context: AnyContext): ModuleSummary {
  return exportSummary(analyze(context), context.physicalFilename);
}

function buildAnalysis(context: AnyContext, settings: ResolvedSettings): FileAnalysis {
  // A file that names no starter module and no hazardous API has no starter and nothing of its own
  // to report: its reference index is built only if a question about an imported call needs it.
  if (!settings.hazardNames.test(context.sourceCode.text)) return new LazyFileAnalysis(context, settings, undefined, []);
  const references = buildReferenceIndex(context.sourceCode, settings.trackedModules);
  // A call the file asserts throws (`assert.throws(() => spawn('ls'))`) starts nothing, nor does a
  // starter of a module the test runner replaces (`vi.mock('node:child_process')`).
  const found = findStarters(references, settings);
  const mocked = found.length === 0 ? undefined : mockedModules(context.sourceCode);
  const starters = found.filter((site) => !mocked?.has(site.spec.module) && !isAssertedToThrow(context.sourceCode, site.node));
  return new LazyFileAnalysis(context, settings, references, starters, mocked);
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
  #classes: ClassModel | undefined;
  #execution: ExecutionModel | undefined;
  #fileModel: FileModel | undefined;
  #values: ValueModel | undefined;
  #summaries: FunctionSummaries | undefined;
  #imports: ProjectImports | undefined;
  #runnerPlatforms: { readonly platforms: ReadonlySet<Platform> | undefined } | undefined;
  #chainedScriptFolder: { readonly folder: string | undefined } | undefined;

  constructor(
    private readonly context: AnyContext,
    readonly settings: ResolvedSettings,
    references: ReferenceIndex | undefined,
    readonly starters: readonly StarterSite[],
    private mocked?: ReadonlySet<string>,
  ) {
    this.sourceCode = context.sourceCode;
    this.#references = references;
    this.namesHazard = references !== undefined;
  }

  /** The modules a test runner replaces in this file's module graph (test-guards.ts). */
  get mockedModules(): ReadonlySet<string> {
    return (this.mocked ??= mockedModules(this.sourceCode));
  }

  get references(): ReferenceIndex {
    return (this.#references ??= buildReferenceIndex(this.sourceCode, this.settings.trackedModules));
  }

  get guards(): GuardEvaluator {
    if (!this.#guards) {
      const { sourceCode, physicalFilename, languageOptions } = this.context;
      const parser = languageOptions.parser as ForeignParser | undefined;
      const importedFlags = this.settings.crossFile ? new ImportedFlags(sourceCode, physicalFilename, parser) : undefined;
      // The linted file's exported functions run where its importers call them; a module read for
      // another file's question reads no importers of its own (nothing is chased further).
      const environment = isInspecting() ? undefined : this.projectEnvironment();
      const importers = environment && importerCalls(physicalFilename, environment, analyze);
      // A file named for a platform, or a script the CI runs on one only, is that platform's code: its Program starts with that fact.
      this.#guards = new GuardEvaluator(sourceCode, this.references, this.settings, importedFlags, filePlatforms(this.fileModel), importers);
    }
    return this.#guards;
  }

  get classes(): ClassModel {
    return (this.#classes ??= new ClassModel(this.sourceCode, (callee) => isRef(this.references.refOf(callee), 'util', 'inherits')));
  }

  get execution(): ExecutionModel {
    return (this.#execution ??= new ExecutionModel(this.sourceCode, () => this.classes));
  }

  get fileModel(): FileModel {
    if (!this.#fileModel) {
      const { filename, physicalFilename, cwd } = this.context;
      this.#fileModel = buildFileModel(this.sourceCode, { filename, physicalFilename, cwd }, this.settings, () => this.projectEnvironment());
    }
    return this.#fileModel;
  }

  get values(): ValueModel {
    return (this.#values ??= new ValueModel(this.sourceCode, this.references));
  }

  get summaries(): FunctionSummaries {
    if (!this.#summaries) {
      const isConditional = (node: TSESTree.Node) => isStartContextGuarded(this.guards.factsAt(node));
      // Without a starter no local function starts anything or passes a parameter to a start.
      this.#summaries = this.starters.length === 0 ? NO_SUMMARIES : buildSummaries(this.sourceCode, this.starters, [], isConditional, this.classes);
    }
    return this.#summaries;
  }

  get imports(): ProjectImports {
    if (!this.#imports) {
      this.#imports = new ProjectImports(this, this.context.physicalFilename, this.projectEnvironment());
    }
    return this.#imports;
  }

  get runnerPlatforms(): ReadonlySet<Platform> | undefined {
    if (this.#runnerPlatforms === undefined) {
      const folder = this.fileModel.fixtureRunners;
      const environment = folder === undefined ? undefined : this.projectEnvironment();
      this.#runnerPlatforms = {
        platforms: folder !== undefined && environment ? fixtureRunnerPlatforms(this.context.physicalFilename, folder, environment, analyze) : undefined,
      };
    }
    return this.#runnerPlatforms.platforms;
  }

  get chainedScriptFolder(): string | undefined {
    if (this.#chainedScriptFolder === undefined) {
      const { entryPoint, scriptFolder } = this.fileModel;
      // Only a file that exports nothing is known to be run rather than imported from elsewhere.
      const environment = entryPoint === 'no-exports' && scriptFolder === undefined ? this.projectEnvironment() : undefined;
      const started = (context: AnyContext) => scriptsStartedFromWorkingFolder(analyze(context));
      this.#chainedScriptFolder = { folder: environment ? chainedScriptFolder(this.context.physicalFilename, environment, started) : undefined };
    }
    return this.#chainedScriptFolder.folder;
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
    summarize: summarizeModule,
  };
}

