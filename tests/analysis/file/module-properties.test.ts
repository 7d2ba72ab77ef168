import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { settledProperty } from '../../../src/analysis/file/module-properties.js';
import { allNodes, analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The value the last `exports.FLAG` read of `code` settles to, as source text. */
function settled(code: string, language: Language = 'cjs', object = 'exports'): string | undefined {
  const analysis = analyzeCode(code, language);
  const reads = allNodes(analysis).filter(
    (node): node is TSESTree.MemberExpression =>
      node.type === 'MemberExpression' && analysis.sourceCode.getText(node) === `${object}.FLAG` && !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node),
  );
  const read = reads.at(-1);
  if (!read) throw new Error('no read');
  const value = settledProperty(analysis.sourceCode, read);
  return value && analysis.sourceCode.getText(value);
}

const WIN = "process.platform === 'win32'";

describe('properties a module sets once', () => {
  it.each<[string, string, string | undefined]>([
    ['set once, read in a function', `exports.FLAG = ${WIN};\nexports.f = () => exports.FLAG;`, WIN],
    ["after TypeScript's void 0 preamble and __esModule", `Object.defineProperty(exports, '__esModule', { value: true });\nexports.f = exports.FLAG = void 0;\nexports.FLAG = ${WIN};\nexports.f = () => exports.FLAG;`, WIN],
    ['read at the top level after the write', `exports.FLAG = ${WIN};\nif (exports.FLAG) {}`, WIN],
    ['read at the top level before the write', `if (exports.FLAG) {}\nexports.FLAG = ${WIN};`, undefined],
    ['written twice', `exports.FLAG = ${WIN};\nexports.FLAG = true;\nexports.f = () => exports.FLAG;`, undefined],
    ['written in a branch', `if (x) exports.FLAG = ${WIN};\nexports.f = () => exports.FLAG;`, undefined],
    ['written in a function', `function init() { exports.FLAG = ${WIN}; }\nexports.f = () => exports.FLAG;`, undefined],
    ['deleted', `exports.FLAG = ${WIN};\ndelete exports.FLAG;\nexports.f = () => exports.FLAG;`, undefined],
    ['defined with defineProperty', `exports.FLAG = ${WIN};\nObject.defineProperty(exports, 'FLAG', { value: true });\nexports.f = () => exports.FLAG;`, undefined],
    ['the object passed on', `exports.FLAG = ${WIN};\npatch(exports);\nexports.f = () => exports.FLAG;`, undefined],
    ["a test of the object (TypeScript's helpers, bundled)", `var __importStar = exports && exports.__importStar || function (m) { return m; };\nexports.FLAG = ${WIN};\nexports.f = () => !exports ? 0 : exports.FLAG;`, WIN],
    ['the object given by `||`', `var target = exports || {};\nexports.FLAG = ${WIN};\nexports.f = () => exports.FLAG;`, undefined],
    ['the object aliased', `exports.FLAG = ${WIN};\nconst e = exports;\nexports.f = () => exports.FLAG;`, undefined],
    ['written through a computed key', `exports.FLAG = ${WIN};\nexports[key] = 1;\nexports.f = () => exports.FLAG;`, undefined],
  ])('%s', (_name, code, expected) => {
    expect(settled(code)).toBe(expected);
  });

  it("reads a bundle's module wrapper, whose parameter is the module's exports", () => {
    expect(settled(`module.exports = { 1: function (module, exports) {\n  exports.FLAG = ${WIN};\n  exports.f = () => exports.FLAG;\n} };`)).toBe(WIN);
    expect(settled(`module.exports = { 1: function (module, exports) {\n  exports = {};\n  exports.FLAG = ${WIN};\n  exports.f = () => exports.FLAG;\n} };`)).toBeUndefined();
  });

  it('leaves a declared object alone: its declaration may be replaced', () => {
    expect(settled(`const flags = {};\nflags.FLAG = ${WIN};\nexport const f = () => flags.FLAG;`, 'esm', 'flags')).toBeUndefined();
  });
});
