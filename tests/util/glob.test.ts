import { describe, expect, it } from 'vitest';

import { compileGlob } from '../../src/util/glob.js';

describe('compileGlob', () => {
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
    ['a/**b/c', ['a/b/c', 'a/x/yb/c'], ['a/c']],
    ['{a,{b,c}d}/x,y}', ['a/x,y}', 'bd/x,y}', 'cd/x,y}'], ['b/x,y}']],
    ['**/**/**/x.js', ['x.js', 'a/b/x.js'], ['a/y.js']],
  ])('%s', (glob, matching, other) => {
    const matcher = compileGlob(glob);
    for (const path of matching) expect(matcher.test(path), path).toBe(true);
    for (const path of other) expect(matcher.test(path), path).toBe(false);
  });

  it('matches in time linear in the path, whatever the pattern repeats', () => {
    const path = `${'a/'.repeat(2_000)}b`;
    const patterns = [`${'**/'.repeat(40)}c`, `${'*a'.repeat(40)}c`, `${'**a'.repeat(40)}c`, `${'{a,a}'.repeat(40)}c`, `${'{'.repeat(50_000)}a`];
    for (const pattern of patterns) {
      const start = performance.now();
      expect(compileGlob(pattern).test(path)).toBe(false);
      expect(performance.now() - start, pattern.slice(0, 12)).toBeLessThan(1000);
    }
  });
});
