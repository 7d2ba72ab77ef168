// Platform flags one import away (imported-flags.ts): what the guard analysis proves at a call under
// a flag or predicate another module of the project exports, and its reported twins.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { possiblePlatforms } from '../../../src/analysis/file/guards/facts.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

const NOT_WINDOWS = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos'];
const ALL = [...NOT_WINDOWS, 'win32'].sort();
/** A CommonJS package whose config.js exports its platform predicates by name (`module.exports = { isWindows, … }`). */
const importer = path.resolve(import.meta.dirname, '../../fixtures/platform-flags/cjs/install.js');

function platforms(code: string): string[] {
  const analysis = analyzeCode(code, 'cjs', {}, importer);
  return [...possiblePlatforms(analysis.guards.factsAt(nodeByText(analysis, 'target()', 'CallExpression')))].sort();
}

describe('predicates exported by the name of a constant or a declaration', () => {
  it.each<[string, string, string[]]>([
    [
      'an arrow constant through a destructured require, in a conjunction',
      `const { meteorPath, isWindows, rootPath } = require('./config');\nif (!isWindows() && isSudo()) target();`,
      NOT_WINDOWS,
    ],
    ['a function declaration', `const { isLinux } = require('./config');\nif (isLinux()) target();`, ['linux']],
    ['through the module object', `const config = require('./config');\nif (config.isWindows()) {} else target();`, NOT_WINDOWS],
    ['an os.type() test', `const { usesOsType } = require('./config');\nif (!usesOsType()) target();`, NOT_WINDOWS],
    // Reported twins: the Windows side, a disjunction with another test, a predicate about something else.
    ['the Windows branch', `const { isWindows } = require('./config');\nif (isWindows()) target();`, ['win32']],
    ['a disjunction that lets Windows in', `const { isMac, isWindows } = require('./config');\nif (isMac() || isWindows()) target();`, ['darwin', 'win32']],
    ['a predicate that is no platform test', `const { isRoot } = require('./config');\nif (!isRoot()) target();`, ALL],
    ['a value that is no predicate', `const { rootPath } = require('./config');\nif (rootPath) target();`, ALL],
  ])('%s', (_name, code, expected) => {
    expect(platforms(code)).toEqual(expected);
  });
});
