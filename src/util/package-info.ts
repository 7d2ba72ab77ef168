/** The package's own name, version and home, read once from its package.json. */
import { createRequire } from 'node:module';

const manifest = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

export const PACKAGE_NAME = manifest.name;
export const PACKAGE_VERSION = manifest.version;
export const REPOSITORY_URL = 'https://github.com/process-guard/eslint-plugin-process-guard';

/** Where a rule's doc page is for this version: the release tag, so a link never shows a newer rule. */
export function ruleDocsUrl(rule: string): string {
  return `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/${rule}.md`;
}
