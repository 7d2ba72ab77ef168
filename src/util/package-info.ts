/** The package's own name, version and home, read once from its package.json. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync(ownManifest(), 'utf8')) as { name: string; version: string };

/** The nearest package.json above this module: the same from src/, dist/ and a bundled chunk. */
function ownManifest(): string {
  for (let folder = path.dirname(fileURLToPath(import.meta.url)); ; folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json');
    if (existsSync(file) || path.dirname(folder) === folder) return file;
  }
}

export const PACKAGE_NAME = manifest.name;
export const PACKAGE_VERSION = manifest.version;
export const REPOSITORY_URL = 'https://github.com/process-guard/eslint-plugin-process-guard';

/** Where a rule's doc page is for this version: the release tag, so a link never shows a newer rule. */
export function ruleDocsUrl(rule: string): string {
  return `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/${rule}.md`;
}
