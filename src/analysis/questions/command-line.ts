/**
 * The commands of a shell command line: its words from the start and after each `|`, `||`, `&&`,
 * `;`, `&` and line break, outside quotes, skipping `NAME=value` environment assignments and the `(`
 * of a subshell, up to a `$(` or a backquote. The programs are their first words: one with a part
 * the file does not show ({@link UNKNOWN_PART}) is not a name anyone can judge, so it is left out.
 */
import { shellWords } from '../../util/shell-words.js';
import { UNKNOWN_PART } from '../file/values.js';

const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function programsOf(commandLine: string): string[] {
  return commandsOf(commandLine).flatMap(([program]) => (program && !program.includes(UNKNOWN_PART) && !/[`$]/.test(program) ? [program] : []));
}

/** The words of each command of a shell command line, from its program on. */
export function commandsOf(commandLine: string): string[][] {
  return segments(commandLine).flatMap((segment) => {
    const words = shellWords(segment.trim().replace(/^\(+\s*/, ''));
    const program = words.findIndex((candidate) => !ENV_ASSIGNMENT.test(candidate));
    return program === -1 ? [] : [words.slice(program)];
  });
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
