// Tools' configuration files and test files through the real ESLint class: no-top-level-spawn leaves
// a file a tool loads as its configuration (or part of one) and a test file nothing imports alone,
// and reports their twins (tests/support/tool-config-project.ts).
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { findingsOf, loadBuiltPlugin, tempProject, type TempProject } from './support.js';
import { TEST_FILES, TOOL_CONFIG_PROJECT, TOOL_CONFIGS } from '../support/tool-config-project.js';

const projects: TempProject[] = [];
afterAll(() => {
  for (const project of projects.splice(0)) project.remove();
});

describe('tool configuration files and test files', () => {
  it('are left alone by no-top-level-spawn, as are test files nothing imports; the modules around them are not', async () => {
    const project = tempProject(TOOL_CONFIG_PROJECT, []);
    projects.push(project);
    const plugin = await loadBuiltPlugin();
    const configs: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { plugins: { 'process-guard': plugin as never }, rules: { 'process-guard/no-top-level-spawn': 'error' } },
    ];
    const results = await new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configs }).lintFiles(['.']);
    const reported = new Set(findingsOf(results, project.dir).map((finding) => finding.file.split(path.sep).join('/')));
    const expected = [...TOOL_CONFIGS.filter(([, tool]) => tool === undefined), ...TEST_FILES.filter(([, left]) => !left)].map(([file]) => file);
    expect([...reported].sort()).toEqual([...expected].sort());
  });
});
