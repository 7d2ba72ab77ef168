/**
 * The contract between the layers: what one file's analysis holds, as the questions and the rules
 * read it. Types only; `model/analyze.ts` builds it (see docs/ARCHITECTURE.md).
 */
import type { TSESLint } from '@typescript-eslint/utils';

import type { Platform } from '../catalog/platform-apis.js';
import type { ResolvedSettings } from '../catalog/settings.js';
import type { ClassModel } from '../file/classes.js';
import type { ExecutionModel } from '../file/execution.js';
import type { GuardEvaluator } from '../file/guards/guards.js';
import type { FunctionSummaries } from '../file/local-functions.js';
import type { ReferenceIndex } from '../file/references.js';
import type { StarterSite } from '../file/starters.js';
import type { ValueModel } from '../file/values.js';
import type { FileModel } from '../project/file-model.js';
import type { ProjectImports } from '../project/imports.js';

export type { StarterSite };

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
  /** What `new` constructs here: classes, constructor functions, compiled classes, class factories. */
  readonly classes: ClassModel;
  readonly execution: ExecutionModel;
  readonly starters: readonly StarterSite[];
  /** Entry point or module, test file or not, ES module or CommonJS. */
  readonly fileModel: FileModel;
  /** The strings, paths and URLs expressions can take. */
  readonly values: ValueModel;
  /** Local functions that start something or pass their parameters to a starter. */
  readonly summaries: FunctionSummaries;
  /** What calls of imported functions and classes start, and which pass arguments to a start. */
  readonly imports: ProjectImports;
  /**
   * For a fixture, the platforms the files that name it run it on (fixture-runners.ts); undefined
   * when unknown, for any other file, and with `crossFile` off.
   */
  readonly runnerPlatforms: ReadonlySet<Platform> | undefined;
  /**
   * For a file exporting nothing that no package script runs, the folder a package script's file
   * starts it in by a path from that folder (project/script-chains.ts); undefined when unknown, for
   * any other file, and with `crossFile` off.
   */
  readonly chainedScriptFolder: string | undefined;
}
