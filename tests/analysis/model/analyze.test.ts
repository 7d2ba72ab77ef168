import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { FileAnalysis } from '../../../src/analysis/contract/file-analysis.js';
import { analyze } from '../../../src/analysis/model/analyze.js';
import { refKey } from '../../../src/analysis/file/references.js';
import { UNKNOWN_PART } from '../../../src/analysis/file/values.js';
import { analyzeCode } from '../../support/analyze-code.js';
import { ALL_FILES, languageOptionsFor } from '../../support/languages.js';

type Context = Parameters<typeof analyze>[0];

/** Runs `inspect` in each of `rules` rules of one lint of `code`, in order. */
function lintWith(code: string, rules: number, inspect: (context: Context, rule: number) => void, settings: Record<string, unknown> = {}): void {
  const plugin = {
    rules: Object.fromEntries(
      Array.from({ length: rules }, (_, rule) => [
        `r${rule}`,
        {
          create: (context: Context) => ({
            Program() {
              inspect(context, rule);
            },
          }),
        },
      ]),
    ),
  };
  const ruleConfig = Object.fromEntries(Array.from({ length: rules }, (_, rule) => [`test/r${rule}`, 'error']));
  const messages = new Linter().verify(
    code,
    [{ files: ALL_FILES, plugins: { test: plugin as never }, rules: ruleConfig as never, languageOptions: languageOptionsFor('esm'), settings }],
    'file.mjs',
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
}

describe('one analysis per file', () => {
  it('is shared by every rule of a lint', () => {
    const seen: FileAnalysis[] = [];
    lintWith(`import { spawn } from 'node:child_process';\nspawn('ls');`, 3, (context) => seen.push(analyze(context)));
    expect(seen).toHaveLength(3);
    expect(seen.every((analysis) => analysis === seen[0])).toBe(true);
  });

  it('is built again for other settings', () => {
    lintWith(`spawn('ls');`, 1, (context) => {
      const first = analyze(context);
      const other = analyze({ ...pick(context), settings: { 'process-guard': { crossFile: false } } });
      // Compared by identity: a failed toBe would print two whole analyses.
      expect(other === first).toBe(false);
      expect(other.settings.crossFile).toBe(false);
      expect(first.settings.crossFile).toBe(true);
    });
  });

  it('is new for each file', () => {
    const first = analyzeCode(`import { spawn } from 'node:child_process';\nspawn('ls');`);
    const second = analyzeCode(`import { spawn } from 'node:child_process';\nspawn('ls');`);
    expect(second === first).toBe(false);
    expect(second.starters).toHaveLength(1);
  });
});

describe('what the analysis holds', () => {
  it('finds the starts of a file that names a starter module', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';\nspawn('ls');`);
    expect(analysis.namesHazard).toBe(true);
    expect(analysis.starters.map((site) => refKey(site.callee))).toEqual(['child_process:spawn']);
  });

  it('has no starts for a file that names no starter module or hazardous API, and still answers about its references', () => {
    const analysis = analyzeCode(`import path from 'node:path';\npath.join('a', 'b');`);
    expect(analysis.namesHazard).toBe(false);
    expect(analysis.starters).toEqual([]);
    expect(analysis.references.loads.map((load) => load.module)).toEqual(['path']);
    expect(analysis.summaries.wrapperCalls).toEqual([]);
  });

  it('builds the other models of the file on request', () => {
    const analysis = analyzeCode(`import { fork } from 'node:child_process';\nfunction run(file) { fork(file); }\nrun('./w.js');`);
    expect(analysis.fileModel.moduleSystem).toBe('esm');
    expect(analysis.execution).toBeDefined();
    expect(analysis.summaries.wrapperCalls.map((call) => analysis.sourceCode.getText(call.call))).toEqual([`run('./w.js')`]);
    expect(analysis.values.strings(analysis.starters[0]!.target!).every((possible) => possible.value.includes(UNKNOWN_PART))).toBe(true);
    expect(analysis.runnerPlatforms).toBeUndefined();
  });

  it('follows the settings: a configured starter is a start', () => {
    const settings = { 'process-guard': { starters: [{ module: '@acme/jobs', path: 'start', target: { role: 'command', argument: 0 } }] } };
    const analysis = analyzeCode(`import { start } from '@acme/jobs';\nstart('job');`, 'esm', settings);
    expect(analysis.namesHazard).toBe(true);
    expect(analysis.starters).toHaveLength(1);
  });
});

function pick(context: Context): Context {
  const { sourceCode, settings, filename, physicalFilename, cwd, languageOptions } = context;
  return { sourceCode, settings, filename, physicalFilename, cwd, languageOptions };
}
