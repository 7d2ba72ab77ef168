import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { literalStrings, receiverType, typeServices } from '../../../src/analysis/file/typed.js';
import { walk } from '../../../src/analysis/syntax/ast.js';
import { ALL_FILES } from '../../support/languages.js';
import { typed } from '../../support/typed.js';

/** The source code of a snippet linted with type information (or without, as plain TypeScript). */
function sourceOf(code: string, withTypes = true): Readonly<TSESLint.SourceCode> {
  let result: Readonly<TSESLint.SourceCode> | undefined;
  const plugin = { rules: { capture: { create: (context: { sourceCode: Readonly<TSESLint.SourceCode> }) => ({ Program: () => void (result = context.sourceCode) }) } } };
  const testCase = typed(code);
  const languageOptions = withTypes ? { ...testCase.languageOptions, parser: tsParser } : { sourceType: 'module', parser: tsParser };
  const messages = new Linter().verify(code, [{ files: ALL_FILES, plugins: { test: plugin as never }, rules: { 'test/capture': 'error' }, languageOptions }], testCase.filename);
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal || !result) throw new Error(fatal?.message ?? 'not linted');
  return result;
}

/** The last identifier `name` read in the file. */
function lastRead(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.Node {
  let found: TSESTree.Node | undefined;
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === 'Identifier' && node.name === name && node.parent.type !== 'Property') found = node;
  });
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('typed mode', () => {
  it('is absent without type information, and built once per file', () => {
    expect(typeServices(sourceOf('export const x = 1;', false))).toBeUndefined();
    const sourceCode = sourceOf('export const x = 1;');
    expect(typeServices(sourceCode)).toBe(typeServices(sourceCode));
  });

  it.each<[string, string, string | undefined]>([
    ['a ChildProcess', `import type { ChildProcess } from 'node:child_process'; export function f(target: ChildProcess | undefined) { return target; }`, 'ChildProcess'],
    ['a spawn() result', `import { spawn } from 'node:child_process'; const target = spawn('ls'); export { target };`, 'ChildProcess'],
    ['a worker', `import { Worker } from 'node:worker_threads'; export function f(target: Worker) { return target; }`, 'Worker'],
    ['a message port', `import { MessageChannel } from 'node:worker_threads'; const { port1: target } = new MessageChannel(); export { target };`, 'MessagePort'],
    ['a local type of the same name', `interface Worker { postMessage(x: unknown): void } export function f(target: Worker) { return target; }`, undefined],
    ['a worker or a child', `import type { ChildProcess } from 'node:child_process'; import type { Worker } from 'node:worker_threads'; export function f(target: ChildProcess | Worker) { return target; }`, undefined],
    ['any', `export function f(target: any) { return target; }`, undefined],
  ])('the receiver type of %s', (_name, code, expected) => {
    const sourceCode = sourceOf(code);
    expect(receiverType(sourceCode, lastRead(sourceCode, 'target'))).toBe(expected);
  });

  it.each<[string, string, string[] | undefined]>([
    ['a union', `declare const target: 'npm' | 'yarn'; export const x = target;`, ['npm', 'yarn']],
    ['a literal', `declare const target: 'npm'; export const x = target;`, ['npm']],
    ['a union with string', `declare const target: 'npm' | string; export const x = target;`, undefined],
    ['any', `declare const target: any; export const x = target;`, undefined],
  ])('the strings of %s', (_name, code, expected) => {
    const sourceCode = sourceOf(code);
    expect(literalStrings(sourceCode, lastRead(sourceCode, 'target'))).toEqual(expected);
  });
});
