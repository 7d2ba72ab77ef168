// Never stall, never overflow: generated files whose size would expose a rescan or a recursion per function.
import { performance } from 'node:perf_hooks';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { callChain, guardedStatements, methodChain } from '../scripts/lib/generated-files.js';
import { ALL_FILES } from './support/languages.js';

const linter = new Linter();
const languageOptions = { sourceType: 'module' as const };
const config = [{ files: ALL_FILES, ...plugin.configs.all, languageOptions }];
const noRules = [{ files: ALL_FILES, languageOptions }];

/**
 * Lints `code` with every rule; returns the messages and the rules' share of the time in ms: the
 * time less that of linting the same code without rules (parsing, scopes), which measured right
 * before is slowed by the same background load.
 */
function lint(code: string): { messages: Linter.LintMessage[]; ms: number } {
  let started = performance.now();
  linter.verify(code, noRules, 'stress/file.mjs');
  const baseline = performance.now() - started;
  started = performance.now();
  const messages = linter.verify(code, config as Linter.Config[], 'stress/file.mjs');
  return { messages, ms: performance.now() - started - baseline };
}

/** Messages that are not findings: an exception in a rule or a parsing error. */
const failures = (messages: readonly Linter.LintMessage[]) => messages.filter((message) => message.ruleId === null);

// A generous bound for a shared 2-core machine running other tests: rescanning every earlier
// statement took 7-10 s here on an idle machine; the linear analysis takes well under 1 s.
const BOUND_MS = 6_000;

describe('stress', () => {
  it('lints a chain of 2,000 functions called from top level', () => {
    const { messages, ms } = lint(callChain(2_000));
    expect(failures(messages)).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('lints a chain of 1,000 methods called from the constructor', () => {
    const { messages, ms } = lint(methodChain(1_000));
    expect(failures(messages)).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('lints 4,000 top-level statements with guards', () => {
    const { messages, ms } = lint(guardedStatements(4_000));
    expect(failures(messages)).toEqual([]);
    expect(messages.length).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
