/**
 * Glob patterns for the `entryPoints`/`testFiles` settings, without a dependency: `**` (any number
 * of folders), `*` (any characters but `/`), `?` (one such character) and `{a,b}` (alternatives,
 * which may nest). A pattern matches a whole `/`-separated path relative to the package folder.
 *
 * A pattern is compiled to a nondeterministic automaton and a path is matched by following every
 * state at once, never by backtracking: a regular expression of `**\/**\/…` or `*a*a*…` backtracks
 * polynomially in the path with the pattern's repetitions as the exponent, this costs at most the
 * path's length times the pattern's.
 */

export interface GlobMatcher {
  /** Whether the whole path matches. */
  test(path: string): boolean;
}

/** What a transition reads: a character, any character but `/`, or any character. */
type Reads = string | typeof SEGMENT | typeof ANY;
const SEGMENT = Symbol('segment');
const ANY = Symbol('any');

interface State {
  readonly moves: { readonly reads: Reads; readonly to: number }[];
  /** States reached without reading. */
  readonly empty: number[];
}

export function compileGlob(written: string): GlobMatcher {
  const pattern = written.replace(/^(?:\.\/)+/, '');
  const states: State[] = [];
  const add = (): number => states.push({ moves: [], empty: [] }) - 1;
  const move = (from: number, reads: Reads): number => {
    const to = add();
    states[from]!.moves.push({ reads, to });
    return to;
  };
  // A loop on `reads`, entered without reading: `*` and `**`.
  const loop = (from: number, reads: Reads): number => {
    const at = add();
    states[from]!.empty.push(at);
    states[at]!.moves.push({ reads, to: at });
    return at;
  };
  // Open `{` groups: where their alternatives fork, and where each alternative ended.
  const groups: { fork: number; ends: number[] }[] = [];
  const closeGroup = (current: number): number => {
    const group = groups.pop()!;
    const join = add();
    for (const end of [...group.ends, current]) states[end]!.empty.push(join);
    return join;
  };
  const branch = (fork: number): number => {
    const start = add();
    states[fork]!.empty.push(start);
    return start;
  };
  let current = add();
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '*' && pattern[index + 1] === '*') {
      const atStart = index === 0 || pattern[index - 1] === '/';
      if (atStart && pattern[index + 2] === '/') {
        // `**/` matches zero or more whole folders: nothing, or anything that ends with `/`.
        const after = add();
        states[current]!.empty.push(after);
        states[loop(current, ANY)]!.moves.push({ reads: '/', to: after });
        current = after;
        index += 2;
      } else {
        current = loop(current, ANY);
        index += 1;
      }
    } else if (char === '*') current = loop(current, SEGMENT);
    else if (char === '?') current = move(current, SEGMENT);
    else if (char === '{') {
      groups.push({ fork: current, ends: [] });
      current = branch(current);
    } else if (char === '}' && groups.length > 0) current = closeGroup(current);
    else if (char === ',' && groups.length > 0) {
      const group = groups.at(-1)!;
      group.ends.push(current);
      current = branch(group.fork);
    } else current = move(current, char);
  }
  // An unclosed `{` is closed at the end, so every pattern compiles.
  while (groups.length > 0) current = closeGroup(current);
  const accept = current;
  return { test: (path) => matches(states, accept, path) };
}

/** Follows every state the path can be in, one character at a time. */
function matches(states: readonly State[], accept: number, path: string): boolean {
  const seen = new Uint32Array(states.length);
  let generation = 0;
  let active: number[] = [];
  const reach = (from: number, into: number[]): void => {
    const pending = [from];
    for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
      if (seen[state] === generation) continue;
      seen[state] = generation;
      into.push(state);
      pending.push(...states[state]!.empty);
    }
  };
  generation += 1;
  reach(0, active);
  for (const char of path) {
    const next: number[] = [];
    generation += 1;
    for (const state of active) {
      for (const { reads, to } of states[state]!.moves) {
        if (reads === ANY || (reads === SEGMENT ? char !== '/' : reads === char)) reach(to, next);
      }
    }
    if (next.length === 0) return false;
    active = next;
  }
  return active.includes(accept);
}
