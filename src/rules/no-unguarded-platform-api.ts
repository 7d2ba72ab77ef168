import { createRule } from '../util/create-rule.js';
import { isTypeScriptFile } from '../util/source-text.js';
import { PLATFORM_PROBLEMS } from './shared/platform-problems.js';
import { type MessageIds, reportOf } from './no-unguarded-platform-api-utils/reports.js';
import { analyze, importedSignalProblems, platformProblems } from '../analysis/index.js';

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
      posixImport: `${PLATFORM_PROBLEMS.posixImport}: call \`process.{{name}}?.()\`.`,
      posixCall: `${PLATFORM_PROBLEMS.posixCall}: call \`process.{{name}}?.()\`.`,
      macosOnly: `${PLATFORM_PROBLEMS.macosOnly}: guard it with \`process.platform === 'darwin'\`.`,
      processGroupKill: `${PLATFORM_PROBLEMS.processGroupKill}: guard it with \`process.platform !== 'win32'\`.`,
      posixSignal: `${PLATFORM_PROBLEMS.posixSignal}: send SIGTERM or SIGKILL there.`,
      windowsSignal: `${PLATFORM_PROBLEMS.windowsSignal}: guard it with \`process.platform === 'win32'\`.`,
      platformThrow: `${PLATFORM_PROBLEMS.platformThrow}: guard it with \`process.platform\` or catch the error.`,
      environmentThrow: `${PLATFORM_PROBLEMS.environmentThrow}: call it in try/catch.`,
      platformPackageImport: `${PLATFORM_PROBLEMS.platformPackageImport}: load it with \`import()\` in try/catch, not a static import.`,
      platformPackageLoad: `${PLATFORM_PROBLEMS.platformPackageLoad}: catch the failure to load it.`,
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
        const isTypeScript = isTypeScriptFile(context.filename);
        const problems = [...platformProblems(analysis), ...importedSignalProblems(analysis)];
        for (const problem of problems) {
          const { node, messageId, data, suggestion } = reportOf(analysis, problem, context.physicalFilename, isTypeScript);
          context.report({ node, messageId, data, suggest: suggestion ? [suggestion] : [] });
        }
      },
    };
  },
});
