/**
 * `--show-suggestions`: renders every suggestion of the lint results as a small line diff, so a
 * terminal user sees what the editor quick fix would change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint, Rule } from 'eslint';

export interface Paint {
  removed(text: string): string;
  added(text: string): string;
  dim(text: string): string;
}

export const NO_PAINT: Paint = { removed: (t) => t, added: (t) => t, dim: (t) => t };

interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
  /** Line number in the original file (removed and unchanged lines). */
  line?: number;
}

/** One block per finding with suggestions: `file:line:column  rule`, then each suggestion and its diff. */
export function renderSuggestions(results: readonly ESLint.LintResult[], cwd: string, paint: Paint): string {
  const blocks: string[] = [];
  for (const result of results) {
    const findings = result.messages.filter((message) => message.suggestions?.length);
    if (findings.length === 0) continue;
    const source = result.source ?? readFileSync(result.filePath, 'utf8');
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const finding of findings) {
      const lines = [`${file}:${finding.line}:${finding.column}  ${paint.dim(finding.ruleId ?? '')}`, `  ${finding.message}`];
      for (const suggestion of finding.suggestions ?? []) {
        lines.push(`  suggestion: ${suggestion.desc}`);
        for (const diffLine of diffOf(source, suggestion.fix)) {
          const number = diffLine.line === undefined ? '' : String(diffLine.line);
          const text = `${number.padStart(6)} ${diffLine.kind} ${diffLine.text}`;
          lines.push(diffLine.kind === '-' ? paint.removed(text) : diffLine.kind === '+' ? paint.added(text) : paint.dim(text));
        }
      }
      blocks.push(lines.join('\n'));
    }
  }
  return blocks.length === 0 ? '' : `Suggestions:\n\n${blocks.join('\n\n')}\n`;
}

/** The whole lines a fix touches, before and after, reduced to the lines that differ plus their neighbours. */
export function diffOf(source: string, fix: Rule.Fix): DiffLine[] {
  const [from, to] = fix.range;
  const start = from === 0 ? 0 : source.lastIndexOf('\n', from - 1) + 1;
  const newline = source.indexOf('\n', to);
  const end = newline === -1 ? source.length : newline;
  const before = source.slice(start, end).split('\n');
  const after = (source.slice(start, from) + fix.text + source.slice(to, end)).split('\n');
  const firstLine = countNewlines(source, start) + 1;
  return withContext(lineDiff(before, after, firstLine), 1);
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** A longest-common-subsequence line diff; the regions suggestions touch are a few dozen lines at most. */
function lineDiff(before: readonly string[], after: readonly string[], firstLine: number): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // common[i * (m + 1) + j] = length of the LCS of before[i..] and after[j..]
  const common = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i * (m + 1) + j] =
        before[i] === after[j]
          ? common[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(common[(i + 1) * (m + 1) + j]!, common[i * (m + 1) + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      lines.push({ kind: ' ', text: before[i]!, line: firstLine + i });
      i++;
      j++;
    } else if (i < n && (j === m || common[(i + 1) * (m + 1) + j]! >= common[i * (m + 1) + j + 1]!)) {
      // removals before additions, as unified diffs show them
      lines.push({ kind: '-', text: before[i]!, line: firstLine + i });
      i++;
    } else {
      lines.push({ kind: '+', text: after[j]! });
      j++;
    }
  }
  return lines;
}

/** Keeps changed lines and `context` unchanged lines around each run of changes; longer gaps become `…`. */
function withContext(lines: readonly DiffLine[], context: number): DiffLine[] {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const kept: DiffLine[] = [];
  let skipped = false;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (skipped && kept.length > 0) kept.push({ kind: ' ', text: '…' });
      kept.push(line);
      skipped = false;
    } else {
      skipped = true;
    }
  });
  return kept;
}
