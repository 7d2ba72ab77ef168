/**
 * Glob patterns for the `entryPoints`/`testFiles` settings, compiled to regular expressions without
 * a dependency: `**` (any number of folders), `*` (any characters but `/`), `?` (one such
 * character) and `{a,b}` (alternatives, which may nest). A pattern matches a whole `/`-separated
 * path relative to the package folder.
 */

const SPECIAL = /[.+^$()|[\]\\{}]/;

export function globToRegExp(written: string): RegExp {
  const pattern = written.replace(/^(?:\.\/)+/, '');
  let source = '';
  let depth = 0;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '*' && pattern[index + 1] === '*') {
      const atStart = index === 0 || pattern[index - 1] === '/';
      const slashAfter = pattern[index + 2] === '/';
      if (atStart && slashAfter) {
        // `**/` matches zero or more whole folders.
        source += '(?:[^/]*/)*';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      depth += 1;
      source += '(?:';
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      source += ')';
    } else if (char === ',' && depth > 0) source += '|';
    else source += SPECIAL.test(char) ? `\\${char}` : char;
  }
  // An unclosed `{` is closed at the end, so every pattern compiles.
  source += ')'.repeat(depth);
  return new RegExp(`^${source}$`);
}
