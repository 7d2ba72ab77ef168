import { describe, expect, it } from 'vitest';

import { globToRegExp } from '../../src/util/glob.js';

describe('globToRegExp', () => {
  it.each<[string, string[], string[]]>([
    ['scripts/*.js', ['scripts/build.js'], ['scripts/a/build.js', 'src/scripts/build.js', 'scripts/build.ts']],
    ['scripts/**', ['scripts/build.js', 'scripts/a/b/c.ts'], ['src/scripts/x.js']],
    ['**/*.e2e.ts', ['a.e2e.ts', 'src/deep/a.e2e.ts'], ['a.e2e.js']],
    ['tools/**/run.js', ['tools/run.js', 'tools/a/b/run.js'], ['tools/arun.js']],
    ['bin/?.js', ['bin/a.js'], ['bin/ab.js', 'bin/.js']],
    ['{e2e,smoke}/**/*.{js,ts}', ['e2e/a.js', 'smoke/x/y.ts'], ['other/a.js', 'e2e/a.mjs']],
    ['./examples/*', ['examples/basic.js'], ['examples/a/b.js']],
    ['a+b(c).js', ['a+b(c).js'], ['aab(c).js']],
    ['{unclosed', ['unclosed'], ['{unclosed']],
  ])('%s', (glob, matching, other) => {
    const regex = globToRegExp(glob);
    for (const path of matching) expect(regex.test(path), path).toBe(true);
    for (const path of other) expect(regex.test(path), path).toBe(false);
  });
});
