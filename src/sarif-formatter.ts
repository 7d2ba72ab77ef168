/**
 * `eslint -f ./node_modules/eslint-plugin-process-guard/dist/sarif-formatter.js`: the SARIF that the
 * `process-guard --format sarif` CLI writes, for projects that run ESLint themselves.
 */
import type { ESLint } from 'eslint';

import { PROCESS_GUARD_TOOL, toSarif } from './sarif.js';

const format: ESLint.FormatterFunction = (results, context) =>
  JSON.stringify(
    toSarif({ results, rulesMeta: context?.rulesMeta ?? {}, cwd: context?.cwd ?? process.cwd(), tool: PROCESS_GUARD_TOOL }),
    null,
    2,
  );

export default format;
