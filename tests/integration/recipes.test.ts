/**
 * Every recipe works as written: each block of the README and docs/ that a user copies is marked
 * `<!-- recipe: NAME -->` before its fence, and this file runs it in a scratch project with the built
 * plugin: the configs with ESLint 10 and 9 (the TypeScript one with typescript-eslint, as
 * `eslint.config.js` and `.ts`) over a `.ts`, `.js`, `.mjs` and `.cjs` file that each start a
 * process at load, the CLI commands, the lint-staged configs in a git repository, the CI step's
 * SARIF and the oxlint config. A marked block that disappears, or one this file does not run, fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CLI_BIN, ESLINT_10_BIN, ESLINT_9_BIN, findingsOf, ROOT, runNode, tempProject, type ChildRun, type TempProject } from './support.js';

const TOP_LEVEL = 'process-guard/no-top-level-spawn';
const MARKER = /^<!-- recipe: ([\w-]+) -->$/;
const FENCE = /^(`{3,})(\w*)$/;

interface Recipe {
  info: string;
  code: string;
}

/** The marked blocks of one Markdown file, by name. */
function recipesIn(file: string): Map<string, Recipe> {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const found = new Map<string, Recipe>();
  lines.forEach((line, index) => {
    const name = MARKER.exec(line)?.[1];
    if (!name) return;
    const fence = FENCE.exec(lines[index + 1] ?? '');
    if (!fence) throw new Error(`${file}:${index + 1}: the recipe marker "${name}" is not right before a code fence`);
    const end = lines.indexOf(fence[1]!, index + 2);
    found.set(name, { info: fence[2]!, code: `${lines.slice(index + 2, end).join('\n')}\n` });
  });
  return found;
}

const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const RECIPES = new Map(DOCS.flatMap((file) => [...recipesIn(file)]));

function recipe(name: string): string {
  const found = RECIPES.get(name);
  if (!found) throw new Error(`no block marked <!-- recipe: ${name} --> in ${DOCS.join(', ')}`);
  return found.code;
}

/** A process started at load in each module system; the TypeScript one with a type annotation. */
const HAZARDS = {
  'src/job.ts': "import { fork } from 'node:child_process';\nexport const child: ReturnType<typeof fork> = fork('./worker.js');\n",
  'src/job.js': "import { fork } from 'node:child_process';\nexport const child = fork('./worker.js');\n",
  'src/job.mjs': "import { fork } from 'node:child_process';\nexport const child = fork('./worker.js');\n",
  'src/job.cjs': "const { fork } = require('node:child_process');\nconst child = fork('./worker.js');\nmodule.exports = { child };\n",
  // a JavaScript project's declarations: never handed to a parser that cannot read them
  'src/job.d.ts': 'export declare const child: unknown;\n',
};
const JS_HAZARDS = ['src/job.cjs', 'src/job.js', 'src/job.mjs'];
const ALL_HAZARDS = [...JS_HAZARDS, 'src/job.ts'];
const PACKAGE = JSON.stringify({ name: 'recipe', version: '1.0.0', type: 'module' });

/** The files where no-top-level-spawn reports on line 2, and the problems of no rule (parse errors, unused directives). */
function summary(run: ChildRun, dir: string): { reported: string[]; fatal: string[] } {
  const results = JSON.parse(run.stdout) as Parameters<typeof findingsOf>[0];
  const findings = findingsOf(results, dir);
  return {
    reported: [...new Set(findings.filter((finding) => finding.ruleId === TOP_LEVEL && finding.line === 2).map((finding) => finding.file))].sort(),
    fatal: findings.filter((finding) => finding.ruleId === '(none)').map((finding) => `${finding.file}: ${finding.message}`),
  };
}

async function withProject<T>(files: Record<string, string>, run: (project: TempProject) => Promise<T>, eslint = 'eslint'): Promise<T> {
  const project = tempProject(files, undefined, eslint);
  try {
    return await run(project);
  } finally {
    project.remove();
  }
}

const HOSTS = [
  { name: 'ESLint 10', bin: ESLINT_10_BIN, eslint: 'eslint' },
  { name: 'ESLint 9', bin: ESLINT_9_BIN, eslint: 'eslint-v9' },
];

const CONFIGS: { recipe: string; file: string; extra: Record<string, string>; reported: string[] }[] = [
  { recipe: 'eslint-config', file: 'eslint.config.js', extra: {}, reported: JS_HAZARDS },
  { recipe: 'eslint-config-ts', file: 'eslint.config.js', extra: {}, reported: ALL_HAZARDS },
  { recipe: 'eslint-config-ts', file: 'eslint.config.ts', extra: {}, reported: ALL_HAZARDS },
  { recipe: 'settings', file: 'eslint.config.js', extra: {}, reported: JS_HAZARDS },
  {
    recipe: 'settings-shim-aware',
    file: 'eslint.config.js',
    // npm through the declared shim-aware wrapper: not a .cmd shim started without a shell
    extra: { 'src/install.js': "import { run } from '@acme/proc';\n\nexport function install() {\n  run('npm', ['install']);\n}\n" },
    reported: JS_HAZARDS,
  },
];

