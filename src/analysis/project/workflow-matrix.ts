/**
 * The values a GitHub Actions job's `strategy.matrix` gives each of its names, read from the job's
 * text by indentation as ci-workflows.ts reads the workflow, without a YAML parser: a flow sequence
 * (`name: [a, b]`, over several lines, with `#` comments), a block sequence (`- a` below the name),
 * and the values `include:` entries set for a name; plain, single- or double-quoted scalars. A name
 * whose values are not written (`${{ fromJSON(…) }}`, a mapping, a matrix that is one expression)
 * has none known: it is absent from the map.
 */

/** Name → the values the matrix gives it. */
export type MatrixValues = ReadonlyMap<string, readonly string[]>;

const KEY = /^(\s*)(?:-\s+)?([\w-]+):(?:\s+(.*))?$/;

/** The values of the first `matrix:` key in `job` (the lines of one job). */
export function matrixValues(job: string): MatrixValues {
  const lines = job.split('\n');
  const at = lines.findIndex((line) => /^\s+matrix:/.test(line));
  const values = new Map<string, string[]>();
  const unknown = new Set<string>();
  const own = KEY.exec(lines[at] ?? '');
  if (!own || uncommented(own[3] ?? '') !== '') return values;
  const entries = childEntries(lines, at, (own[1] ?? '').length);
  for (const { name, text, below } of entries) {
    // `exclude:` removes combinations: each value may still run with others.
    if (name === 'exclude') continue;
    if (name !== 'include') {
      add(values, unknown, name, sequence(text, below));
      continue;
    }
    const pairs = includeValues(text, below);
    if (!pairs) return new Map();
    for (const [key, value] of pairs) add(values, unknown, key, value === undefined ? undefined : [value]);
  }
  for (const name of unknown) values.delete(name);
  return values;
}

function add(values: Map<string, string[]>, unknown: Set<string>, name: string, found: readonly string[] | undefined): void {
  if (found === undefined) unknown.add(name);
  else values.set(name, [...(values.get(name) ?? []), ...found]);
}

interface Entry {
  readonly name: string;
  /** The text after `name:`, comment removed. */
  readonly text: string;
  /** The lines below it, deeper than its key. */
  readonly below: readonly string[];
}

/** The keys one level below line `at` (indented `indent`), each with its value's lines. */
function childEntries(lines: readonly string[], at: number, indent: number): Entry[] {
  const entries: { name: string; text: string; below: string[] }[] = [];
  let keyIndent: number | undefined;
  for (const line of lines.slice(at + 1)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const depth = line.length - line.trimStart().length;
    if (depth <= indent) break;
    keyIndent ??= depth;
    // `- name: value` at the keys' column is an item of the value above (`include:` written flush).
    const key = depth === keyIndent && !line.trimStart().startsWith('-') ? KEY.exec(line) : undefined;
    if (key) entries.push({ name: key[2] ?? '', text: uncommented(key[3] ?? ''), below: [] });
    else entries.at(-1)?.below.push(line);
  }
  return entries;
}

/** A sequence of scalars, flow or block; undefined when it is not one. */
function sequence(text: string, below: readonly string[]): string[] | undefined {
  if (text.startsWith('[')) {
    const flow = [text, ...below.map(uncommented)].join(' ').trim();
    if (!flow.endsWith(']')) return undefined;
    const items = splitFlow(flow.slice(1, -1));
    const values = items?.filter((item) => item !== '').map(scalar);
    return values?.every((value) => value !== undefined) ? (values as string[]) : undefined;
  }
  if (text !== '' || below.length === 0) return undefined;
  const values = below.map((line) => /^\s*-\s+(.*)$/.exec(line)?.[1]).map((item) => (item === undefined ? undefined : scalar(uncommented(item))));
  return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

/**
 * The scalars `include:` entries set, name and value (undefined for a value not read), from each
 * `- name: value` and the keys below it at the same column; undefined when the entries are not read.
 */
function includeValues(text: string, below: readonly string[]): [string, string | undefined][] | undefined {
  if (text !== '') return undefined;
  const pairs: [string, string | undefined][] = [];
  let column: number | undefined;
  for (const line of below) {
    const key = KEY.exec(line);
    if (!key) return undefined;
    const at = line.indexOf(key[2] ?? '', (key[1] ?? '').length);
    if (/^\s*-\s/.test(line)) column = at;
    // A key of a value written below its entry's key: not one of the entry's.
    else if (at !== column) continue;
    const value = uncommented(key[3] ?? '');
    pairs.push([key[2] ?? '', value === '' ? undefined : scalar(value)]);
  }
  return pairs;
}

/** The items of a flow sequence's inside, split at commas outside quotes; undefined for a nested collection. */
function splitFlow(inside: string): string[] | undefined {
  const items: string[] = [];
  let from = 0;
  for (let index = 0; index < inside.length; index += 1) {
    const char = inside[index] ?? '';
    if (opensQuote(inside, index)) index = quotedEnd(inside, index) - 1;
    else if (/[[\]{}]/.test(char)) return undefined;
    else if (char === ',') {
      items.push(inside.slice(from, index).trim());
      from = index + 1;
    }
  }
  return [...items, inside.slice(from).trim()];
}

/** Whether a quote at `index` starts a quoted scalar: not one inside a plain scalar (`don't`). */
function opensQuote(text: string, index: number): boolean {
  return /["']/.test(text[index] ?? '') && (index === 0 || /[\s[,:]/.test(text[index - 1] ?? ''));
}

/** The index after the quoted scalar that starts at `start`: `\` escapes in double quotes, `''` is a quote in single ones. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index += 1) {
    if (quote === '"' && text[index] === '\\') index += 1;
    else if (text[index] === quote) return index + 1;
  }
  return text.length;
}

/** A YAML scalar's value: plain, 'single' or "double" quoted; undefined for an expression or anything else. */
function scalar(written: string): string | undefined {
  if (written.includes('${{')) return undefined;
  if (written.startsWith("'")) return /^'((?:[^']|'')*)'$/.exec(written)?.[1]?.replaceAll("''", "'");
  if (written.startsWith('"')) {
    try {
      return JSON.parse(written) as string;
    } catch {
      return undefined;
    }
  }
  return /^[[\]{}&*!|>%@`]/.test(written) || written === '' ? undefined : written;
}

/** A line without its comment: a `#` at its start or after a blank, outside quotes. */
function uncommented(line: string): string {
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] ?? '';
    if (opensQuote(line, index)) index = quotedEnd(line, index) - 1;
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) return line.slice(0, index).trim();
  }
  return line.trim();
}
