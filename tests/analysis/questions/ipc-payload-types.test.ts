import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { typedKind, type TypedKind } from '../../../src/analysis/questions/ipc-payload-types.js';
import { ALL_FILES } from '../../support/languages.js';

const TYPED_PROJECT = fileURLToPath(new URL('../../fixtures/typed/', import.meta.url));

/** What the declared type of the argument of the snippet's last `send(…)` proves. */
function kindOf(code: string, typeInformation = true): TypedKind | undefined {
  let result: TypedKind | undefined;
  let seen = false;
  const capture = {
    create(context: { sourceCode: Readonly<TSESLint.SourceCode> }) {
      return {
        'CallExpression[callee.name="send"]'(node: TSESTree.CallExpression) {
          seen = true;
          result = typedKind(context.sourceCode, node.arguments[0]!);
        },
      };
    },
  };
  const parserOptions = typeInformation
    ? { projectService: { allowDefaultProject: ['*.ts'], defaultProject: 'tsconfig.json' }, tsconfigRootDir: TYPED_PROJECT }
    : {};
  const messages = new Linter().verify(
    `declare function send(value: unknown): void;\n${code}`,
    [
      {
        files: ALL_FILES,
        plugins: { test: { rules: { capture: capture as never } } },
        rules: { 'test/capture': 'error' },
        languageOptions: { parser: tsParser, sourceType: 'module', parserOptions },
      },
    ],
    path.join(TYPED_PROJECT, 'file.ts'),
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  if (!seen) throw new Error('no send() call');
  return result;
}

describe('kinds a declared type proves', () => {
  it.each<[string, string, TypedKind | undefined]>([
    ['a Date', `declare const at: Date; send(at);`, { type: 'Date' }],
    ['a ReadonlyMap, named as the Map it is', `declare const m: ReadonlyMap<string, number>; send(m);`, { type: 'Map' }],
    ['a Set or undefined', `declare const s: Set<string> | undefined; send(s);`, { type: 'Set' }],
    ['a bigint', `declare const n: bigint; send(n);`, { type: 'BigInt' }],
    ['a bigint literal type', `declare const n: 10n; send(n);`, { type: 'BigInt' }],
    ['a function', `declare const f: () => void; send(f);`, { type: 'function' }],
    ['an Error subclass', `class HttpError extends TypeError {}\ndeclare const e: HttpError; send(e);`, { type: 'TypeError' }],
    ['an object with a Date field', `declare const row: { id: number; createdAt: Date }; send(row);`, { type: 'Date', field: 'createdAt' }],
    ['an interface with a Map field', `interface State { seen: Map<string, number> }\ndeclare const s: State; send(s);`, { type: 'Map', field: 'seen' }],
    ['a symbol', `declare const tag: symbol; send(tag);`, { type: 'Symbol' }],
    ['an instance of a class of the project', `class Job { run(): void {} }\ndeclare const job: Job; send(job);`, { type: 'Job', instance: true }],
    ['a class of the project with a Date field: the field decides', `class Row { at = new Date(); }\ndeclare const row: Row; send(row);`, { type: 'Date', field: 'at' }],
    // Not the lib's Map: an instance of the project's own class.
    ['a local class named Map', `class Map { size = 0; }\ndeclare const m: Map; send(m);`, { type: 'Map', instance: true }],
  ])('%s', (_name, code, expected) => {
    expect(kindOf(code)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['any', `declare const x: any; send(x);`],
    ['unknown', `declare const x: unknown; send(x);`],
    ['plain data', `declare const x: { id: number; name: string }; send(x);`],
    ['a union of different kinds', `declare const x: Date | Map<string, number>; send(x);`],
    ['an object with its own toJSON', `declare const x: { at: Date; toJSON(): string }; send(x);`],
    ['an array of dates', `declare const x: Date[]; send(x);`],
    ['an object whose only function is a method', `declare const x: { id: number; run(): void }; send(x);`],
  ])('%s proves nothing', (_name, code) => {
    expect(kindOf(code)).toBeUndefined();
  });

  it('knows nothing without type information', () => {
    expect(kindOf(`declare const at: Date; send(at);`, false)).toBeUndefined();
  });
});
