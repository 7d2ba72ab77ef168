/**
 * Runs a rule's cases through @typescript-eslint/rule-tester and, in the same file, checks that every
 * suggestion output parses and (for TypeScript) adds no type error.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { parseProblems, suggestionSamples, typeProblems } from './check-suggestions.js';

export const ruleTester = new RuleTester();

export interface RuleTests<MessageIds extends string, Options extends readonly unknown[]> {
  valid: readonly (ValidTestCase<Options> | string)[];
  invalid: readonly InvalidTestCase<MessageIds, Options>[];
}

export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RuleTests<MessageIds, Options>,
): void {
  ruleTester.run(name, rule, tests);
  describe(`${name} suggestions`, () => {
    const samples = suggestionSamples(tests.invalid);
    it('every suggestion output parses', () => {
      expect(parseProblems(samples)).toEqual([]);
    });
    it('every TypeScript suggestion output type-checks', () => {
      expect(typeProblems(samples)).toEqual([]);
    });
  });
}
