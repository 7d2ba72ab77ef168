import { createRule } from '../util/create-rule.js';
import { isTypeScriptFile } from '../util/source-text.js';
import { apiCallReports, importedSignalReports } from './no-unguarded-platform-api-utils/api-calls.js';
import { packageLoadReports } from './no-unguarded-platform-api-utils/package-loads.js';
import { posixImportReports } from './no-unguarded-platform-api-utils/posix-imports.js';
import { throwingCallReports } from './no-unguarded-platform-api-utils/throwing-calls.js';
import type { MessageIds } from './no-unguarded-platform-api-utils/reports.js';
import { analyze } from '../analysis/index.js';

export default createRule<[], MessageIds>({
  name: 'no-unguarded-platform-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow OS-specific imports and APIs where no guard proves the platform or the API',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      posixImport: '`{{name}}` is POSIX-only and this import fails on Windows: call `process.{{name}}?.()`.',
      posixCall: '`process.{{name}}()` throws on Windows: call `process.{{name}}?.()`.',
      macosOnly: "`{{name}}` works only on macOS: guard it with `process.platform === 'darwin'`.",
      processGroupKill: "A negative pid throws ESRCH on Windows: guard it with `process.platform !== 'win32'`.",
      posixSignal: '{{name}} throws ENOSYS for `{{signal}}` on Windows: send SIGTERM or SIGKILL there.',
      windowsSignal: "{{name}} throws for `{{signal}}` off Windows: guard it with `process.platform === 'win32'`.",
      platformThrow: '`{{name}}` throws on {{platforms}}: guard it with `process.platform` or catch the error.',
      environmentThrow: '`{{name}}` throws when {{condition}}, and {{when}}: call it in try/catch.',
      platformPackageImport: '`{{module}}` installs only on {{platforms}}: load it with `import()` in try/catch, not a static import.',
      platformPackageLoad: '`{{module}}` installs only on {{platforms}}: catch the failure to load it.',
      useOptionalCall: 'Call it with `?.` so that it is skipped where it does not exist.',
      useProcessGlobal: 'Drop the import and call `process.{{name}}?.()` on the `process` global.',
    },
  },
  create(context) {
    return {
      Program() {
        // No early exit on an empty index: an unused import or `export … from` still fails to link.
        // A file that names none of the APIs has none of them to report, but it can pass a signal to
        // an imported function that kills with it.
        const analysis = analyze(context);
        const imported = importedSignalReports(analysis, context.physicalFilename);
        const isTypeScript = isTypeScriptFile(context.filename);
        const reports = analysis.namesHazard
          ? [
              ...posixImportReports(analysis, isTypeScript),
              ...apiCallReports(analysis, isTypeScript),
              ...throwingCallReports(analysis),
              ...packageLoadReports(analysis),
              ...imported,
            ]
          : imported;
        for (const { node, messageId, data, suggestion } of reports) {
          context.report({ node, messageId, data, suggest: suggestion ? [suggestion] : [] });
        }
      },
    };
  },
});
