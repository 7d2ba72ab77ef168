/**
 * The shipped flat configs, computed from rule metadata:
 * - `recommended`: every rule with a `recommended` severity, at that severity;
 * - `strict`: the same rules, all as errors, with the options that report more (STRICT_OPTIONS):
 *   cases that are hazards but that `recommended` lets pass to stay quiet;
 * - `all`: every rule, as errors, with its default options.
 *
 * The configs have no `files`: like typescript-eslint's and eslint-plugin-n's rule configs, they
 * apply to every file the user's config lints. Which extensions are linted, and with which parser,
 * stays the user's choice: matching `.ts` here would make ESLint parse a JavaScript project's
 * `.d.ts` files with espree, since the TypeScript parser is an optional peer.
 */
import type { ProcessGuardDocs } from '../util/create-rule.js';

export type Severity = 'error' | 'warn';
export type RuleEntry = Severity | [Severity, Record<string, unknown>];
export type RuleEntries = Record<string, RuleEntry>;

interface RuleWithDocs {
  meta: { docs?: ProcessGuardDocs };
}

export interface ConfigRules {
  recommended: RuleEntries;
  strict: RuleEntries;
  all: RuleEntries;
}

/** `strict`'s options, by rule name: each turns off an allowance the rule's default makes. */
export const STRICT_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  // a blocking execSync in a constructor is reported too
  'no-spawn-in-constructor': { allowSync: false },
};

export function configRules(namespace: string, rules: Record<string, RuleWithDocs>): ConfigRules {
  const recommended: RuleEntries = {};
  const strict: RuleEntries = {};
  const all: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules)) {
    const id = `${namespace}/${name}`;
    const severity = rule.meta.docs?.recommended;
    if (severity) {
      recommended[id] = severity;
      const options = STRICT_OPTIONS[name];
      strict[id] = options ? ['error', options] : 'error';
    }
    all[id] = 'error';
  }
  return { recommended, strict, all };
}
