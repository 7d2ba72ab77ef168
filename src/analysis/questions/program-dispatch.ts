/**
 * Platform dispatch read from the programs a conditional picks: when one branch runs a POSIX
 * program and the other its Windows counterpart (`flags.isWindows ? 'where' : 'which'`,
 * `if (isWin()) bin = 'taskkill'; else bin = 'kill'`), the code runs the Windows program exactly
 * where the POSIX one is missing, so the test cannot hold off Windows and the POSIX branch is not
 * proven to run there, even when the analysis cannot read the test. The other branch may pick the
 * value (`alternatives`) or start the counterpart itself (`elsewhere`: the commands of the file's
 * other starts, `if (win) spawn('cmd.exe', …) else spawn('/bin/sh', …)`). A test it does read keeps
 * deciding: its platform facts are already on the branches.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { WINDOWS_COUNTERPARTS } from '../catalog/windows-counterparts.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import type { PossibleString } from '../file/values.js';
import { programsOf } from './command-line.js';

type Node = TSESTree.Node;

/** A branch a value comes from, with its test and the other branch. */
interface Branch {
  readonly test: Node;
  readonly other: Node;
}

/**
 * The values among `values` whose conditional picks the Windows counterpart of one of their
 * programs in its other branch (a value of `alternatives`, or of `elsewhere` there), under a test
 * that names no platform.
 */
export function dispatchedOffWindows(
  analysis: FileAnalysis,
  values: readonly PossibleString[],
  alternatives: readonly PossibleString[],
  elsewhere: readonly PossibleString[] = [],
): ReadonlySet<PossibleString> {
  const dispatched = new Set<PossibleString>();
  const named = alternatives.map((possible) => ({ possible, programs: programNames(possible.value) }));
  const started = byProgram(elsewhere);
  for (const possible of values) {
    const counterparts = new Set(programNames(possible.value).flatMap((program) => WINDOWS_COUNTERPARTS.get(program) ?? []));
    if (counterparts.size === 0) continue;
    const windows = named.filter((other) => other.possible !== possible && other.programs.some((program) => counterparts.has(program)));
    for (const program of counterparts) for (const other of started.get(program) ?? []) if (other !== possible) windows.push({ possible: other, programs: [program] });
    if (windows.length === 0) continue;
    const branches = branchesOf(possible);
    const separated = branches.some(
      ({ test, other }) => windows.some((alternative) => alternative.possible.sources.some((source) => within(source, other))) && !readsPlatform(analysis, test),
    );
    if (separated) dispatched.add(possible);
  }
  return dispatched;
}

const indexes = new WeakMap<readonly PossibleString[], ReadonlyMap<string, readonly PossibleString[]>>();

/** The values of a list by the programs they run, built once per list. */
function byProgram(values: readonly PossibleString[]): ReadonlyMap<string, readonly PossibleString[]> {
  let index = indexes.get(values);
  if (!index) {
    const built = new Map<string, PossibleString[]>();
    for (const possible of values) {
      for (const program of programNames(possible.value)) {
        const same = built.get(program);
        if (same) same.push(possible);
        else built.set(program, [possible]);
      }
    }
    index = built;
    indexes.set(values, index);
  }
  return index;
}

/** The programs a value runs, as Windows compares their names: lower-case, no folder, no `.exe`. */
function programNames(value: string): string[] {
  return programsOf(value).map((program) => (program.split(/[\\/]/).at(-1) ?? program).toLowerCase().replace(/\.exe$/, ''));
}

/**
 * The conditionals a value is drawn from a branch of: every `?:` and `if` around one of its
 * literals, and the `if` whose consequent replaces it (`let bin = 'rm'; if (win) bin = 'del'`).
 */
function branchesOf(possible: PossibleString): Branch[] {
  const branches: Branch[] = [];
  for (const source of possible.sources) {
    let child: Node = source;
    for (let parent = source.parent; parent; child = parent, parent = parent.parent) {
      const branch = branchAt(parent, child);
      if (branch) branches.push(branch);
    }
  }
  for (const test of possible.unless ?? []) {
    if (test.parent?.type === 'IfStatement') branches.push({ test, other: test.parent.consequent });
  }
  return branches;
}

/** The test of a `?:` or `if` and the branch that `child` is not, when `child` is one of the two. */
function branchAt(parent: Node, child: Node): Branch | undefined {
  if (parent.type !== 'ConditionalExpression' && parent.type !== 'IfStatement') return undefined;
  if (child === parent.consequent) return parent.alternate ? { test: parent.test, other: parent.alternate } : undefined;
  return child === parent.alternate ? { test: parent.test, other: parent.consequent } : undefined;
}

function within(node: Node, outer: Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/** Whether the analysis reads a platform from the test, holding or not. */
function readsPlatform(analysis: FileAnalysis, test: Node): boolean {
  return [true, false].some((assumed) => analysis.guards.conditionFacts(test, assumed).some((fact) => fact.kind === 'platform'));
}
