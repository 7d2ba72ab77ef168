/**
 * The programs a shell command line runs: its first word and the first word after each `|`, `||`,
 * `&&`, `;`, `&` and line break, outside quotes, skipping `NAME=value` environment assignments and
 * the `(` of a subshell. A word with a part the file does not show ({@link UNKNOWN_PART}) is not a
 * program name anyone can judge, so it is left out; so is anything after a `$(` or a backquote.
 */
import { shellWords } from '../../util/shell-words.js';
import { UNKNOWN_PART } from '../file/values.js';

const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function programsOf(commandLine: string): string[] {
  const programs: string[] = [];
  for (const segment of segments(commandLine)) {
    const words = shellWords(segment.trim().replace(/^\(+\s*/, ''));
    const program = words.find((candidate) => !ENV_ASSIGNMENT.test(candidate));
    if (program && !program.includes(UNKNOWN_PART) && !/[`$]/.test(program)) programs.push(program);
  }
  return programs;
}

/** The command line split at its control operators, outside quotes, up to a command substitution. */
function segments(commandLine: string): string[] {
  const result: string[] = [];
  // The current segment is the text from `start`, sliced when it ends: no string grows char by char.
  let start = 0;
  let quote: string | undefined;
  let index = 0;
  for (; index < commandLine.length; index += 1) {
    const char = commandLine[index] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '`' || (char === '$' && commandLine[index + 1] === '(')) break;
    const previous = index > start ? commandLine[index - 1] : undefined;
    // `2>&1`, `&>file`: redirections, not operators.
    const redirection = char === '&' && (previous === '>' || previous === '<' || commandLine[index + 1] === '>');
    if (char === '"' || char === "'") quote = char;
    else if (!redirection && (char === '|' || char === '&' || char === ';' || char === '\n')) {
      result.push(commandLine.slice(start, index));
      start = index + 1;
    }
  }
  result.push(commandLine.slice(start, index));
  return result;
}
