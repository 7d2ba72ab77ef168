import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isRuntimeCheck, type RuntimeCheckScope } from '../../../../src/analysis/file/guards/runtime-checks.js';
import { constantInitializer, isGlobalIdentifier } from '../../../../src/analysis/syntax/scope.js';
import { analyzeCode } from '../../../support/analyze-code.js';
import type { Language } from '../../../support/languages.js';

/** Whether the condition of the snippet's last `if` only tests the runtime, with the file's scope. */
function isCheck(code: string, language: Language = 'esm'): boolean {
  const analysis = analyzeCode(code, language);
  const statement = analysis.sourceCode.ast.body.at(-1);
  if (statement?.type !== 'IfStatement') throw new Error('the snippet must end with an if');
  const { sourceCode } = analysis;
  const scope: RuntimeCheckScope = {
    isGlobal: (identifier) => isGlobalIdentifier(sourceCode, identifier, identifier.name),
    constantOf: (identifier) => constantInitializer(sourceCode, identifier),
  };
  return isRuntimeCheck(statement.test as TSESTree.Node, scope);
}

describe('runtime checks', () => {
  it.each<[string, string, Language?]>([
    ['typeof process', `if (typeof process !== 'undefined') {}`],
    ['typeof window', `if (typeof window === 'undefined') {}`],
    ['a combination', `if (typeof process < 'u' && !globalThis.window) {}`],
    ['a Deno version', `if (process.versions?.deno !== undefined) {}`],
    ['Bun', `if (!Bun) {}`],
    ['in', `if ('Deno' in globalThis) {}`],
    ['a constant holding a check', `const isNode = typeof process !== 'undefined';\nconst isDeno = 'Deno' in globalThis;\nif (isNode || isDeno) {}`],
    ['a TypeScript assertion', `if ((globalThis as any).Deno) {}`, 'ts'],
  ])('%s', (_name, code, language) => {
    expect(isCheck(code, language)).toBe(true);
  });

  it.each<[string, string]>([
    ['a platform test', `if (process.platform === 'win32') {}`],
    ['a platform conjunct', `if (typeof process !== 'undefined' && process.platform === 'win32') {}`],
    ['an environment variable', `if (process.env.CI) {}`],
    ['an argument', `if (process.argv.includes('--x')) {}`],
    ['an unknown flag', `if (isNode) {}`],
    ['a literal alone', `if (true) {}`],
    ['undefined alone', `if (undefined) {}`],
    ['a shadowed process', `const process = {};\nif (process.versions) {}`],
    ['a computed member', `if (globalThis[name]) {}`],
    ['a call', `if (detect()) {}`],
    ['arithmetic', `if (typeof process + 1) {}`],
    ['a non-literal in', `if (name in globalThis) {}`],
    ['another global', `if (typeof Map !== 'undefined') {}`],
  ])('%s is not one', (_name, code) => {
    expect(isCheck(code)).toBe(false);
  });

  it('gives up on a condition longer than a flag', () => {
    const long = Array.from({ length: 80 }, () => `typeof process !== 'undefined'`).join(' && ');
    expect(isCheck(`if (${long}) {}`)).toBe(false);
  });

  it('does not follow constants in a cycle forever', () => {
    expect(isCheck(`let a = b;\nlet b = a;\nif (a) {}`)).toBe(false);
  });
});
