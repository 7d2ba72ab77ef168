// Never stall, never overflow: generated files whose size would expose a rescan or a recursion per function.
import { performance } from 'node:perf_hooks';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { analyze, argumentFlows, type FileAnalysis, processMessages } from '../src/analysis/index.js';
import { guardSteps } from '../src/analysis/file/guards/guards.js';
import plugin from '../src/index.js';
import { STATEMENT_SHAPES, callChain, guardedStatements, methodChain, mixedStatements } from '../scripts/lib/generated-files.js';
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

/**
 * Lints `code` with every rule; returns the steps the rules' shared analysis took: the guard
 * analysis's (steps.ts) and the project model's (starts and imported calls visited).
 */
function analysisStepsOfLint(code: string): number {
  const { analysis } = lintCapturingAnalysis(code);
  return guardSteps(analysis.guards) + analysis.imports.steps;
}

/** Lints `code` with every rule and a rule that keeps the file's analysis; fails on any crash. */
function lintCapturingAnalysis(code: string): { analysis: FileAnalysis; messages: Linter.LintMessage[] } {
  let analysis: FileAnalysis | undefined;
  const capture = {
    rules: {
      analysis: {
        create(context: Parameters<typeof analyze>[0]) {
          return {
            Program() {
              analysis = analyze(context);
            },
          };
        },
      },
    },
  };
  const captured = [...config, { files: ALL_FILES, plugins: { capture: capture as never }, rules: { 'capture/analysis': 'error' } }];
  const messages = linter.verify(code, captured as Linter.Config[], 'stress/file.mjs');
  expect(failures(messages)).toEqual([]);
  if (!analysis) throw new Error('the analysis did not run');
  return { analysis, messages };
}

/** Lints `code` with every rule; returns the findings of one rule and the argument flow's steps for the file's messages. */
function messageFlowOfLint(code: string, ruleId: string): { findings: number; steps: number } {
  const { analysis: found, messages } = lintCapturingAnalysis(code);
  const sinks = processMessages(found).flatMap((message) => (message.payload ? [{ argument: message.payload }] : []));
  const counter = { steps: 0 };
  argumentFlows(found, sinks, counter);
  return { findings: messages.filter((message) => message.ruleId === ruleId).length, steps: counter.steps };
}

/** `count` nested wrappers of `child.send()`, each also called with a value of its own. */
function sendChain(count: number): string {
  const lines = [`import { fork } from 'node:child_process';`, `const child = fork('./child.js');`, `function w0(message) { child.send(message); }`];
  for (let index = 1; index <= count; index += 1) lines.push(`function w${index}(message) { w${index - 1}(message); }`, `w${index}({ id: ${index} });`);
  lines.push(`w${count}(new Set());`);
  return lines.join('\n');
}

/** One wrapper of `child.send()` called `count` times, every tenth time with a `Map`. */
function sendFanOut(count: number): string {
  const lines = [`import { fork } from 'node:child_process';`, `const child = fork('./child.js');`, `const post = (message) => child.send(message);`];
  for (let index = 0; index < count; index += 1) lines.push(index % 10 === 0 ? `post(new Map([[${index}, 1]]));` : `post({ id: ${index} });`);
  return lines.join('\n');
}

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

  it('lints 1,000 exported ES5 constructor functions whose constructors call a starting method through self', () => {
    const constructors = Array.from(
      { length: 1_000 },
      (_, index) =>
        `export function C${index}() { var self = this; self.x = ${index}; self.start(); }\nC${index}.prototype.start = function () { this.p = spawn('p${index}'); };`,
    );
    const { messages, ms } = lint([`import { spawn } from 'node:child_process';`, ...constructors].join('\n'));
    expect(failures(messages)).toEqual([]);
    expect(messages.filter((message) => message.ruleId === 'process-guard/no-spawn-in-constructor')).toHaveLength(1_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('lints 4,000 top-level statements with guards', () => {
    const { messages, ms } = lint(guardedStatements(4_000));
    expect(failures(messages)).toEqual([]);
    expect(messages.length).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('grows the analysis with the file on a file mixing every shape the rules read', () => {
    const [small, medium, large] = [200, 800, 3_200].map((count) => analysisStepsOfLint(mixedStatements(count)));
    expect(small).toBeGreaterThan(0);
    expect((medium as number) / (small as number)).toBeLessThanOrEqual(5);
    expect((large as number) / (small as number)).toBeLessThanOrEqual(20);
  });

  it.each(Object.keys(STATEMENT_SHAPES))('grows the analysis with the file on the shape %s alone', (shape) => {
    const [small, medium, large] = [100, 400, 1_600].map((count) => analysisStepsOfLint(mixedStatements(count, [shape])));
    // A shape the analysis hardly reads may take no step at all: one step is the floor.
    const floor = Math.max(small as number, 1);
    expect(medium as number).toBeLessThanOrEqual(5 * floor);
    expect(large as number).toBeLessThanOrEqual(20 * floor);
  });

  it('carries arguments through 2,000 nested wrappers in steps that grow with the file, past the bound silently', () => {
    const [small, medium, large] = [125, 500, 2_000].map((count) => messageFlowOfLint(sendChain(count), 'process-guard/consistent-start-context'));
    // The Set passed to the outermost wrapper is past the bound on intermediate calls: unknown.
    expect(large?.findings).toBe(0);
    expect(small?.steps).toBeGreaterThan(0);
    expect((medium?.steps as number) / (small?.steps as number)).toBeLessThanOrEqual(5);
    expect((large?.steps as number) / (small?.steps as number)).toBeLessThanOrEqual(20);
  });

  it('judges every one of thousands of calls of one wrapper in steps that grow with the calls', () => {
    const [small, medium, large] = [250, 1_000, 4_000].map((count) => messageFlowOfLint(sendFanOut(count), 'process-guard/consistent-start-context'));
    expect([small?.findings, medium?.findings, large?.findings]).toEqual([25, 100, 400]);
    expect((medium?.steps as number) / (small?.steps as number)).toBeLessThanOrEqual(5);
    expect((large?.steps as number) / (small?.steps as number)).toBeLessThanOrEqual(20);
  });
});
