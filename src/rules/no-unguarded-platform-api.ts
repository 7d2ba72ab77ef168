import { analyze } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { isTypeScriptFile } from '../util/source-text.js';
import { apiCallReports } from './no-unguarded-platform-api-utils/api-calls.js';
import { packageLoadReports } from './no-unguarded-platform-api-utils/package-loads.js';
import { posixImportReports } from './no-unguarded-platform-api-utils/posix-imports.js';
import type { MessageIds } from './no-unguarded-platform-api-utils/reports.js';

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
      posixImport:
        "`{{name}}` exists only on POSIX systems: on Windows this named import is a SyntaxError when the module is linked, before any of its code runs, so no guard or try/catch can catch it. Use the `process` global and call `process.{{name}}?.()`.",
      posixCall:
        "`process.{{name}}()` exists only on POSIX systems: on Windows it throws TypeError (not a function). Call it as `process.{{name}}?.()`, test `typeof process.{{name}} === 'function'` first, or guard it with `process.platform !== 'win32'`.",
      macosOnly:
        "`{{name}}` is implemented only on macOS: elsewhere `fs.lchmod`/`fs.lchmodSync` are undefined (TypeError) and `fs.promises.lchmod` rejects with ERR_METHOD_NOT_IMPLEMENTED. Test that `fs.lchmod` exists or guard it with `process.platform === 'darwin'`.",
      processGroupKill:
        "A negative pid signals a process group, which Windows does not have: `process.kill()` throws ESRCH there. Guard it with `process.platform !== 'win32'` and end the process tree another way there (e.g. `taskkill /T`).",
      posixSignal:
        "{{name}} cannot send `{{signal}}` on Windows: it emulates only SIGINT, SIGTERM, SIGKILL and 0 there and throws ENOSYS for any other signal. Send SIGTERM or SIGKILL, or guard it with `process.platform !== 'win32'`.",
      windowsSignal:
        "`{{signal}}` exists only on Windows: {{name}} throws ERR_UNKNOWN_SIGNAL for it everywhere else. Guard it with `process.platform === 'win32'`.",
      platformPackageImport:
        '`{{module}}` installs only on {{platforms}}: everywhere else this static import fails (ERR_MODULE_NOT_FOUND) before any code of the module runs, and no guard or try/catch can stop it. Load it at run time: `await import()` in try/catch or with `.catch()`, or `require()` in try/catch.',
      platformPackageLoad:
        "`{{module}}` installs only on {{platforms}}: everywhere else loading it fails (MODULE_NOT_FOUND). Catch the failure (try/catch, or `.catch()` on `import()`) or guard the load with `process.platform`.",
      useOptionalCall: 'Call it with `?.` so that it is skipped where it does not exist.',
      useProcessGlobal: 'Drop the import and call `process.{{name}}?.()` on the `process` global.',
    },
  },
  create(context) {
    return {
      Program() {
        // No early exit on an empty index: an unused import or `export … from` still fails to link.
        const analysis = analyze(context);
        const isTypeScript = isTypeScriptFile(context.filename);
        const reports = [
          ...posixImportReports(analysis, isTypeScript),
          ...apiCallReports(analysis, isTypeScript),
          ...packageLoadReports(analysis),
        ];
        for (const { node, messageId, data, suggestion } of reports) {
          context.report({ node, messageId, data, suggest: suggestion ? [suggestion] : [] });
        }
      },
    };
  },
});
