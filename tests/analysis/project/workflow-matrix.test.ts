import { describe, expect, it } from 'vitest';

import { matrixValues } from '../../../src/analysis/project/workflow-matrix.js';

const valuesOf = (job: string) => Object.fromEntries(matrixValues(job));

describe('matrixValues', () => {
  it('reads flow and block sequences, quoted and plain, without comments', () => {
    const job = `    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, 'windows-latest'] # both
        files: [
          # "a.js",
          "b.js", 'c d.js',
          "e\\"f.js",
        ]
        node:
          - 20 # current
          - '22'
        label: [don't] # a comment
    steps:
      - run: npm test
`;
    expect(valuesOf(job)).toEqual({ os: ['ubuntu-latest', 'windows-latest'], files: ['b.js', 'c d.js', 'e"f.js'], node: ['20', '22'], label: ["don't"] });
  });

  it('adds the values include entries set, and no key of a value below them', () => {
    const job = `    strategy:
      matrix:
        files: [a.js]
        include:
          - os: windows-latest
            files: "b.js"
          - files: c.js
            env:
              files: d.js
        exclude:
          - files: a.js
`;
    expect(valuesOf(job)).toEqual({ files: ['a.js', 'b.js', 'c.js'], os: ['windows-latest'] });
  });

  it('reads sequences written at the column of their key', () => {
    const job = '    strategy:\n      matrix:\n        files:\n        - a.js\n        include:\n        - os: windows-latest\n          files: b.js\n';
    expect(valuesOf(job)).toEqual({ files: ['a.js', 'b.js'], os: ['windows-latest'] });
  });

  it.each([
    ['a matrix that is one expression', '      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}\n'],
    ['a value read from an expression', '      matrix:\n        files: ${{ fromJSON(needs.plan.outputs.files) }}\n'],
    ['an item that is an expression', '      matrix:\n        files: [a.js, "${{ env.FILE }}"]\n'],
    ['a list of mappings', '      matrix:\n        files: [{ path: a.js }]\n'],
    ['a flow sequence never closed', '      matrix:\n        files: [a.js,\n'],
    ['include entries written as a flow sequence', '      matrix:\n        include: [{ files: a.js }]\n'],
  ])('knows no value of files for %s', (_, job) => {
    expect(matrixValues(`    strategy:\n${job}`).has('files')).toBe(false);
  });

  it('finds nothing without a matrix', () => {
    expect(matrixValues('    runs-on: windows-latest\n').size).toBe(0);
  });
});
