/**
 * What one module of an installed package does while it loads, as the project's own rules would
 * judge it there: a start no-top-level-spawn reports at load (a start-context guard silences it), a
 * call or import no-unguarded-platform-api reports that runs at load (its platform guards, presence
 * tests and catches count), and the modules it loads meanwhile, to follow. The platform rule's
 * finders and words are used as they are, so that the two rules cannot disagree on a hazard.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { describeMechanism } from '../shared/describe.js';
import noUnguardedPlatformApi from '../no-unguarded-platform-api.js';
import { apiCallReports } from '../no-unguarded-platform-api-utils/api-calls.js';
import { packageLoadReports } from '../no-unguarded-platform-api-utils/package-loads.js';
import { posixImportReports } from '../no-unguarded-platform-api-utils/posix-imports.js';
import type { Report } from '../no-unguarded-platform-api-utils/reports.js';
import { throwingCallReports } from '../no-unguarded-platform-api-utils/throwing-calls.js';
import { analyze, type AnalysisContext, type FileAnalysis, isSelfSpawnSite, isStartContextGuarded, type LoadHazard, moduleLoads, type ModuleLoadFacts } from '../../analysis/index.js';

export function loadFactsOf(context: AnalysisContext): ModuleLoadFacts {
  const analysis = analyze(context);
  const loads = moduleLoads(analysis, context.filename)
    .filter((load) => load.atLoad)
    .map(({ specifier, kind }) => ({ specifier, kind }));
  if (!analysis.namesHazard) return { hazards: [], loads };
  return { hazards: [...startsAtLoad(analysis), ...platformHazards(analysis)], loads };
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

const PACKAGE_LOADS: ReadonlySet<Report['messageId']> = new Set(['platformPackageImport', 'platformPackageLoad']);

/** The platform rule's findings that run at load, in its own words up to the advice (`` `os.userInfo()` throws when … ``). */
function platformHazards(analysis: FileAnalysis): LoadHazard[] {
  const reports = [...posixImportReports(analysis, false), ...apiCallReports(analysis, false), ...throwingCallReports(analysis), ...packageLoadReports(analysis)];
  return reports.flatMap(({ node, messageId, data }) => {
    if (!runsAtLoad(analysis, node)) return [];
    const template = noUnguardedPlatformApi.meta.messages[messageId];
    // The rule's message without its advice, which follows the last `: `.
    const problem = template.slice(0, template.lastIndexOf(': ')).replaceAll(/\{\{(\w+)\}\}/g, (_, key: string) => data?.[key] ?? '');
    return [{ kind: PACKAGE_LOADS.has(messageId) ? ('os-module' as const) : ('platform-call' as const), what: `fails where ${problem}`, line: node.loc.start.line }];
  });
}

function runsAtLoad(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  return node.type === 'ImportDeclaration' || analysis.execution.executionOf(node).when === 'module-load';
}
