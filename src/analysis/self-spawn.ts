/**
 * Self-spawns: starters whose child runs this very module again (`fork(__filename)`,
 * `new Worker(new URL(import.meta.url))`, `cluster.fork()` without `setupPrimary({ exec })`).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { optionsArgument, propertyValue } from './ast.js';
import type { FileAnalysis, StarterSite } from './index.js';
import { isRef } from './references.js';
import { selfReference, type SelfReference } from './values.js';

export type SelfSpawnMechanism = 'fork' | 'thread' | 'cluster';

export interface SelfSpawn {
  readonly site: StarterSite;
  readonly mechanism: SelfSpawnMechanism;
  /** How the path names this module; `cluster.fork()` has none (it reruns the entry script). */
  readonly reference?: SelfReference;
}

const selfSpawnCache = new WeakMap<FileAnalysis, readonly SelfSpawn[]>();

export function selfSpawns(analysis: FileAnalysis): readonly SelfSpawn[] {
  const cached = selfSpawnCache.get(analysis);
  if (cached) return cached;
  const result: SelfSpawn[] = [];
  const clusterRunsOtherScript = setsClusterScript(analysis);
  for (const site of analysis.starters) {
    if (site.mechanism === 'cluster') {
      if (!clusterRunsOtherScript) result.push({ site, mechanism: 'cluster' });
      continue;
    }
    if ((site.mechanism !== 'fork' && site.mechanism !== 'thread') || !site.target) continue;
    if (site.mechanism === 'thread' && site.spec.target?.argument === undefined) continue;
    const reference = selfReference(analysis.sourceCode, analysis.references, site.target);
    if (reference) result.push({ site, mechanism: site.mechanism, reference });
  }
  selfSpawnCache.set(analysis, result);
  return result;
}

/** `cluster.setupPrimary({ exec })` / `setupMaster` naming a script other than this module. */
function setsClusterScript(analysis: FileAnalysis): boolean {
  return analysis.references.invocations.some((invocation) => {
    if (!isRef(invocation.callee, 'cluster', 'setupPrimary') && !isRef(invocation.callee, 'cluster', 'setupMaster')) {
      return false;
    }
    const node = invocation.node as TSESTree.CallExpression;
    const options = optionsArgument(node.arguments, 0);
    const exec = options && propertyValue(options, 'exec');
    return exec !== undefined && !selfReference(analysis.sourceCode, analysis.references, exec);
  });
}

export function isSelfSpawnSite(analysis: FileAnalysis, site: StarterSite): boolean {
  return selfSpawns(analysis).some((spawn) => spawn.site === site);
}
