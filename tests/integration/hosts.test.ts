/**
 * The built plugin in the hosts users run it in: ESLint 9 and 10 (Node API and CLI), every config
 * file format with `defineConfig`, `extends` and another plugin alias, `--concurrency` and `--cache`.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import * as eslint10 from 'eslint';
import * as eslint9 from 'eslint-v9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ProcessGuardPlugin } from '../../src/index.js';
import {
  ESLINT_10_BIN,
  ESLINT_9_BIN,
  FIXTURES,
  findingsOf,
  loadBuiltPlugin,
  runNode,
  tempProject,
  type Finding,
  type TempProject,
} from './support.js';

const PROJECT = path.join(FIXTURES, 'project');
const TOP_LEVEL = 'process-guard/no-top-level-spawn';
const SELF_SPAWN = 'process-guard/no-unguarded-self-spawn';
const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

const require = createRequire(import.meta.url);
const tsParser = require('@typescript-eslint/parser') as eslint10.Linter.Parser;

// ESLint 9's types differ in details that do not matter here: both are driven through ESLint 10's.
const HOSTS = [
  { name: 'ESLint 10', api: eslint10 },
  { name: 'ESLint 9', api: eslint9 as unknown as typeof eslint10 },
];

let plugin: ProcessGuardPlugin;
beforeAll(async () => {
  plugin = await loadBuiltPlugin();
});

/** The findings of one of the plugin's first two rules, which these tests pin. */
function pinned(findings: readonly Finding[], prefix = 'process-guard'): Omit<Finding, 'message'>[] {
  return findings
    .filter((finding) => [`${prefix}/no-top-level-spawn`, `${prefix}/no-unguarded-self-spawn`].includes(finding.ruleId))
    .map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }));
}

const EXPECTED_IN_PROJECT = [
  { file: 'src/jobs.cjs', line: 3, column: 17, ruleId: TOP_LEVEL },
  { file: 'src/pool.ts', line: 3, column: 32, ruleId: TOP_LEVEL },
  { file: 'src/server.js', line: 4, column: 1, ruleId: SELF_SPAWN },
];

