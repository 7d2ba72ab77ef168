/**
 * Platform-only packages (`fsevents`, settings' `platformOnlyModules`): a static import fails at link
 * time wherever the package is not installed; a `require()` or `import()` needs a catch or a guard.
 */
import { describePlatforms, onlyOn, type Report } from './reports.js';
import { type FileAnalysis, isCaughtHere, isRejectionHandled, platformsAt } from '../../analysis/index.js';

export function packageLoadReports(analysis: FileAnalysis): Report[] {
  const reports: Report[] = [];
  for (const load of analysis.references.loads) {
    const allowed = analysis.settings.platformOnlyModules.get(load.module);
    if (!allowed) continue;
    const data = { module: load.module, platforms: describePlatforms(allowed) };
    const { node } = load;
    if (node.type === 'ImportDeclaration' || node.type === 'TSImportEqualsDeclaration') {
      // Linked (or, compiled to CommonJS, required) before any statement of the module runs.
      reports.push({ node, messageId: 'platformPackageImport', data });
      continue;
    }
    if (onlyOn(platformsAt(analysis, node), allowed)) continue;
    const handled = node.type === 'ImportExpression' ? isRejectionHandled(analysis, node) : isCaughtHere(analysis, node);
    if (!handled) reports.push({ node, messageId: 'platformPackageLoad', data });
  }
  return reports;
}
