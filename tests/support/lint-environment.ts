/** How the project layer reads other modules in unit tests: as `model/analyze.ts` sets it up for a lint. */
import * as tsParser from '@typescript-eslint/parser';

import { BUILTIN_STARTERS } from '../../src/analysis/catalog/starters.js';
import { analyze } from '../../src/analysis/model/analyze.js';
import { exportSummary } from '../../src/analysis/model/export-summary.js';
import type { LintEnvironment } from '../../src/analysis/project/summary-store.js';
import { languageOptionsFor } from './languages.js';

/** The environment of an ES module linted with the default settings, or of a TypeScript one with typescript-eslint's parser. */
export function lintEnvironment(language: 'esm' | 'ts' = 'esm'): LintEnvironment {
  const languageOptions = languageOptionsFor(language);
  if (language === 'ts') languageOptions.parser = tsParser;
  return {
    languageOptions,
    settings: {},
    starterModules: new Set(BUILTIN_STARTERS.map((spec) => spec.module)),
    summarize: (context) => exportSummary(analyze(context), context.physicalFilename),
  };
}
