import { describe, expect, it } from 'vitest';

import { toJsonHooks } from '../../../src/analysis/file/prototype-hooks.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

function hooks(code: string, language: Language = 'esm'): { globals: string[]; roots: (string | undefined)[] } {
  const found = toJsonHooks(analyzeCode(code, language).sourceCode);
  return { globals: [...found.globals], roots: [...found.roots] };
}

describe('toJSON hooks on a prototype', () => {
  it.each<[string, string, string[], (string | undefined)[], Language?]>([
    ['an assignment', `Error.prototype.toJSON = function () { return {}; };`, ['Error'], []],
    ['Object.defineProperty', `Object.defineProperty(Error.prototype, 'toJSON', { value: () => ({}) });`, ['Error'], []],
    ['Reflect.defineProperty', `Reflect.defineProperty(Map.prototype, 'toJSON', { value: () => [] });`, ['Map'], []],
    ['Object.defineProperties', `Object.defineProperties(Set.prototype, { toJSON: { value: () => [] } });`, ['Set'], []],
    ['Object.assign', `Object.assign(BigInt.prototype, { toJSON() { return String(this); } });`, ['BigInt'], []],
    ['a shorthand property', `const toJSON = () => ({});\nObject.assign(Error.prototype, { toJSON });`, ['Error'], []],
    ['a class of the file, to its root', `class A extends TypeError {}\nclass B extends A {}\nB.prototype.toJSON = () => ({});`, [], ['TypeError']],
    ['an imported class: unknown root', `import { Base } from './base.js';\nBase.prototype.toJSON = () => ({});`, [], [undefined]],
    ['a TypeScript assertion', `(Error.prototype as any).toJSON = () => ({});`, ['Error'], [], 'ts'],
    ['CommonJS', `Error.prototype.toJSON = () => ({});\nmodule.exports = {};`, ['Error'], [], 'cjs'],
  ])('%s', (_name, code, globals, roots, language) => {
    expect(hooks(code, language)).toEqual({ globals, roots });
  });

  it.each<[string, string]>([
    ['a feature check', `if (!('toJSON' in Error.prototype)) console.log('none');`],
    ['a read', `const f = Error.prototype.toJSON;`],
    ['an own toJSON of an object', `const error = new Error('x');\nerror.toJSON = () => ({});`],
    ['a class without a superclass', `class Job {}\nJob.prototype.toJSON = () => ({});`],
    ['a local Object', `const Object = { defineProperty() {} };\nObject.defineProperty(Error.prototype, 'toJSON', {});`],
    ['another key', `Object.defineProperty(Error.prototype, 'toString', { value: () => 'toJSON' });`],
  ])('%s: none', (_name, code) => {
    expect(hooks(code)).toEqual({ globals: [], roots: [] });
  });
});
