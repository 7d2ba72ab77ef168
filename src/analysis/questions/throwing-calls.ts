/**
 * Calls of APIs that exist everywhere and throw on some platforms (`process.execve` on Windows) or
 * in some environments (`os.userInfo()` for a user without a name or home directory). A presence
 * test is no guard for them: only a platform guard (for the first) or a catch is. An environment is
 * not a platform the rule can prove, so those are reported only where the failure breaks something
 * bigger than the call: while the module loads (the import fails) or in a constructor (`new` fails).
 */
import { ENVIRONMENT_THROWING_CALLS, PLATFORM_THROWING_CALLS, PLATFORMS } from '../catalog/platform-apis.js';
import { refKey } from '../file/references.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import { isCaughtHere, onlyOn, type PlatformProblem, platformsAt } from './platform.js';

export function throwingCallProblems(analysis: FileAnalysis): PlatformProblem[] {
  const reports: PlatformProblem[] = [];
  for (const { node, callee } of analysis.references.invocations) {
    if (node.type !== 'CallExpression') continue;
    const key = refKey(callee);
    const name = `${callee.module}.${callee.path.join('.')}()`;
    const throwsOn = PLATFORM_THROWING_CALLS.get(key);
    const condition = ENVIRONMENT_THROWING_CALLS.get(key);
    if (throwsOn) {
      const runsOn = PLATFORMS.filter((platform) => !throwsOn.includes(platform));
      if (onlyOn(platformsAt(analysis, node), runsOn) || isCaughtHere(analysis, node)) continue;
      reports.push({ node, kind: 'platformThrow', name, platforms: throwsOn });
    } else if (condition) {
      const { when } = analysis.execution.executionOf(node);
      if (when === 'later' || isCaughtHere(analysis, node)) continue;
      reports.push({ node, kind: 'environmentThrow', name, condition, when });
    }
  }
  return reports;
}
