/**
 * The built plugin as an oxlint JS plugin (`jsPlugins`, no type information): over the examples it
 * must report exactly what ESLint reports with the same rules.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { byPosition, EXAMPLES, findingsOf, loadBuiltPlugin, ROOT, runNode, tempProject, type Finding } from './support.js';

const require = createRequire(import.meta.url);
const OXLINT_BIN = path.join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

describe('oxlint', () => {
  it('reports the same findings as ESLint on the examples', async () => {
    const plugin = await loadBuiltPlugin();
    const rules = plugin.configs.all.rules;

    const eslint = new ESLint({
      cwd: EXAMPLES,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: require('@typescript-eslint/parser') as Linter.Parser } },
        plugin.configs.all as Linter.Config,
      ],
    });
    const fromEslint = findingsOf(await eslint.lintFiles(['.']), EXAMPLES);

    // a config of our rules only: oxlint's own default rules are switched off
    const project = tempProject({
      '.oxlintrc.json': JSON.stringify({ jsPlugins: [path.join(ROOT, 'dist', 'index.js')], categories: { correctness: 'off' }, rules }),
    }, []);
    let fromOxlint: Finding[];
    try {
      const run = await runNode([OXLINT_BIN, '-c', path.join(project.dir, '.oxlintrc.json'), '--format', 'json', EXAMPLES], { cwd: project.dir });
      expect(run.code, run.stderr).toBe(1);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] };
      fromOxlint = diagnostics
        .map((diagnostic) => ({
          file: path.relative(EXAMPLES, diagnostic.filename),
          line: diagnostic.labels[0]!.span.line,
          column: diagnostic.labels[0]!.span.column,
          // oxlint spells `process-guard/rule` as `process-guard(rule)`
          ruleId: diagnostic.code.replace(/^(.+)\((.+)\)$/, '$1/$2'),
          message: diagnostic.message,
        }))
        .sort(byPosition);
    } finally {
      project.remove();
    }

    expect(fromEslint.length).toBeGreaterThan(0);
    expect(fromOxlint).toEqual(fromEslint);
    expect(fromOxlint).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'cluster-server.cjs', line: 8, column: 3, ruleId: 'process-guard/no-unguarded-self-spawn' }),
        expect.objectContaining({ file: 'job-runner.js', line: 5, column: 16, ruleId: 'process-guard/no-top-level-spawn' }),
      ]),
    );
  });
});
