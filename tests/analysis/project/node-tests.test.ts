import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { isNodeTest } from '../../../src/analysis/project/node-tests.js';
import { nearestManifest } from '../../../src/analysis/project/package-manifest.js';

const fixture = (...parts: string[]) => path.resolve(import.meta.dirname, '../../fixtures', ...parts);

describe('isNodeTest', () => {
  const bare = (file: string) => isNodeTest(fixture('node-test-package', file), nearestManifest(fixture('node-test-package', file)));

  it.each([
    ['test.js', true],
    ['test.mjs', true],
    ['src/test-helpers.cjs', true],
    ['src/parse.test.js', true],
    ['src/parse-test.js', true],
    ['src/parse_test.js', true],
    ['index.js', false],
    ['test.ts', false],
    ['latest.js', false],
    ['node_modules/x/test.js', false],
  ])('collects %s: %s', (file, expected) => {
    expect(bare(file)).toBe(expected);
  });

  it('collects nothing for a script that names what to run', () => {
    const file = fixture('node-test-names-package', 'test.js');
    expect(isNodeTest(file, nearestManifest(file))).toBe(false);
  });

  it('collects nothing without a manifest', () => {
    expect(isNodeTest('/nowhere/test.js', undefined)).toBe(false);
  });
});
