/**
 * `eslint -f ./node_modules/eslint-plugin-process-guard/dist/sarif-formatter.js`: the SARIF that the
 * `process-guard --format sarif` CLI writes, for projects that run ESLint themselves: one run per
 * tool, so the results of ESLint's own rules and of other plugins name their own tool.
 */
import { ESLint } from 'eslint';

import { toSarif } from './sarif.js';

const format: ESLint.FormatterFunction = (results, context) =>
  JSON.stringify(
    toSarif({ results, rulesMeta: context?.rulesMeta ?? {}, cwd: context?.cwd ?? process.cwd(), eslintVersion: ESLint.version }),
    null,
    2,
  );

export default format;
