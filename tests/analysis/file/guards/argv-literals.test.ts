import { describe, expect, it } from 'vitest';

import { argvLiterals } from '../../../../src/analysis/file/guards/argv-literals.js';
import { analyzeCode } from '../../../support/analyze-code.js';

function literals(code: string, language: 'esm' | 'cjs' = 'esm'): string[] {
  const analysis = analyzeCode(code, language);
  return [...argvLiterals(analysis.sourceCode, analysis.references)].sort();
}

describe('literals tested against the command line', () => {
  it.each<[string, string, string[]]>([
    ['an argv element compared', `if (process.argv[2] === 'worker') run();`, ['worker']],
    ['either side, through a constant', `const W = 'worker'; if (W !== process.argv[2]) run();`, ['worker']],
    ['a destructured argv value switched on', `const [, , mode] = process.argv; switch (mode) { case 'serve': break; case 'build': break; default: }`, ['build', 'serve']],
    ['a search of argv', `if (process.argv.slice(2).includes('--child')) run(); process.argv.indexOf('--x');`, ['--child', '--x']],
    ['a parsed command line', `import { parseArgs } from 'node:util'; const { values } = parseArgs({ strict: false }); if (values.role === 'worker') run();`, ['worker']],
  ])('%s', (_name, code, expected) => {
    expect(literals(code)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a value that is not the command line', `if (options.mode === 'worker') run();`],
    ['a comparison with a non-literal', `if (process.argv[2] === name) run();`],
    ['a search of another list', `if (list.includes('worker')) run();`],
  ])('reads no literal from %s', (_name, code) => {
    expect(literals(code)).toEqual([]);
  });
});