describe.each(HOSTS)('$name with the shipped configs', ({ api }) => {
  async function lintProject(config: 'recommended' | 'strict' | 'all'): Promise<eslint10.ESLint.LintResult[]> {
    const eslint = new api.ESLint({
      cwd: PROJECT,
      overrideConfigFile: true,
      overrideConfig: [{ files: TS_FILES, languageOptions: { parser: tsParser } }, plugin.configs[config] as eslint10.Linter.Config],
    });
    return eslint.lintFiles(['.']);
  }

  it('reports the fixture project findings at the recommended severities', async () => {
    const results = await lintProject('recommended');
    expect(pinned(findingsOf(results, PROJECT))).toEqual(EXPECTED_IN_PROJECT);
    const severities = Object.fromEntries(results.flatMap((result) => result.messages.map((message) => [message.ruleId, message.severity])));
    expect(severities).toMatchObject({ [TOP_LEVEL]: 1, [SELF_SPAWN]: 2 });
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
  });

  it('reports every finding as an error under strict and all', async () => {
    for (const config of ['strict', 'all'] as const) {
      const results = await lintProject(config);
      expect(pinned(findingsOf(results, PROJECT))).toEqual(EXPECTED_IN_PROJECT);
      expect(results.flatMap((result) => result.messages.map((message) => message.severity))).not.toContain(1);
    }
  });

  it('runs in the Linter class and offers the suggestion', () => {
    const linter = new api.Linter();
    const code = "import { fork } from 'node:child_process';\nconst child = fork('./task.js');\nexport function send(job) {\n  child.send(job);\n}\n";
    const messages = linter.verify(code, [plugin.configs.recommended as eslint10.Linter.Config], 'jobs.mjs');
    const topLevel = messages.find((message) => message.ruleId === TOP_LEVEL);
    expect(topLevel).toMatchObject({ line: 2, column: 15, severity: 1 });
    expect(topLevel?.suggestions?.map((suggestion) => suggestion.desc)).toEqual(['Create `child` on first use through `getChild()`.']);
  });

  it('lints TypeScript without type information and with it', async () => {
    const code = "import { spawn } from 'node:child_process';\nexport const tail: ReturnType<typeof spawn> = spawn('tail', ['-f', 'log']);\n";
    const untyped = new api.Linter().verify(
      code,
      [{ files: TS_FILES, languageOptions: { parser: tsParser } }, plugin.configs.recommended as eslint10.Linter.Config],
      'tail.ts',
    );
    const typedProject = tempProject(
      { 'tail.ts': code, 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', types: [] }, include: ['*.ts'] }) },
      ['typescript'],
    );
    try {
      const typed = await new api.ESLint({
        cwd: typedProject.dir,
        overrideConfigFile: true,
        overrideConfig: [
          { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: typedProject.dir } } },
          plugin.configs.recommended as eslint10.Linter.Config,
        ],
      }).lintFiles(['tail.ts']);
      const rules = (messages: readonly eslint10.Linter.LintMessage[]) => messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`);
      expect(rules(untyped)).toContain(`${TOP_LEVEL}@2:47`);
      expect(rules(typed[0]!.messages)).toEqual(rules(untyped));
    } finally {
      typedProject.remove();
    }
  });
});

describe('config files', () => {
  const SOURCES = {
    'src/server.js': "import { fork } from 'node:child_process';\n\nfork(import.meta.filename);\n",
    'src/jobs.cjs': "const { spawn } = require('node:child_process');\n\nconst tail = spawn('tail', ['-f', 'log']);\nmodule.exports = { stop: () => tail.kill() };\n",
    'package.json': JSON.stringify({ name: 'config-format-fixture', version: '1.0.0', type: 'module' }),
  };
  const EXPECTED = (prefix: string) => [
    { file: 'src/jobs.cjs', line: 3, column: 14, ruleId: `${prefix}/no-top-level-spawn` },
    { file: 'src/server.js', line: 3, column: 1, ruleId: `${prefix}/no-unguarded-self-spawn` },
  ];

  const FORMATS = [
    {
      file: 'eslint.config.js',
      what: 'a plain array',
      prefix: 'process-guard',
      text: "import processGuard from 'eslint-plugin-process-guard';\n\nexport default [processGuard.configs.recommended];\n",
    },
    {
      file: 'eslint.config.mjs',
      what: 'defineConfig, a string `extends` and the alias `guard`',
      prefix: 'guard',
      text: [
        "import { defineConfig } from 'eslint/config';",
        "import guard from 'eslint-plugin-process-guard';",
        '',
        "export default defineConfig({ files: ['src/**'], plugins: { guard }, extends: ['guard/recommended'] });",
        '',
      ].join('\n'),
    },
    {
      file: 'eslint.config.cjs',
      what: 'CommonJS, `extends` of the config object and rules under the alias `pg`',
      prefix: 'pg',
      text: [
        "const { defineConfig } = require('eslint/config');",
        "const processGuard = require('eslint-plugin-process-guard');",
        '',
        'module.exports = defineConfig(',
        '  { extends: [processGuard.configs.recommended] },',
        "  { plugins: { pg: processGuard }, rules: { 'process-guard/no-top-level-spawn': 'off', 'process-guard/no-unguarded-self-spawn': 'off', 'pg/no-top-level-spawn': 'warn', 'pg/no-unguarded-self-spawn': 'error' } },",
        ');',
        '',
      ].join('\n'),
    },
    {
      file: 'eslint.config.ts',
      what: 'TypeScript with defineConfig and typescript-eslint',
      prefix: 'process-guard',
      text: [
        "import { defineConfig } from 'eslint/config';",
        "import tseslint from 'typescript-eslint';",
        "import processGuard from 'eslint-plugin-process-guard';",
        '',
        '// tsconfigRootDir as typescript-eslint asks for when more than one config is loaded in a process',
        'export default defineConfig(tseslint.configs.base, { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } }, { extends: [processGuard.configs.recommended] });',
        '',
      ].join('\n'),
    },
  ];

  // Under Node.js, ESLint loads TypeScript config files through the optional `jiti` package (native
  // type stripping only behind its `unstable_native_nodejs_ts_config` flag).
  const loadsTypeScriptConfigs = canResolve('jiti');

  describe.each(HOSTS)('$name', ({ api }) => {
    for (const format of FORMATS) {
      const skip = format.file.endsWith('.ts') && !loadsTypeScriptConfigs;
      it.skipIf(skip)(`loads ${format.file} (${format.what})`, async () => {
        const project = tempProject({ ...SOURCES, [format.file]: format.text });
        try {
          const results = await new api.ESLint({ cwd: project.dir }).lintFiles(['src']);
          expect(pinned(findingsOf(results, project.dir), format.prefix)).toEqual(EXPECTED(format.prefix));
        } finally {
          project.remove();
        }
      });
    }
  });
});

describe('the ESLint CLI on the fixture project', () => {
  let project: TempProject;
  let baseline: Finding[];

  beforeAll(async () => {
    project = tempProject({});
    cpSync(PROJECT, project.dir, { recursive: true });
    const results = await new eslint10.ESLint({ cwd: project.dir }).lintFiles(['.']);
    baseline = findingsOf(results, project.dir);
    expect(pinned(baseline)).toEqual(EXPECTED_IN_PROJECT);
  });
  afterAll(() => project.remove());

  async function cli(bin: string, ...args: string[]): Promise<Finding[]> {
    const run = await runNode([bin, '--format', 'json', ...args, '.'], { cwd: project.dir });
    expect(run.code, run.stderr).toBe(1);
    return findingsOf(JSON.parse(run.stdout) as eslint10.ESLint.LintResult[], project.dir);
  }

  it('reports the same findings with --concurrency 2 in ESLint 10 and 9', async () => {
    const [ten, nine] = await Promise.all([cli(ESLINT_10_BIN, '--concurrency', '2'), cli(ESLINT_9_BIN, '--concurrency', '2')]);
    expect(ten).toEqual(baseline);
    expect(nine).toEqual(baseline);
  });

  it('reports the same findings from --cache, and notices an edited file', async () => {
    const cacheFile = path.join(project.dir, '.cache', 'eslint');
    const cached = (): Promise<Finding[]> => cli(ESLINT_10_BIN, '--cache', '--cache-location', cacheFile);
    expect(await cached()).toEqual(baseline);
    expect(existsSync(cacheFile)).toBe(true);
    expect(readFileSync(cacheFile, 'utf8')).toContain(path.join('src', 'server.js'));
    expect(await cached()).toEqual(baseline);

    const lazy = path.join(project.dir, 'src', 'lazy.mjs');
    writeFileSync(lazy, `${readFileSync(lazy, 'utf8')}\nstart();\n`);
    const afterEdit = await cached();
    expect(pinned(afterEdit)).toContainEqual({ file: 'src/lazy.mjs', line: 4, column: 10, ruleId: TOP_LEVEL });
  });
});

function canResolve(specifier: string): boolean {
  try {
    require.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}
