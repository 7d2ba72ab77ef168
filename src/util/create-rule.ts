import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

/** Documentation fields every rule of this plugin carries in `meta.docs`. */
export interface ProcessGuardDocs {
  /** Severity in the `recommended` config; absent when the rule is not in it. */
  recommended?: 'error' | 'warn';
  /** The rules never need type information; declared so doc tooling can say so. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/process-guard/eslint-plugin-process-guard';

export const createRule = RuleCreator<ProcessGuardDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
