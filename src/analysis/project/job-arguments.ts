/**
 * The words a CI job passes to a package script it runs (`yarn test-matrix --forbid-only ${{
 * matrix.files }}`, `npm run test -- test/e2e`), one list per run: a `${{ matrix.NAME }}` takes
 * each value the job's matrix gives NAME (workflow-matrix.ts), the job running once per value. Read
 * line by line from the job's text, each line a command as GitHub Actions writes it into the
 * shell's script. Unknown (undefined) when a word passed holds an expression that is not a matrix
 * value written in the workflow (`${{ inputs.files }}`, `fromJSON(…)`), when the command goes on
 * to the next line, or when a line's runs are more than MAX_RUNS.
 */
import { scriptCommands } from './package-manifest.js';
import { invokes, passedWords } from './script-calls.js';
import { matrixValues, type MatrixValues } from './workflow-matrix.js';

const EXPRESSION = /\$\{\{(.*?)\}\}/g;
const MATRIX_VALUE = /^\s*matrix\.([\w-]+)\s*$/;
/** What an expression not read is replaced by: no word written holds it. */
const UNREAD = '\u0000';
/** The most runs of one line read, over the combinations of its matrix values. */
const MAX_RUNS = 64;

/** The words each run of `job` passes to script `name`; [[]] when it passes none it shows, undefined when unknown. */
export function jobArguments(job: string, name: string): string[][] | undefined {
  let matrix: MatrixValues | undefined;
  const runs: string[][] = [];
  const lines = job.split('\n');
  let folded: number | undefined;
  for (const [index, line] of lines.entries()) {
    const indent = line.length - line.trimStart().length;
    if (folded !== undefined && line.trim() !== '' && indent <= folded) folded = undefined;
    // `run: >`: YAML folds the block's lines into one, so the words of the next line follow these.
    if (/:\s*>[-+]?\d*\s*(?:#.*)?$/.test(line)) folded = indent;
    if (!invokes(line, name)) continue;
    const next = lines[index + 1] ?? '';
    if (folded !== undefined && next.trim() !== '' && next.length - next.trimStart().length > folded) return undefined;
    const command = stepCommand(line);
    // Continued on the next line: `\` for a POSIX shell, a backquote for PowerShell, `^` for cmd.
    if (/[\\`^]\s*$/.test(command)) return undefined;
    const expanded = expansions(command, (matrix ??= matrixValues(job)));
    const passed = expanded?.flatMap((each) => scriptCommands(each).flatMap((words) => optional(passedWords(words, name))));
    // A line that runs the script in words not read here (a run that is no command of the line).
    if (!passed || passed.length === 0 || passed.some((words) => words.some((word) => word.includes(UNREAD)))) return undefined;
    runs.push(...passed);
  }
  return runs.length > 0 ? runs : [[]];
}

/** The command of a line of a step: without the list's dash, a key (`run:`), the quotes of a quoted value and a shell comment. */
function stepCommand(line: string): string {
  const value = line.replace(/^\s*(?:-\s+)?(?:[\w-]+:\s+)?/, '').trim();
  return (/^(["'])([^"'\\]*)\1$/.exec(value)?.[2] ?? value).replace(/(?:^|\s)#.*$/, '');
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/**
 * `command` once per combination of the matrix values its expressions read, each replaced by its
 * value, any other expression by UNREAD; undefined when the runs are more than MAX_RUNS.
 */
function expansions(command: string, matrix: MatrixValues): string[] | undefined {
  const names = new Set<string>();
  for (const [, inside] of command.matchAll(EXPRESSION)) {
    const name = MATRIX_VALUE.exec(inside ?? '')?.[1];
    if (name !== undefined && matrix.has(name)) names.add(name);
  }
  let lines = [command];
  for (const name of names) {
    const values = matrix.get(name) ?? [];
    if (lines.length * values.length > MAX_RUNS) return undefined;
    const pattern = new RegExp(String.raw`\$\{\{\s*matrix\.${name}\s*\}\}`, 'g');
    lines = lines.flatMap((line) => values.map((value) => line.replace(pattern, () => value)));
  }
  return lines.map((line) => line.replace(EXPRESSION, UNREAD));
}
