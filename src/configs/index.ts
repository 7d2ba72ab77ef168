/**
 * The shipped flat configs, computed from rule metadata:
 * - `recommended`: every rule with a `recommended` severity, at that severity;
 * - `strict`: the same rules, all as errors;
 * - `all`: every rule, as errors.
 */
import type { ProcessGuardDocs } from '../util/create-rule.js';

export type Severity = 'error' | 'warn';
export type RuleEntries = Record<string, Severity>;

interface RuleWithDocs {
  meta: { docs?: ProcessGuardDocs };
}

export interface ConfigRules {
  recommended: RuleEntries;
  strict: RuleEntries;
  all: RuleEntries;
}

export function configRules(namespace: string, rules: Record<string, RuleWithDocs>): ConfigRules {
  const recommended: RuleEntries = {};
  const strict: RuleEntries = {};
  const all: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules)) {
    const id = `${namespace}/${name}`;
    const severity = rule.meta.docs?.recommended;
    if (severity) {
      recommended[id] = severity;
      strict[id] = 'error';
    }
    all[id] = 'error';
  }
  return { recommended, strict, all };
}
