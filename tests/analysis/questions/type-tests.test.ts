import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { typeTestedAt } from '../../../src/analysis/questions/type-tests.js';
import { resolveVariable } from '../../../src/analysis/syntax/scope.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

/** What the type tests prove about `err` where `use(err)` reads it. */
function testedAt(code: string) {
  const analysis = analyzeCode(code, 'cjs');
  const call = nodeByText(analysis, 'use(err)', 'CallExpression') as TSESTree.CallExpression;
  const use = call.arguments[0] as TSESTree.Identifier;
  const variable = resolveVariable(analysis.sourceCode, use);
  if (!variable) throw new Error('err is not declared');
  return typeTestedAt(analysis.sourceCode, analysis.references, use, variable);
}

describe('type tests', () => {
  it.each<[string, string | undefined]>([
    ['try {} catch (err) { use(err); }', undefined],
    ['try {} catch (err) { if (err instanceof Error) use(err); }', 'error'],
    ['try {} catch (err) { if (!(err instanceof Error)) use(err); }', 'other'],
    ['try {} catch (err) { if (err instanceof Error) return; use(err); }', 'other'],
    ['try {} catch (err) { if (err instanceof Error) { log(err); return; } use(err); }', 'other'],
    ['try {} catch (err) { err instanceof Error ? log(err) : use(err); }', 'other'],
    ['try {} catch (err) { err instanceof Error || use(err); }', 'other'],
    ['try {} catch (err) { if (typeof err === "string") use(err); }', 'other'],
    ['try {} catch (err) { if (typeof err !== "string") use(err); }', undefined],
    ['try {} catch (err) { if (typeof err === "object") use(err); }', undefined],
    ['try {} catch (err) { if (err instanceof HttpError) use(err); }', 'other'],
    ['try {} catch (err) { if (!(err instanceof HttpError)) use(err); }', undefined],
    ['try {} catch (err) { if (ok && err instanceof Error) use(err); }', 'error'],
    ['try {} catch (err) { if (!(ok && err instanceof Error)) use(err); }', 'other'],
    ['try {} catch (err) { if (other instanceof Error) return; use(err); }', undefined],
    // A local class named Error is not the global.
    ['class Error {}\ntry {} catch (err) { if (!(err instanceof Error)) use(err); }', undefined],
    // A test outside the variable's scope cannot be about it.
    ['p.catch((err) => use(err));', undefined],
  ])('%s: %s', (code, expected) => {
    expect(testedAt(code)).toBe(expected);
  });
});
