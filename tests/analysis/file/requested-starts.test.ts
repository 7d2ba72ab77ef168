import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { requestedByCaller, startsWhenPassed } from '../../../src/analysis/file/requested-starts.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

/** Whether `start()` in class `C` runs only under a condition on what the caller passed. */
function requested(code: string): boolean {
  const analysis = analyzeCode(code);
  const classNode = nodeByText(analysis, 'C', 'Identifier').parent as TSESTree.ClassDeclaration | TSESTree.FunctionDeclaration;
  return requestedByCaller(analysis, classNode, nodeByText(analysis, 'start()', 'CallExpression'));
}

describe('requested starts', () => {
  it.each<[string, boolean]>([
    ['class C { constructor(options) { if (options.autoStart) start(); } }', true],
    ['class C { constructor(eager = false) { eager && start(); } }', true],
    ['class C { constructor(o) { this.o = Object.assign({}, { now: false }, o); if (this.o.now) { start(); } } }', true],
    ['class C { constructor(o) { this.o = { now: false, ...o }; if (this.o.now === true) start(); } }', true],
    ['class C { constructor(o) { this.o = o || {}; if (this.o.now) start(); else log(); } }', true],
    ['class C { constructor(o) { if (!o.manual) log(); else start(); } }', true],
    // Started when nothing is passed: every plain \`new\` starts.
    ['class C { constructor(o = {}) { if (o.autoStart !== false) start(); } }', false],
    ['class C { constructor(autoStart = true) { if (autoStart) start(); } }', false],
    ['class C { constructor(o) { this.o = Object.assign({}, { now: true }, o); if (this.o.now) start(); } }', false],
    ['class C { constructor(o) { if (!o.manual) start(); } }', false],
    // A choice among values: every caller that makes one starts something.
    ["class C { constructor(path, { type }) { if (type === 'thread') start(); else if (type === 'process') log(); } }", false],
    ["class C { constructor(o) { if (o.mode !== 'lazy') log(); else start(); } }", false],
    // Not followed: a local, defaults the file does not show, a member set twice.
    ['class C { constructor(o) { const now = o.now; this.x = now ? start() : null; } }', false],
    ['class C { constructor(o) { this.o = Object.assign({}, DEFAULTS, o); if (this.o.now) start(); } }', false],
    ['class C { constructor(o) { this.o = o; this.o = make(); if (this.o.now) start(); } }', false],
    // What the caller passed, changed before the test: the parameter written again, its member
    // written or the object handed to other code, the member of \`this\` written again anywhere, or
    // a method that may write it called first.
    ['class C { constructor(o) { o = normalize(o); if (o.now) start(); } }', false],
    ['class C { constructor(o = {}) { o.now = true; if (o.now) start(); } }', false],
    ['class C { constructor(o) { configure(o); if (o.now) start(); } }', false],
    ['class C { constructor(o) { o.now = true; this.o = { now: false, ...o }; if (this.o.now) start(); } }', false],
    ['class C { constructor(o) { this.o = { now: false, ...o }; this.o.now = true; if (this.o.now) start(); } }', false],
    ['class C { constructor(o) { this.o = o || {}; if (flag) this.o = { now: true }; if (this.o.now) start(); } }', false],
    ['class C { constructor(o) { this.o = { now: false, ...o }; this.setup(); if (this.o.now) start(); } setup() { this.o.now = true; } }', false],
    ['class C { constructor(o) { this.o = { now: false, ...o }; register(this); if (this.o.now) start(); } }', false],
    // Read, logged, or used after the test: still the caller's option.
    ['class C { constructor(o) { this.o = { now: false, ...o }; console.log(this.o.now); if (this.o.now) start(); } }', true],
    ['function C(options) { if (options.start) start(); }', true],
    // No parameter in the condition, or none at all.
    ['class C { constructor(o) { this.o = o; if (process.env.START) start(); } }', false],
    ['class C { constructor() { if (globalThis.start) start(); } }', false],
    ['class C { constructor(o) { start(); if (o.x) log(); } }', false],
    // A member set from no parameter.
    ['class C { constructor(o) { this.ready = true; if (this.ready) start(); } }', false],
    // In a function the constructor makes: it runs when something else calls it.
    ['class C { constructor(o) { this.run = () => { if (o.go) start(); }; } }', false],
  ])('%s: %s', (code, expected) => {
    expect(requested(code)).toBe(expected);
  });
});

/** Whether `start()` in class `C` runs for the arguments of the file's `new C(…)`. */
function startsFor(code: string): boolean | undefined {
  const analysis = analyzeCode(code);
  const classNode = nodeByText(analysis, 'C', 'Identifier').parent as TSESTree.ClassDeclaration | TSESTree.FunctionDeclaration;
  const construction = nodeByText(analysis, code.slice(code.lastIndexOf('new C')).replace(/;.*$/s, ''), 'NewExpression') as TSESTree.NewExpression;
  return startsWhenPassed(analysis, classNode, nodeByText(analysis, 'start()', 'CallExpression'), construction.arguments);
}

describe('starts for the arguments of a new', () => {
  const flag = 'class C { constructor(root, refresh) { if (refresh) start(); } }';
  const options = 'class C { constructor(o) { this.o = Object.assign({}, { now: false }, o); if (this.o.now) start(); } }';
  it.each<[string, boolean | undefined]>([
    [`${flag} new C(root, true);`, true],
    [`${flag} new C(root, false);`, false],
    [`${flag} new C(root);`, false],
    [`${flag} new C(root, undefined);`, false],
    [`${flag} new C(root, {});`, true],
    [`${flag} new C(root, flag);`, undefined],
    [`${flag} new C(...args);`, undefined],
    [`${options} new C({ now: true });`, true],
    [`${options} new C({ now: false, port: 1 });`, false],
    [`${options} new C({ port: 1 });`, false],
    [`${options} new C({ now: later() });`, undefined],
    [`${options} new C({ ...defaults, now: true });`, undefined],
    [`${options} new C(settings);`, undefined],
    // A destructured parameter's place is not read.
    ['class C { constructor({ now }) { if (now) start(); } } new C({ now: true });', undefined],
    // `options.x` on the parameter itself, negated.
    ['class C { constructor(o) { if (!o.manual) log(); else start(); } } new C({ manual: true });', true],
  ])('%s: %s', (code, expected) => {
    expect(startsFor(code)).toBe(expected);
  });
});
