/**
 * Platform-only packages (`fsevents`, settings' `platformOnlyModules`): a static import fails at link
 * time wherever the package is not installed; a `require()` or `import()` needs a catch or a guard.
 */
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isCaughtHere, isRejectionHandled, onlyOn, type PlatformProblem, platformsAt } from './platform.js';

export function platformPackageProblems(analysis: FileAnalysis): PlatformProblem[] {
  const reports: PlatformProblem[] = [];
  for (const load of analysis.references.loads) {
    const allowed = analysis.settings.platformOnlyModules.get(load.module);
    if (!allowed) continue;
    const data = { module: load.module, platforms: allowed };
    const { node } = load;
    if (node.type === 'ImportDeclaration' || node.type === 'TSImportEqualsDeclaration') {
      // Linked (or, compiled to CommonJS, required) before any statement of the module runs.
      reports.push({ node, kind: 'platformPackageImport', ...data });
      continue;
    }
    if (onlyOn(platformsAt(analysis, node), allowed)) continue;
    const handled = node.type === 'ImportExpression' ? isRejectionHandled(analysis, node) : isCaughtHere(analysis, node);
    if (!handled) reports.push({ node, kind: 'platformPackageLoad', ...data });
  }
  return reports;
}
