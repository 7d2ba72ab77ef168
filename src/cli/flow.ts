/**
 * Flow files: JavaScript with type syntax that no parser the CLI has can read. A file that does not
 * parse is a Flow file when its leading comments carry the `@flow` pragma (Flow checks only those),
 * or when the line where parsing stopped starts a Flow type import or declaration (files Flow checks
 * with `all=true` carry no pragma). A Flow file that parses is plain JavaScript and is linted.
 */

/** Leading `//` and `/* … *\/` comments, after an optional hashbang, with the `@flow` pragma. */
const PRAGMA = /^(?:#![^\n]*\n)?(?:\s|\/\/[^\n]*|\/\*(?:[^*]|\*(?!\/))*\*\/)*?(?:\/\/[^\n]*?|\/\*(?:[^*]|\*(?!\/))*?)@flow\b/;
const PRAGMA_WINDOW = 4096;

/** `import type {…}`, `export type T =`, `opaque type T =`, `declare module …`: syntax only Flow has in a `.js` file. */
const DECLARATION =
  /^\s*(?:(?:import|export)\s+(?:type|typeof)\s*[{*\w]|(?:export\s+)?(?:opaque\s+)?type\s+\w+\s*(?:<[^>\n]*>)?\s*=|declare\s+(?:export|module|class|function|var|let|const|type|opaque)\b)/;

/**
 * @param failedLine the 1-based line where the parser stopped
 */
export function isFlowFile(code: string, failedLine: number | undefined): boolean {
  // the pragma is in the leading comments: a bounded prefix keeps the check constant-time
  if (PRAGMA.test(code.slice(0, PRAGMA_WINDOW))) return true;
  if (failedLine === undefined) return false;
  return DECLARATION.test(lineAt(code, failedLine));
}

function lineAt(code: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line && start !== -1; current++) start = code.indexOf('\n', start) + 1 || -1;
  if (start === -1) return '';
  const end = code.indexOf('\n', start);
  return code.slice(start, end === -1 ? undefined : end);
}
