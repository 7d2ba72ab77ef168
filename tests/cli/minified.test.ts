import { describe, expect, it } from 'vitest';

import { isMinified } from '../../src/cli/minified.js';

describe('minified files', () => {
  it.each<[string, string, boolean]>([
    ['a bundle on one line', `var a=1;`.repeat(400), true],
    ['a bundle of a few very long lines', `${'x=1;'.repeat(300)}\n`.repeat(3), true],
    // A one-liner under 2 KiB is real code; long lines among many short ones average out.
    ['a short one-liner', `require('child_process').execSync('ls');`, false],
    ['source with one long line', `${'const a = 1;\n'.repeat(200)}${'x'.repeat(3000)}\n`, false],
    // A bundle of ordinary lines that inlines a minified library or data on one line of its own.
    ['a bundle with a line of over 10,000 characters', `${'const a = 1;\n'.repeat(2000)}${'var b=1;'.repeat(1300)}\n`, true],
    ['a line of exactly 10,000 characters', `${'const a = 1;\n'.repeat(2000)}${'x'.repeat(10_000)}\n`, false],
    ['ordinary source', `const a = 1;\n`.repeat(500), false],
  ])('%s', (_name, code, expected) => {
    expect(isMinified(code)).toBe(expected);
  });
});
