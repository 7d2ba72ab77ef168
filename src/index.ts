import type { ESLint, Linter } from 'eslint';

import { configRules } from './configs/index.js';
import { rules } from './rules/index.js';
import { PACKAGE_NAME as name, PACKAGE_VERSION as version } from './util/package-info.js';

const namespace = 'process-guard';

/**
 * The public type is written in ESLint's own types, resolved from the user's ESLint (9 or 10), so
 * that `defineConfig()`, `extends` and `Linter.Config[]` accept the plugin and its configs.
 */
export interface ProcessGuardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  configs: { recommended: Linter.Config; strict: Linter.Config; all: Linter.Config };
}

const plugin: ProcessGuardPlugin = {
  meta: { name, version, namespace },
  // typescript-eslint's rule types are stricter than ESLint's; the objects are the same at run time.
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {} as ProcessGuardPlugin['configs'],
};

const computed = configRules(namespace, rules);
for (const configName of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[configName] = {
    name: `${namespace}/${configName}`,
    plugins: { [namespace]: plugin },
    rules: computed[configName],
  };
}

export default plugin;
// `require('eslint-plugin-process-guard')` returns the plugin itself, not a namespace object.
export { plugin as 'module.exports' };
