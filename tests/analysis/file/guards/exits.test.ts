import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { alwaysExits, endsWithJump, isExitCall, throwingCalls } from '../../../../src/analysis/file/guards/exits.js';
import { analyzeCode } from '../../../support/analyze-code.js';

/** The first statement of a function body `code` and the file's references. */
function firstStatement(body: string) {
  const analysis = analyzeCode(`function f() { ${body} }`, 'cjs');
  const fn = analysis.sourceCode.ast.body[0] as TSESTree.FunctionDeclaration;
  return { statement: fn.body.body[0] as TSESTree.Statement, references: analysis.references };
}

describe('exits', () => {
  it.each<[string, string[]]>([
    ['if (process.getuid() !== 0) throw e;', ['not win32']],
    ['const a = f(process.geteuid()), b = 1;', ['not win32']],
    ['x = `${process.getgid()}` + process.execve;', ['not win32']],
    ['switch (process.getuid()) {}', ['not win32']],
    ['send({ ids: [process.getuid()], [process.getgid()]: 1 });', ['not win32', 'not win32']],
    ['ok && process.getuid();', []],
    ['const u = ok ? process.getuid() : 0;', []],
    ['process.getuid?.();', []],
    ['const u = () => process.getuid();', []],
    ['return process.getuid();', ['not win32']],
    ['throw new Error(String(process.getgid()));', ['not win32']],
  ])('%s always calls an API that throws on some platforms: %j', (body, expected) => {
    const { statement, references } = firstStatement(body);
    const described = throwingCalls(statement, references).map(({ platforms }) =>
      platforms.has('win32') ? [...platforms].join() : 'not win32',
    );
    expect(described).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['return;', true],
    ['throw new Error();', true],
    ['process.exit(1);', true],
    ['process.abort();', true],
    ['{ log(); return; }', true],
    ['if (a) return; else throw e;', true],
    ['if (a) return;', false],
    ['log();', false],
    ['const exit = () => {}; ', false],
    ['try { return a(); } catch { return null; }', true],
    ['try { return a(); } catch (error) { log(error); }', false],
    ['try { a(); } catch { return null; }', false],
    ['try { return a(); } finally { log(); }', true],
    ['try { a(); } catch { log(); } finally { return; }', true],
  ])('%s always exits: %s', (body, expected) => {
    const { statement, references } = firstStatement(body);
    expect(alwaysExits(statement, references)).toBe(expected);
  });

  it('counts a test skip as an exit when asked', () => {
    const { statement, references } = firstStatement('ctx.skip();');
    expect(alwaysExits(statement, references)).toBe(false);
    expect(alwaysExits(statement, references, () => true)).toBe(true);
  });

  it('tells process.exit() from a local exit()', () => {
    const { statement, references } = firstStatement('process.exit(0);');
    expect(isExitCall((statement as TSESTree.ExpressionStatement).expression, references)).toBe(true);
    const local = firstStatement('exit(0);');
    expect(isExitCall((local.statement as TSESTree.ExpressionStatement).expression, local.references)).toBe(false);
  });

  it('tells a case that falls through', () => {
    const analysis = analyzeCode(`switch (x) { case 1: a(); case 2: { b(); break; } case 3: }`);
    const [one, two, three] = (analysis.sourceCode.ast.body[0] as TSESTree.SwitchStatement).cases;
    expect(endsWithJump(one!.consequent)).toBe(false);
    expect(endsWithJump(two!.consequent)).toBe(true);
    expect(endsWithJump(three!.consequent)).toBe(false);
  });
});