describe.concurrent.each(HOSTS)('$name', ({ bin, eslint }) => {
  it.each(CONFIGS)('$recipe as $file reports the hazard in $reported', async (config) => {
    const files = { ...HAZARDS, ...config.extra, 'package.json': PACKAGE, [config.file]: recipe(config.recipe), 'src/cli.mjs': recipe('silence') };
    await withProject(
      files,
      async ({ dir }) => {
        const run = await runNode([bin, '--format', 'json', '.'], { cwd: dir });
        // no-top-level-spawn warns in recommended
        expect(run.code, run.stderr).toBe(0);
        expect(summary(run, dir)).toEqual({ reported: config.reported, fatal: [] });
        const findings = findingsOf(JSON.parse(run.stdout) as Parameters<typeof findingsOf>[0], dir);
        // the silenced line: no finding and no unused-directive warning
        expect(findings.filter((finding) => finding.file === 'src/cli.mjs')).toEqual([]);
        expect(findings.filter((finding) => finding.file === 'src/install.js')).toEqual([]);
      },
      eslint,
    );
  });
});

/** The zero-config CLI, as `npx` would run it from the project's node_modules/.bin. */
const CLI_COMMAND = /^npx (?:-p \S+ )*(?:eslint-plugin-process-guard|process-guard)\b/;

function cliArgs(line: string): string[] {
  const command = line.replace(/\s+#.*$/, '').trim();
  expect(command).toMatch(CLI_COMMAND);
  return command.replace(CLI_COMMAND, '').trim().split(/\s+/).filter(Boolean);
}

describe.concurrent('the zero-config CLI', () => {
  const commands = [...recipe('cli').trim().split('\n'), ...recipe('cli-npx').trim().split('\n')];
  it.each(commands)('%s', async (line) => {
    // the current folder is `project`, with `src` and `bin` folders and an `other-project` beside it
    const files = { ...HAZARDS, 'bin/job.js': HAZARDS['src/job.js'], 'package.json': PACKAGE };
    const nested = Object.fromEntries(Object.entries(files).flatMap(([file, text]) => [[`project/${file}`, text], [`other-project/${file}`, text]]));
    await withProject(nested, async ({ dir }) => {
      const cwd = path.join(dir, 'project');
      const args = cliArgs(line);
      const run = await runNode([CLI_BIN, ...args, '--format', 'json'], { cwd });
      // warnings fail the run only under --max-warnings
      expect(run.code, run.stderr).toBe(args.includes('--max-warnings') ? 1 : 0);
      const { reported, fatal } = summary(run, cwd);
      expect(fatal).toEqual([]);
      expect(reported.map((file) => path.basename(file)).sort()).toEqual(expect.arrayContaining(['job.cjs', 'job.js', 'job.mjs', 'job.ts']));
    });
  });

  it("the CI step's SARIF", async () => {
    const step = /run: (npx process-guard .*) > results\.sarif/.exec(recipe('github-actions'))?.[1];
    expect(step).toBeDefined();
    await withProject({ ...HAZARDS, 'package.json': PACKAGE }, async ({ dir }) => {
      const run = await runNode([CLI_BIN, ...cliArgs(step!)], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const sarif = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain(TOP_LEVEL);
    });
  });
});

const LINT_STAGED_BIN = path.join(ROOT, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js');
const GIT_ENV = { GIT_AUTHOR_NAME: 'recipe', GIT_AUTHOR_EMAIL: 'recipe@example.com', GIT_COMMITTER_NAME: 'recipe', GIT_COMMITTER_EMAIL: 'recipe@example.com' };

describe.concurrent('lint-staged', () => {
  it.each(['lint-staged', 'lint-staged-cli'])('%s stops the commit on the staged hazards', async (name) => {
    const manifest = { ...(JSON.parse(PACKAGE) as object), ...(JSON.parse(recipe(name)) as object) };
    const files = { ...HAZARDS, 'package.json': JSON.stringify(manifest, null, 2), 'eslint.config.js': recipe('eslint-config-ts') };
    await withProject(files, async ({ dir }) => {
      // what npm install writes: the commands in node_modules/.bin
      mkdirSync(path.join(dir, 'node_modules', '.bin'));
      symlinkSync(path.join('..', 'eslint', 'bin', 'eslint.js'), path.join(dir, 'node_modules', '.bin', 'eslint'));
      symlinkSync(path.join('..', 'eslint-plugin-process-guard', 'bin', 'process-guard.js'), path.join(dir, 'node_modules', '.bin', 'process-guard'));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });
      writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
      git('init', '--quiet');
      git('add', '.gitignore');
      git('commit', '--quiet', '-m', 'init');
      git('add', '.');
      const run = await runNode([LINT_STAGED_BIN], { cwd: dir, env: GIT_ENV });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const output = run.stdout + run.stderr;
      for (const file of ALL_HAZARDS) expect(output).toContain(path.basename(file));
      expect(output).toContain(TOP_LEVEL);
    });
  });
});

describe('oxlint', () => {
  it('the .oxlintrc.json reports the hazards', async () => {
    await withProject({ ...HAZARDS, 'package.json': PACKAGE, '.oxlintrc.json': recipe('oxlintrc') }, async ({ dir }) => {
      const run = await runNode([path.join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint'), '--format', 'json', 'src'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; filename: string }[] };
      const reported = diagnostics.filter((diagnostic) => diagnostic.code.endsWith('(no-top-level-spawn)')).map((diagnostic) => path.basename(diagnostic.filename));
      expect([...new Set(reported)].sort()).toEqual(['job.cjs', 'job.js', 'job.mjs', 'job.ts']);
    });
  });
});

describe('the recipes', () => {
  it('are all run by this file', () => {
    const run = new Set([...CONFIGS.map((config) => config.recipe), 'silence', 'cli', 'cli-npx', 'github-actions', 'lint-staged', 'lint-staged-cli', 'oxlintrc']);
    expect([...RECIPES.keys()].sort()).toEqual([...run].sort());
  });
});
