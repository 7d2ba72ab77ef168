import { createRequire } from 'node:module';

import { configRules, type RuleEntries } from './configs/index.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
const namespace = 'process-guard';

/** A flat config as ESLint 9 and 10 accept it. */
export interface ProcessGuardConfig {
  name: string;
  plugins: Record<string, ProcessGuardPlugin>;
  rules: RuleEntries;
}

/**
 * The exported plugin type is deliberately loose (no ESLint type imports) so that `defineConfig()`
 * accepts it under both ESLint 9 and 10 typings.
 */
export interface ProcessGuardPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: ProcessGuardConfig; strict: ProcessGuardConfig; all: ProcessGuardConfig };
}

const plugin: ProcessGuardPlugin = {
  meta: { name, version, namespace },
  rules,
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
