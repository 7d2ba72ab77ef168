import { describe, expect, it } from 'vitest';

import { nameMentions } from '../../../../src/analysis/file/guards/name-mentions.js';
import { analyzeCode } from '../../../support/analyze-code.js';
import type { Language } from '../../../support/languages.js';

function mentions(code: string, language: Language = 'esm') {
  const analysis = analyzeCode(code, language);
  const found = nameMentions(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys);
  const text = (nodes: readonly { range: [number, number] }[] | undefined) => nodes?.map((node) => code.slice(...node.range));
  return {
    members: (name: string) => text(found.members.get(name)),
    strings: (name: string) => text(found.strings.get(name)),
  };
}

describe('member mentions', () => {
  it.each<[string, string, string, string[] | undefined, Language?]>([
    ['a member', `x.start();`, 'start', ['x.start']],
    ['a string member', `this['start']();`, 'start', [`this['start']`]],
    ['a private member', `class A { #start() {} run() { this.#start(); } }`, '#start', ['this.#start']],
    ['every mention', `a.start; b.start;`, 'start', ['a.start', 'b.start']],
    ['a computed member the file cannot name', `this[cmd]();`, 'cmd', undefined],
    ['a CommonJS file', `module.exports.start = 1;`, 'start', ['module.exports.start'], 'cjs'],
    ['a TypeScript file', `(x as any).start();`, 'start', ['(x as any).start'], 'ts'],
  ])('%s', (_name, code, name, expected, language) => {
    expect(mentions(code, language).members(name)).toEqual(expected);
  });
});

describe('string mentions', () => {
  it.each<[string, string, string[] | undefined]>([
    ['a property value', `send({ cmd: 'start' });`, [`'start'`]],
    ['an array element', `const names = ['start', 'stop'];`, [`'start'`]],
    ['a template without substitutions', 'run(`start`);', ['`start`']],
    ['a computed key', `const table = { ['start']: 1 };`, [`'start'`]],
    ['a comparison', `if (cmd === 'start') {}`, [`'start'`]],
    ['a property key', `const table = { 'start': 1 };`, undefined],
    ['a class member key', `class A { 'start'() {} }`, undefined],
    ['a member name, counted as a member', `this['start']();`, undefined],
    ['an import specifier', `import x from 'start';`, undefined],
    ['a dynamic import specifier', `import('start');`, undefined],
    ['an export specifier', `export * from 'start';`, undefined],
  ])('%s', (_name, code, expected) => {
    expect(mentions(code).strings('start')).toEqual(expected);
  });
});
