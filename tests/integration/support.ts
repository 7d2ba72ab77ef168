/** Shared helpers of the integration tests: the built plugin, throwaway projects and child runs. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type * as Cli from '../../src/cli.js';
import type { ProcessGuardPlugin } from '../../src/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLES = path.join(ROOT, 'examples');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const ESLINT_10_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
export const ESLINT_9_BIN = path.join(ROOT, 'node_modules', 'eslint-v9', 'bin', 'eslint.js');
export const CLI_BIN = path.join(ROOT, 'bin', 'process-guard.js');

/** The plugin as users load it: dist/index.js (built by tests/global-setup.ts). */
export async function loadBuiltPlugin(): Promise<ProcessGuardPlugin> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)) as { default: ProcessGuardPlugin };
  return module.default;
}

/** The module summaries' counters of the built plugin (the same module instance the plugin uses). */
export async function loadBuiltSummaryStats(): Promise<{ moduleSummaryStats(): { summarised: number; skippedByText: number }; resetModuleSummaries(): void }> {
  return (await import(pathToFileURL(path.join(ROOT, 'dist', 'analysis', 'project', 'summary-store.js')).href)) as {
    moduleSummaryStats(): { summarised: number; skippedByText: number };
    resetModuleSummaries(): void;
  };
}

/** The built CLI module. */
export async function loadBuiltCli(): Promise<typeof Cli> {
  return (await import(pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href)) as typeof Cli;
}

/**
 * Packages a throwaway project resolves from its own node_modules, as if installed there: the
 * plugin itself (this repository) and the tools from this repository's node_modules.
 */
const LINKED_PACKAGES: Record<string, string> = {
  'eslint-plugin-process-guard': ROOT,
  eslint: path.join(ROOT, 'node_modules', 'eslint'),
  'eslint-v9': path.join(ROOT, 'node_modules', 'eslint-v9'),
  'typescript-eslint': path.join(ROOT, 'node_modules', 'typescript-eslint'),
  '@typescript-eslint': path.join(ROOT, 'node_modules', '@typescript-eslint'),
  typescript: path.join(ROOT, 'node_modules', 'typescript'),
};

export interface TempProject {
  dir: string;
  remove(): void;
}

/**
 * A project in the system temp folder with the given files and the linked packages; `eslint` names
 * the package installed as `eslint` (`eslint-v9` for an ESLint 9 project).
 */
export function tempProject(files: Record<string, string>, linked = Object.keys(LINKED_PACKAGES), eslint = 'eslint'): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'process-guard-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  for (const name of linked) symlinkSync(LINKED_PACKAGES[name === 'eslint' ? eslint : name]!, path.join(dir, 'node_modules', name), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a Node.js script in a child process and collects its output (non-zero exits included). */
export function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** A finding reduced to what every host reports the same way. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** Findings from ESLint results (or `-f json` output), with paths relative to `base`. */
export function findingsOf(results: readonly EslintJsonResult[], base: string): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(base, result.filePath),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId ?? '(none)',
        message: message.message,
      })),
    )
    .sort(byPosition);
}
