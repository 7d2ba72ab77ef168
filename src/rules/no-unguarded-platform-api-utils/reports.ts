/** What the rule's finders return, and the platform checks they share. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Platform } from '../../analysis/index.js';


export type MessageIds =
  | 'posixImport'
  | 'posixCall'
  | 'macosOnly'
  | 'processGroupKill'
  | 'posixSignal'
  | 'windowsSignal'
  | 'platformThrow'
  | 'environmentThrow'
  | 'platformPackageImport'
  | 'platformPackageLoad'
  | 'useOptionalCall'
  | 'useProcessGlobal';

type SuggestionIds = 'useOptionalCall' | 'useProcessGlobal';

/** A problem found, with the one suggestion it may offer (the rule turns it into a report). */
export interface Report {
  readonly node: TSESTree.Node;
  readonly messageId: Exclude<MessageIds, SuggestionIds>;
  readonly data?: Record<string, string>;
  readonly suggestion?: {
    readonly messageId: SuggestionIds;
    readonly data?: Record<string, string>;
    readonly fix: TSESLint.ReportFixFunction;
  };
}

/** Whether code that can run only on `platforms` runs only where the API exists (`allowed`). */
export function onlyOn(platforms: ReadonlySet<Platform>, allowed: readonly Platform[]): boolean {
  return [...platforms].every((platform) => allowed.includes(platform));
}

const PLATFORM_NAMES: Partial<Record<Platform, string>> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** `macOS`, `Linux and macOS`: platform names for messages. */
export function describePlatforms(platforms: readonly Platform[]): string {
  const names = platforms.map((platform) => PLATFORM_NAMES[platform] ?? platform);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
