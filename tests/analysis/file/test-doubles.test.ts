import { describe, expect, it } from 'vitest';

import { mockedModules } from '../../../src/analysis/file/test-doubles.js';
import { analyzeCode } from '../../support/analyze-code.js';
import type { Language } from '../../support/languages.js';

const mocked = (code: string, language: Language = 'esm') => [...mockedModules(analyzeCode(code, language).sourceCode)];

describe('modules replaced with test doubles', () => {
  it.each<[string, string, string[], Language?]>([
    ['an automock', `import { vi } from 'vitest';\nvi.mock('node:child_process');`, ['child_process']],
    ['a factory of its own', `jest.mock('child_process', () => ({ spawn: jest.fn() }));`, ['child_process'], 'cjs'],
    ['testdouble replacing a member', `import td from 'testdouble';\nimport cp from 'child_process';\nit('x', () => td.replace(cp, 'spawnSync'));`, ['child_process']],
    ['testdouble replacing a module', `const td = require('testdouble');\ntd.replace('execa');`, ['execa'], 'cjs'],
    ['testdouble replacing an ES module', `import * as td from 'testdouble';\nawait td.replaceEsm('node:child_process');`, ['child_process']],
    ['a sinon stub', `const sinon = require('sinon');\nconst cp = require('child_process');\nsinon.stub(cp, 'exec');`, ['child_process'], 'cjs'],
    ['a sinon sandbox', `import sinon from 'sinon';\nimport * as cp from 'child_process';\nconst box = sinon.sandbox.create();\nbox.replace(cp, 'spawn', () => null);`, ['child_process']],
    ["a runner's spy", `import * as cp from 'child_process';\njest.spyOn(cp, 'spawn');`, ['child_process']],
    ['a member assigned', `const cp = require('child_process');\ncp.execSync = () => '';`, ['child_process'], 'cjs'],
    ['a property defined', `import cp from 'child_process';\nObject.defineProperty(cp, 'spawn', { value: () => null });`, ['child_process']],
    ['a TypeScript double', `import * as cp from 'child_process';\nimport { vi } from 'vitest';\n(vi as typeof vi).spyOn(cp, 'spawn');`, ['child_process'], 'ts'],
  ])('%s', (_, code, expected, language) => {
    expect(mocked(code, language)).toEqual(expected);
  });

  it.each<[string, string, Language?]>([
    ['a factory that keeps the real module', `import { vi } from 'vitest';\nvi.mock('child_process', async (importOriginal) => ({ ...(await importOriginal()) }));`],
    ['a sinon spy, which calls through', `import sinon from 'sinon';\nimport cp from 'child_process';\nsinon.spy(cp, 'spawn');`],
    ['a named import, which is no module object', `import { spawn } from 'child_process';\nimport td from 'testdouble';\ntd.replace(spawn, 'call');`],
    ['a library of the file’s own', `const td = { replace() {} };\nimport cp from 'child_process';\ntd.replace(cp, 'spawn');`],
    ['a local `Object`', `const Object = { defineProperty() {} };\nimport cp from 'child_process';\nObject.defineProperty(cp, 'spawn', {});`],
    ['a member read, not written', `import cp from 'child_process';\nconst run = cp.spawn;\nrun('ls');`],
    ['a sandbox of another library', `import td from 'testdouble';\nimport cp from 'child_process';\nconst box = td.createSandbox();\nbox.stub(cp, 'spawn');`],
    ['a binding written again', `let cp = require('child_process');\ncp = {};\ncp.spawn = () => null;`, 'cjs'],
    ['a sandbox made from itself', `const box = box.createSandbox();\nimport cp from 'child_process';\nbox.stub(cp, 'spawn');`],
  ])('%s: none', (_, code, language) => {
    expect(mocked(code, language)).toEqual([]);
  });
});
