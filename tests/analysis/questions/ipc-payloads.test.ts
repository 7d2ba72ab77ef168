import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { crossingProblems, type Serialization } from '../../../src/analysis/questions/ipc-payloads.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

/** The problems of the argument of the snippet's `send(…)`, as `type@anchor text`. */
function problems(code: string, serialization: Serialization = 'json', language: Language = 'esm'): string[] {
  const analysis = analyzeCode(code, language);
  const start = code.lastIndexOf('send(');
  const call = nodeByText(analysis, code.slice(start, code.indexOf(');', start) + 1), 'CallExpression') as TSESTree.CallExpression;
  return crossingProblems(analysis, call.arguments[0]!, serialization).map(
    (problem) => `${problem.type}@${analysis.sourceCode.getText(problem.node)}`,
  );
}

describe('values that do not cross JSON serialization', () => {
  it.each<[string, string, string[], Language?]>([
    ['a Map', `send(new Map());`, ['Map@new Map()']],
    ['a Set in an object', `send({ seen: new Set() });`, ['Set@new Set()']],
    ['a Date', `send({ at: new Date() });`, ['Date@new Date()']],
    ['a typed array', `send([new Uint8Array(4)]);`, ['Uint8Array@new Uint8Array(4)']],
    ['a BigInt literal', `send({ n: 10n });`, ['BigInt@10n']],
    ['a BigInt() call', `send(BigInt(id));`, ['BigInt@BigInt(id)']],
    ['a regular expression literal', `send(/x/);`, ['RegExp@/x/']],
    ['an Error() call', `send({ error: Error('x') });`, ["Error@Error('x')"]],
    ['a Buffer', `send(Buffer.from('x'));`, ["Buffer@Buffer.from('x')"]],
    ['a function', `send({ done: () => {} });`, ['function@() => {}']],
    ['a method', `send({ done() {} });`, ['function@done']],
    ['a function declaration', `function done() {}\nsend(done);`, ['function@done']],
    ['a hole in an array', `send([1, , 2]);`, ['undefined@[1, , 2]']],
    ['undefined in an array', `send([undefined]);`, ['undefined@undefined']],
    ['a variable, at its use', `const seen = new Set();\nsend({ seen });`, ['Set@seen']],
    ['a destructured member', `const { seen } = { seen: new Set() };\nsend(seen);`, ['Set@seen']],
    ['a member of a literal', `const state = { seen: new Set() };\nsend(state.seen);`, ['Set@state.seen']],
    ['a spread of a literal', `const extra = { at: new Date() };\nsend({ ...extra });`, ['Date@extra']],
    ['both branches of a conditional', `send(ok ? new Map() : new Set());`, ['Map@new Map()', 'Set@new Set()']],
    ['a catch parameter', `try { run(); } catch (error) { send(error); }`, ['Error@error']],
    ['a rejection parameter', `run().catch((error) => { send(error); });`, ['Error@error']],
    ['arguments', `function f() { send(arguments); }`, ['arguments@arguments']],
    ['a MessagePort', `const { port1 } = new MessageChannel();\nsend(port1);`, ['MessagePort@port1']],
    ['a TypeScript assertion', `send(new Map() as unknown);`, ['Map@new Map()'], 'ts'],
    ['a CommonJS file', `send({ at: new Date() });`, ['Date@new Date()'], 'cjs'],
  ])('%s', (_name, code, expected, language) => {
    expect(problems(code, 'json', language)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['plain data', `send({ id: 1, name: 'x', list: [1, 2], nested: { ok: true } });`],
    ['an unknown value', `send(data);`],
    ['an unknown call', `send(load());`],
    ['an object with its own toJSON', `send({ toJSON() { return 1; }, at: new Date() });`],
    ['a local class named Map', `class Map {}\nsend(new Map());`],
    ['a shadowed Date', `function f(Date) { send(new Date()); }`],
    ['a variable assigned again', `let seen = new Set();\nseen = [];\nsend(seen);`],
    ['a literal whose member is written elsewhere', `const state = { seen: new Set() };\nstate.seen = [];\nsend(state);`],
    ['a spread of an unknown value', `send({ ...options });`],
    ['a catch parameter assigned again', `try { run(); } catch (error) { error = 1; send(error); }`],
    ['a member the file cannot name', `const state = { seen: new Set() };\nsend(state[key]);`],
  ])('%s is silent', (_name, code) => {
    expect(problems(code)).toEqual([]);
  });

  it('reports one value once, with its kind and outcome', () => {
    const analysis = analyzeCode(`send({ n: 1n });`);
    const call = nodeByText(analysis, `send({ n: 1n })`, 'CallExpression') as TSESTree.CallExpression;
    expect(crossingProblems(analysis, call.arguments[0]!, 'json')).toEqual([
      expect.objectContaining({ kind: 'bigint', type: 'BigInt', outcome: expect.stringContaining('BigInt') }),
    ]);
  });
});

describe('the serialization decides', () => {
  it.each<[string, string, Serialization, string[]]>([
    ['a Map survives advanced', `send(new Map());`, 'advanced', []],
    ['a BigInt survives advanced', `send(1n);`, 'advanced', []],
    ['a function breaks advanced', `send(() => {});`, 'advanced', ['function@() => {}']],
    ['a SharedArrayBuffer breaks advanced', `send(new SharedArrayBuffer(8));`, 'advanced', ['SharedArrayBuffer@new SharedArrayBuffer(8)']],
    ['a MessagePort breaks both', `send(new MessageChannel().port2);`, 'advanced', ['MessagePort@new MessageChannel().port2']],
    ['unknown: a Map may survive', `send(new Map());`, 'unknown', []],
    ['unknown: a BigInt may survive', `send(1n);`, 'unknown', []],
    ['unknown: a function breaks under both', `send(() => {});`, 'unknown', ['function@() => {}']],
    ['unknown: shared memory breaks under both', `send(new SharedArrayBuffer(8));`, 'unknown', ['SharedArrayBuffer@new SharedArrayBuffer(8)']],
  ])('%s', (_name, code, serialization, expected) => {
    expect(problems(code, serialization)).toEqual(expected);
  });

  it('says what happens under each serialization when it is unknown', () => {
    const analysis = analyzeCode(`send(() => {});`);
    const call = nodeByText(analysis, `send(() => {})`, 'CallExpression') as TSESTree.CallExpression;
    const [problem] = crossingProblems(analysis, call.arguments[0]!, 'unknown');
    expect(problem?.outcome).toMatch(/under JSON serialization, and .* under 'advanced'/);
  });
});

describe('limits', () => {
  it('judges a huge literal by its first elements without stalling', () => {
    const code = `send([${Array.from({ length: 20_000 }, () => '1').join(', ')}, new Map()]);`;
    const analysis = analyzeCode(code);
    const call = analysis.sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
    const argument = (call.expression as TSESTree.CallExpression).arguments[0]!;
    expect(crossingProblems(analysis, argument, 'json')).toEqual([]);
  });

  it('stops at a self-referencing value', () => {
    expect(problems(`const a = { b: a, at: new Date() };\nsend(a);`)).toEqual(['Date@a']);
  });
});

describe('a toJSON hook on a prototype', () => {
  const hook = (target: string) => `${target}.prototype.toJSON = function () { return { message: this.message }; };\n`;
  const caught = `try { run(); } catch (error) { send(error); }`;

  it.each<[string, string, Language?]>([
    ['an assignment on Error.prototype, for a caught Error', `${hook('Error')}${caught}`],
    ['an assignment on Error.prototype, for an Error subtype', `${hook('Error')}send({ error: new TypeError('x') });`],
    ['a string key', `Error.prototype['toJSON'] = () => ({});\nsend(Error('x'));`],
    [
      'Object.defineProperty under a feature check',
      `if (!('toJSON' in Error.prototype)) {\n  Object.defineProperty(Error.prototype, 'toJSON', { value() { return { message: this.message }; }, configurable: true });\n}\nsend(new Error('x'));`,
    ],
    ['Object.defineProperties', `Object.defineProperties(Map.prototype, { toJSON: { value() { return [...this]; } } });\nsend(new Map());`],
    ['BigInt.prototype.toJSON', `BigInt.prototype.toJSON = function () { return this.toString(); };\nsend({ n: 10n });`],
    ['a hook on the type itself', `${hook('TypeError')}send(new TypeError('x'));`],
    ['a class of the file that extends Error, for a caught Error', `class HttpError extends Error {}\n${hook('HttpError')}${caught}`],
    ['a prototype the file cannot resolve, for a caught Error', `import { Base } from './base.js';\n${hook('Base')}${caught}`],
    ['a TypeScript assertion', `(Error.prototype as any).toJSON = () => ({});\n${caught}`, 'ts'],
    ['a CommonJS file', `${hook('Error')}process.on('message', () => { ${caught} });`, 'cjs'],
  ])('%s: silent under JSON', (_name, code, language) => {
    expect(problems(code, 'json', language)).toEqual([]);
  });

  it.each<[string, string, Serialization, string[]]>([
    ['another method of Error.prototype', `Error.prototype.toString = () => 'x';\nsend(new Error('x'));`, 'json', ["Error@new Error('x')"]],
    ['only the feature check', `if (!('toJSON' in Error.prototype)) console.log('none');\nsend(new Error('x'));`, 'json', ["Error@new Error('x')"]],
    ['a hook on a subtype, for an exact Error', `${hook('TypeError')}send(new Error('x'));`, 'json', ["Error@new Error('x')"]],
    ['a hook on Error, for a Map', `${hook('Error')}send(new Map());`, 'json', ['Map@new Map()']],
    ['a hook on a parameter named Error, for the global Error', `function patch(Error) { ${hook('Error')} }\nsend(new Error('x'));`, 'json', ["Error@new Error('x')"]],
    ['a hook on a plain class, for a caught Error', `class Job {}\n${hook('Job')}${caught}`, 'json', ['Error@error']],
    ['a structured clone ignores toJSON', `class Job {}\n${hook('Job')}send(new Job());`, 'structured-clone', ['Job@new Job()']],
    ['advanced ignores toJSON', `${hook('SharedArrayBuffer')}send(new SharedArrayBuffer(8));`, 'advanced', ['SharedArrayBuffer@new SharedArrayBuffer(8)']],
  ])('%s: reported', (_name, code, serialization, expected) => {
    expect(problems(code, serialization)).toEqual(expected);
  });
});
