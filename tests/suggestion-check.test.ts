// The suggestion checker must fail on broken outputs, or its passing proves nothing.
import { describe, expect, it } from 'vitest';

import { parseProblems, typeProblems } from './support/check-suggestions.js';
import { FILENAMES } from './support/languages.js';

describe('suggestion output checker', () => {
  it('reports an output that does not parse', () => {
    const problems = parseProblems([{ code: 'a();', output: 'if (a) {', filename: FILENAMES.esm }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Unexpected token|Parsing error/);
  });

  it('reports a TypeScript output that does not parse', () => {
    expect(parseProblems([{ code: 'a();', output: 'let x: = 1;', filename: FILENAMES.ts }])).toHaveLength(1);
  });

  it('reports a CommonJS output that is valid only as a module', () => {
    expect(parseProblems([{ code: 'a();', output: 'import x from "y";', filename: FILENAMES.cjs }])).toHaveLength(1);
  });

  it('reports a TypeScript output that adds a type error', () => {
    const problems = typeProblems([
      { code: 'let count = 1;\ncount += 1;', output: 'let count;\ncount = 1;\nexport function get() { return count; }', filename: FILENAMES.ts },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('TS7034');
  });

  it('ignores type errors the input already had', () => {
    expect(typeProblems([{ code: 'undeclared();', output: 'undeclared();\nundeclared();', filename: FILENAMES.ts }])).toEqual([
      expect.stringContaining('TS2304'),
    ]);
    expect(typeProblems([{ code: 'undeclared();', output: '\nundeclared();', filename: FILENAMES.ts }])).toEqual([]);
  });

  it('knows @types/node and the third-party stubs', () => {
    const code = `import { spawn } from 'node:child_process';\nimport Piscina from 'piscina';\nspawn('ls');\nnew Piscina();`;
    expect(typeProblems([{ code, output: `${code}\nprocess.send?.('x');`, filename: FILENAMES.ts }])).toEqual([]);
  });
});
