/**
 * The start-context table against Node's documented behaviour, written here once more from the
 * documentation rather than read from the table: `isMainThread` is false in worker threads only,
 * `cluster.isPrimary` false in cluster workers only, `process.send` defined in fork and cluster
 * children only, and the entry-module checks true in every child that runs the file as its script.
 */
import { describe, expect, it } from 'vitest';

import {
  CHILD_READS,
  CONTEXT_KINDS,
  GUARD_ADVICE,
  PARENT_READS,
  type ContextCheck,
  type SelfSpawnMechanism,
} from '../../../src/analysis/catalog/start-contexts.js';

const MECHANISMS: readonly SelfSpawnMechanism[] = ['thread', 'fork', 'cluster'];
const CHECKS: readonly ContextCheck[] = ['main-thread', 'cluster-primary', 'entry-module', 'ipc-child'];

/** What each check reads in a process, from Node's documentation. */
const DOCUMENTED: Record<'parent' | SelfSpawnMechanism, Record<ContextCheck, boolean>> = {
  parent: { 'main-thread': true, 'cluster-primary': true, 'entry-module': true, 'ipc-child': false },
  thread: { 'main-thread': false, 'cluster-primary': true, 'entry-module': true, 'ipc-child': false },
  fork: { 'main-thread': true, 'cluster-primary': true, 'entry-module': true, 'ipc-child': true },
  cluster: { 'main-thread': true, 'cluster-primary': false, 'entry-module': true, 'ipc-child': true },
};

/** The check each advice names, by the code it quotes. */
const ADVISED_CHECK: ReadonlyArray<[RegExp, ContextCheck]> = [
  [/`isMainThread`/, 'main-thread'],
  [/`cluster\.isPrimary`/, 'cluster-primary'],
  [/`process\.send === undefined`/, 'ipc-child'],
];

describe('the start-context table', () => {
  it('reads in the parent what Node documents for a process started as `node file`', () => {
    expect(PARENT_READS).toEqual(DOCUMENTED.parent);
  });

  it.each(MECHANISMS)('reads in a %s child what Node documents', (mechanism) => {
    expect(CHILD_READS[mechanism]).toEqual(DOCUMENTED[mechanism]);
  });

  it('covers every check but the marker, which the parent sets', () => {
    expect(Object.keys(PARENT_READS).sort()).toEqual([...CHECKS].sort());
    for (const mechanism of MECHANISMS) expect(Object.keys(CHILD_READS[mechanism]).sort()).toEqual([...CHECKS].sort());
    expect([...CONTEXT_KINDS].sort()).toEqual([...CHECKS, 'marker'].sort());
  });

  it('never tells a child apart by the entry module', () => {
    for (const mechanism of MECHANISMS) expect(CHILD_READS[mechanism]['entry-module']).toBe(PARENT_READS['entry-module']);
  });

  it.each(MECHANISMS)('advises for %s a check the child reads differently from the parent', (mechanism) => {
    const advice = GUARD_ADVICE[mechanism];
    const named = ADVISED_CHECK.filter(([pattern]) => pattern.test(advice)).map(([, check]) => check);
    expect(named).toHaveLength(1);
    const check = named[0]!;
    expect(CHILD_READS[mechanism][check]).not.toBe(PARENT_READS[check]);
  });
});
