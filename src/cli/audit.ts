/**
 * `process-guard --audit-dependencies [project]`: walks the installed dependencies of a project, breadth
 * first from its package.json and its workspaces' (`dependencies`, `optionalDependencies`, and the
 * `devDependencies` of the project's own packages), resolving each as Node does from the package that
 * declares it (npm's flat tree, yarn's nested copies, pnpm's `.pnpm` links), and lists what each
 * package's own load does (no-hazardous-dependency's analysis, cached the same way) with the shortest
 * dependency path from the project. A declared dependency that is not installed is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint } from 'eslint';

import { installedLoad, type DependencyReader, type InstalledLoad, type LoadKind, type PackageHazard } from '../analysis/index.js';
import plugin from '../index.js';
import { loadFactsOf } from '../rules/no-hazardous-dependency-utils/load-facts.js';
import { toSarif } from '../sarif.js';
import type { ProgressStream } from './progress.js';

export type AuditFormat = 'stylish' | 'json' | 'sarif';

/** One package whose load does something, with the path the project reaches it by. */
export interface AuditFinding {
  readonly package: string;
  readonly version: string | undefined;
  readonly folder: string;
  readonly path: readonly string[];
  readonly hazards: readonly PackageHazard[];
}

export interface AuditResult {
  readonly packages: number;
  readonly findings: readonly AuditFinding[];
}

const RULE_ID = 'process-guard/no-hazardous-dependency';
const SHOW_AFTER_PACKAGES = 50;
const REFRESH_MS = 100;

/** Walks the tree of the project in `root`; `progress` gets a line on long runs. */
export function auditDependencies(root: string, progress?: ProgressStream): AuditResult {
  const reader: DependencyReader = { settings: {}, factsOf: loadFactsOf };
  const own = [root, ...workspaceFolders(root)];
  const queue: { folder: string; path: readonly string[]; names: readonly string[] }[] = own.map((folder) => ({
    folder,
    path: [labelOf(folder)],
    names: declaredDependencies(folder, true),
  }));
  const seen = new Set<string>(own);
  const findings: AuditFinding[] = [];
  let lastWrite = 0;
  for (let index = 0; index < queue.length; index += 1) {
    const parent = queue[index];
    if (!parent) continue;
    for (const name of parent.names) {
      const load = loadOf(parent.folder, name, reader);
      if (!load || seen.has(load.folder)) continue;
      seen.add(load.folder);
      const label = `${load.name}@${load.version ?? '?'}`;
      const reached = [...parent.path, label];
      if (load.hazards.length > 0) findings.push({ package: load.name, version: load.version, folder: load.folder, path: reached, hazards: load.hazards });
      queue.push({ folder: load.folder, path: reached, names: declaredDependencies(load.folder, false) });
    }
    if (progress?.isTTY && seen.size >= SHOW_AFTER_PACKAGES && Date.now() - lastWrite >= REFRESH_MS) {
      progress.write(`\rprocess-guard: ${seen.size - own.length} packages read…`);
      lastWrite = Date.now();
    }
  }
  if (lastWrite > 0) progress?.write('\r\x1b[2K');
  return { packages: seen.size - own.length, findings };
}

/** The package's load as `require()` finds it, else as `import` does (an ESM-only package). */
function loadOf(folder: string, name: string, reader: DependencyReader): InstalledLoad | undefined {
  const from = path.join(folder, 'package.json');
  const kinds: LoadKind[] = ['require', 'import'];
  for (const kind of kinds) {
    const load = installedLoad(from, name, kind, reader);
    if (load) return load;
  }
  return undefined;
}

function readManifest(folder: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function labelOf(folder: string): string {
  const { name, version } = readManifest(folder);
  return typeof name === 'string' ? `${name}${typeof version === 'string' ? `@${version}` : ''}` : path.basename(folder);
}

function declaredDependencies(folder: string, ownPackage: boolean): string[] {
  const manifest = readManifest(folder);
  const fields = ownPackage ? ['dependencies', 'optionalDependencies', 'devDependencies'] : ['dependencies', 'optionalDependencies'];
  const names = fields.flatMap((field) => {
    const value = manifest[field];
    return typeof value === 'object' && value !== null ? Object.keys(value) : [];
  });
  return [...new Set(names)].sort();
}

/** The workspace folders of npm and yarn (`workspaces`, an array or `{ packages }`) and pnpm (`pnpm-workspace.yaml`); `dir/*` patterns only. */
function workspaceFolders(root: string): string[] {
  const { workspaces } = readManifest(root);
  const patterns = Array.isArray(workspaces) ? workspaces : typeof workspaces === 'object' && workspaces !== null ? (workspaces as { packages?: unknown }).packages : undefined;
  const listed = Array.isArray(patterns) ? patterns.filter((pattern): pattern is string => typeof pattern === 'string') : pnpmWorkspaces(root);
  return listed.flatMap((pattern) => {
    const clean = pattern.replace(/\/+$/, '');
    if (!clean.endsWith('/*')) return [path.join(root, clean)];
    const parent = path.join(root, clean.slice(0, -2));
    try {
      return readdirSync(parent, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(parent, entry.name));
    } catch {
      return [];
    }
  });
}

/** The `packages:` list of pnpm-workspace.yaml, as its `- 'pattern'` lines write it. */
function pnpmWorkspaces(root: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [];
  }
  const block = /^packages:\s*\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(text)?.[1] ?? '';
  return [...block.matchAll(/-\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/gm)].flatMap(([, pattern]) => (pattern && !pattern.startsWith('!') ? [pattern.trim()] : []));
}

/** The audit in one of the CLI's formats: a table, JSON, or SARIF (one result per hazard, at its file inside the package). */
export function formatAudit(result: AuditResult, format: AuditFormat, cwd: string): string {
  if (format === 'json') return `${JSON.stringify(result.findings.map(({ folder, ...finding }) => ({ ...finding, folder: path.relative(cwd, folder) })), null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif({ results: result.findings.flatMap((finding) => finding.hazards.map((hazard) => lintResult(finding, hazard))), rulesMeta: { [RULE_ID]: plugin.rules?.['no-hazardous-dependency']?.meta }, ruleLevels: { [RULE_ID]: 2 }, cwd }), null, 2)}\n`;
  const rows = result.findings.flatMap((finding) =>
    finding.hazards.map((hazard) => [`${finding.package}@${finding.version ?? '?'}`, hazard.what, `${hazard.file}:${hazard.line}`, finding.path.join(' > ')]),
  );
  if (rows.length === 0) return '';
  const header = ['package', 'on load', 'where', 'path'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** A hazard as ESLint would give it, at its file inside the package, for the SARIF writer. */
function lintResult(finding: AuditFinding, hazard: PackageHazard): ESLint.LintResult {
  const messages = [
    {
      ruleId: RULE_ID,
      severity: 2 as const,
      message: `Loading \`${finding.package}@${finding.version ?? '?'}\` ${hazard.what} (reached by ${finding.path.join(' > ')}).`,
      line: hazard.line,
      column: 1,
    },
  ];
  return {
    filePath: path.join(finding.folder, hazard.file),
    messages,
    suppressedMessages: [],
    errorCount: messages.length,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
