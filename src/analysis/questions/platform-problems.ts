/**
 * Every platform API this file uses where no guard proves it works: what no-unguarded-platform-api
 * reports and what the dependency scan counts when it runs at load, so that the two cannot disagree.
 * Signals passed to imported functions that kill with them are apart (`importedSignalProblems`):
 * they need the project, and a file can have them without naming any API itself.
 */
import type { FileAnalysis } from '../contract/file-analysis.js';
import { platformCallProblems } from './platform-calls.js';
import { platformPackageProblems } from './platform-packages.js';
import type { PlatformProblem } from './platform.js';
import { posixImportProblems } from './posix-imports.js';
import { throwingCallProblems } from './throwing-calls.js';

export function platformProblems(analysis: FileAnalysis): PlatformProblem[] {
  if (!analysis.namesHazard) return [];
  return [...posixImportProblems(analysis), ...platformCallProblems(analysis), ...throwingCallProblems(analysis), ...platformPackageProblems(analysis)];
}
