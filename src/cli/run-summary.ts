/**
 * What a run says on stderr besides the report: how many files were linted and what they hold, and
 * the files it met but could not lint, one line per kind with a count (`--verbose` lists the files
 * under each line). The same lines whether or not there are findings, so a log always says what the
 * verdict covers.
 */
import path from 'node:path';

import type { ESLint } from 'eslint';

/** Files the run met and left out of the report, by why. */
export class SkippedFiles {
  readonly typescript = new Set<string>();
  readonly flow = new Set<string>();
  readonly minified = new Set<string>();

  has(file: string): boolean {
    return this.typescript.has(file) || this.flow.has(file) || this.minified.has(file);
  }

  get size(): number {
    return this.typescript.size + this.flow.size + this.minified.size;
  }
}

export interface RunSummary {
  linted: readonly ESLint.LintResult[];
  /** Files that do not parse and are not in the report (without `--report-parse-errors`). */
  unparsed: readonly ESLint.LintResult[];
  skipped: SkippedFiles;
  typescriptParser: string;
  verbose: boolean;
  cwd: string;
}

export function summaryLines({ linted, unparsed, skipped, typescriptParser, verbose, cwd }: RunSummary): string[] {
  const errors = linted.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = linted.reduce((sum, result) => sum + result.warningCount, 0);
  const problems = errors + warnings === 0 ? 'no problems' : `${count(errors + warnings, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')})`;
  const lines = [`${count(linted.length, 'file')} linted, ${problems}`];
  const relative = (file: string) => path.relative(cwd, file) || file;
  const kind = (header: string, files: readonly string[], hint = '') => {
    if (files.length === 0) return;
    if (!verbose) {
      lines.push(`${header}${hint}`);
      return;
    }
    lines.push(`${header}${hint || ':'}`, ...files.map((file) => `  ${file}`));
  };
  kind(
    `${count(unparsed.length, 'file')} not parsed`,
    unparsed.map((result) => {
      const error = result.messages.find((message) => message.fatal);
      return `${relative(result.filePath)}:${error?.line ?? 0}:${error?.column ?? 0} ${error?.message ?? ''}`;
    }),
    verbose ? '' : ` (--verbose lists ${unparsed.length === 1 ? 'it' : 'them'})`,
  );
  kind(`${count(skipped.typescript.size, 'TypeScript file')} skipped`, [...skipped.typescript].map(relative), `: install ${typescriptParser} to lint them`);
  kind(`${count(skipped.flow.size, 'Flow file')} skipped`, [...skipped.flow].map(relative));
  kind(`${count(skipped.minified.size, 'minified file')} skipped`, [...skipped.minified].map(relative));
  return lines;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
