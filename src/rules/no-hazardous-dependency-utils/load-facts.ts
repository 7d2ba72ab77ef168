/**
 * What one module of an installed package does while it loads, as the project's own rules would
 * judge it there: a start no-top-level-spawn reports at load (a start-context guard silences it), a
 * call or import no-unguarded-platform-api reports that runs at load (its platform guards, presence
 * tests and catches count), and the modules it loads meanwhile, to follow. The platform problems
 * and their words are the platform rule's (`platformProblems`, `shared/platform-problems.ts`), so
 * that the two rules cannot disagree on a hazard.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { describeMechanism } from '../shared/describe.js';
import { PLATFORM_PROBLEMS, platformProblemData } from '../shared/platform-problems.js';
import { analyze, type AnalysisContext, type FileAnalysis, isSelfSpawnSite, isStartContextGuarded, type LoadHazard, moduleLoads, type ModuleLoadFacts, platformProblems, type PlatformProblemKind } from '../../analysis/index.js';

export function loadFactsOf(context: AnalysisContext): ModuleLoadFacts {
  const analysis = analyze(context);
  const loads = moduleLoads(analysis, context.filename)
    .filter((load) => load.atLoad)
    .map(({ specifier, kind }) => ({ specifier, kind }));
  if (!analysis.namesHazard) return { hazards: [], loads };
  return { hazards: [...startsAtLoad(analysis), ...platformHazards(analysis, context.filename)], loads };
}

function startsAtLoad(analysis: FileAnalysis): LoadHazard[] {
  return analysis.starters.flatMap((site) => {
    if (!site.startsNow || isSelfSpawnSite(analysis, site)) return [];
    const execution = analysis.execution.executionOf(site.node);
    if (execution.when !== 'module-load') return [];
    const facts = [...analysis.guards.factsAt(site.node), ...(execution.via ? analysis.guards.factsAt(execution.via) : [])];
    if (isStartContextGuarded(facts)) return [];
    return [{ kind: 'start' as const, what: `starts ${describeMechanism(site.mechanism)} (\`${site.name}\`)`, line: site.node.loc.start.line }];
  });
}

const PACKAGE_LOADS: ReadonlySet<PlatformProblemKind> = new Set(['platformPackageImport', 'platformPackageLoad']);

/** The platform problems that run at load, in the platform rule's words without its advice (`` `os.userInfo()` throws when … ``). */
function platformHazards(analysis: FileAnalysis, filename: string): LoadHazard[] {
  return platformProblems(analysis).flatMap((problem) => {
    const { node, kind } = problem;
    if (!runsAtLoad(analysis, node)) return [];
    const data = platformProblemData(problem, filename);
    const what = PLATFORM_PROBLEMS[kind].replaceAll(/\{\{(\w+)\}\}/g, (_, key: string) => data[key] ?? '');
    return [{ kind: PACKAGE_LOADS.has(kind) ? ('os-module' as const) : ('platform-call' as const), what: `fails where ${what}`, line: node.loc.start.line }];
  });
}

function runsAtLoad(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  return node.type === 'ImportDeclaration' || analysis.execution.executionOf(node).when === 'module-load';
}
