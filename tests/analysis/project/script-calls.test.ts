import { describe, expect, it } from 'vitest';

import { invokes, passedWords } from '../../../src/analysis/project/script-calls.js';
import { shellWords } from '../../../src/util/shell-words.js';

describe('passedWords', () => {
  it.each<[string, string[] | undefined]>([
    ['npm run test -- a.js --grep x', ['a.js', '--grep', 'x']],
    ['npm run test a.js', ['a.js']],
    ['npm run test --silent -w pkg a.js', ['a.js']],
    ['npm test -- -- a.js', ['--', 'a.js']],
    ['yarn test --forbid-only a.js', ['--forbid-only', 'a.js']],
    ['yarn run test -- a.js', ['a.js']],
    ['pnpm test --timeout 5000 a.js', ['--timeout', '5000', 'a.js']],
    ['bun run test a.js', ['a.js']],
    ['npm run test', []],
    ['npm run test:unit a.js', undefined],
    ['npx test a.js', undefined],
  ])('%s', (command, expected) => {
    expect(passedWords(shellWords(command), 'test')).toEqual(expected);
  });

  it('finds the script as invokes does', () => {
    expect(invokes('cd x && pnpm --silent run build;', 'build')).toBe(true);
    expect(invokes('npm run build:all', 'build')).toBe(false);
  });
});
