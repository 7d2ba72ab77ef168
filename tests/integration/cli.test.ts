/**
 * The zero-config CLI (bin/process-guard.js → dist/cli.js): formats, configs, thresholds, exit
 * codes, ignores, suggestions, the progress line and the hints for missing optional packages.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import type { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import type { CliIo } from '../../src/cli.js';
import { PACKAGE_VERSION, REPOSITORY_URL } from '../../src/util/package-info.js';
import { CLI_BIN, EXAMPLES, findingsOf, loadBuiltCli, ROOT, runNode, tempProject } from './support.js';

const TOP_LEVEL = 'process-guard/no-top-level-spawn';
const SELF_SPAWN = 'process-guard/no-unguarded-self-spawn';
const DOCS = `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules`;

/** Only a warning: a worker started while the module loads. */
const WARNING_ONLY = "import { Worker } from 'node:worker_threads';\n\nconst worker = new Worker(new URL('./w.js', import.meta.url));\nexport const stop = () => worker.terminate();\n";
/** An error: a module that forks itself with no guard. */
const SELF_FORK = "import { fork } from 'node:child_process';\n\nfork(import.meta.filename);\n";
const CLEAN = "import { fork } from 'node:child_process';\n\nexport const start = () => fork(new URL('./w.js', import.meta.url));\n";

let run: (argv: readonly string[], io?: CliIo) => Promise<number>;
beforeAll(async () => {
  ({ run } = await loadBuiltCli());
});

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: readonly string[], cwd = ROOT, tty = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
  });
  return { code, stdout, stderr };
}

describe('findings', () => {
  it('lints the examples (JavaScript and TypeScript) with the recommended config', async () => {
    const { code, stdout, stderr } = await cli(['examples', '--format', 'json']);
    expect(stderr).toMatch(/^process-guard: \d+ files linted, \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    expect(results.map((result) => path.basename(result.filePath)).sort()).toEqual(
      expect.arrayContaining(['build.mjs', 'cluster-server.cjs', 'file-watcher.ts', 'job-runner.js', 'job-worker.cjs']),
    );
    const findings = findingsOf(results, EXAMPLES);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'cluster-server.cjs', line: 8, column: 3, ruleId: SELF_SPAWN }),
        expect.objectContaining({ file: 'job-runner.js', line: 5, column: 16, ruleId: TOP_LEVEL }),
      ]),
    );
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
    const severity = (ruleId: string) => results.flatMap((result) => result.messages).find((message) => message.ruleId === ruleId)?.severity;
    expect([severity(TOP_LEVEL), severity(SELF_SPAWN)]).toEqual([1, 2]);
  });

  it('makes every finding an error with --preset strict', async () => {
    const { code, stdout } = await cli(['examples', '--format', 'json', '--preset', 'strict']);
    expect(code).toBe(1);
    const severities = (JSON.parse(stdout) as ESLint.LintResult[]).flatMap((result) => result.messages.map((message) => message.severity));
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set([2]));
  });

  it('reports errors only with --quiet, and writes the report to --output-file', async () => {
    const project = tempProject({ 'tail.mjs': WARNING_ONLY, 'bomb.mjs': SELF_FORK }, []);
    try {
      const { code, stdout, stderr } = await cli(['--quiet', '-o', 'reports/lint.json', '--format', 'json'], project.dir);
      expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: 'process-guard: 2 files linted, 1 problem (1 error, 0 warnings)\n' });
      const results = JSON.parse(readFileSync(path.join(project.dir, 'reports', 'lint.json'), 'utf8')) as ESLint.LintResult[];
      expect(findingsOf(results, project.dir).map(({ file, ruleId }) => `${file} ${ruleId}`)).toEqual([`bomb.mjs ${SELF_SPAWN}`]);
    } finally {
      project.remove();
    }
  });

  it('prints stylish output and, with --show-suggestions, the diff of each suggestion', async () => {
    const { code, stdout } = await cli(['examples', '--show-suggestions']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/job-runner\.js\n\s+5:16\s+warning\s+fork\(\) starts/);
    const block = stdout.slice(stdout.indexOf('examples/job-runner.js:5:16  process-guard/no-top-level-spawn'));
    expect(block).toContain('  suggestion: Create `runner` on first use through `getRunner()`.\n');
    expect(block).toContain("     5 - const runner = fork(new URL('./job-worker.cjs', import.meta.url));\n");
    expect(block).toContain('       + function getRunner() {\n');
    expect(block).toContain("     9 -     runner.once('message', resolve);\n");
    expect(block).toContain("       +     getRunner().once('message', resolve);\n");
  });

  it('writes SARIF with rule ids and help URIs', async () => {
    const { code, stdout } = await cli(['examples', '--format', 'sarif']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    const rules = sarifRun!.tool.driver.rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: TOP_LEVEL, helpUri: `${DOCS}/no-top-level-spawn.md` }),
        expect.objectContaining({ id: SELF_SPAWN, helpUri: `${DOCS}/no-unguarded-self-spawn.md` }),
      ]),
    );
    for (const rule of rules) expect(rule.helpUri).toBe(`${DOCS}/${rule.id.replace('process-guard/', '')}.md`);
    expect(sarifRun!.results.length).toBeGreaterThan(0);
    for (const result of sarifRun!.results) expect(rules.map((rule) => rule.id)).toContain(result.ruleId);
  });
});

describe('exit codes and thresholds', () => {
  it('exits 0 on a clean project with a summary line on stderr, and keeps JSON on stdout pure', async () => {
    const project = tempProject({ 'start.mjs': CLEAN, 'stop.mjs': CLEAN }, []);
    try {
      expect(await cli([], project.dir)).toEqual({ code: 0, stdout: '', stderr: 'process-guard: 2 files linted, no problems\n' });
      const json = await cli(['--format', 'json', 'start.mjs'], project.dir);
      expect(JSON.parse(json.stdout)).toHaveLength(1);
      expect(json.stderr).toBe('process-guard: 1 file linted, no problems\n');
    } finally {
      project.remove();
    }
  });

  it('exits 0 on warnings, and 1 when they exceed --max-warnings', async () => {
    const project = tempProject({ 'tail.mjs': WARNING_ONLY }, []);
    try {
      expect((await cli(['.'], project.dir)).code).toBe(0);
      expect((await cli(['--max-warnings', '1'], project.dir)).code).toBe(0);
      const over = await cli(['--max-warnings', '0'], project.dir);
      expect(over.code).toBe(1);
      expect(over.stderr).toContain('process-guard: too many warnings (1, maximum: 0)\n');
    } finally {
      project.remove();
    }
  });

  it.each([
    [['missing-folder'], 'process-guard: no such file or directory: missing-folder'],
    [['--format', 'xml'], "process-guard: invalid value 'xml' for --format: expected stylish, json, sarif"],
    [['--preset', 'loose'], "process-guard: invalid value 'loose' for --preset: expected recommended, strict, all"],
    [['--config', 'all'], "process-guard: Unknown option '--config' (see --help)"],
    [['--max-warnings', 'many'], "process-guard: invalid value 'many' for --max-warnings: expected a whole number"],
    [['--format', 'json', '--show-suggestions'], 'process-guard: --show-suggestions needs the stylish format (the json output already lists suggestions)'],
    [['--fix'], "process-guard: Unknown option '--fix' (see --help)"],
    [['--format'], "process-guard: Option '-f, --format <value>' argument missing (see --help)"],
    [['examples/*.nothing'], "process-guard: No files matching 'examples/*.nothing' were found."],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('says so when a folder holds no JavaScript or TypeScript, where ESLint would call every file ignored', async () => {
    const project = tempProject({ 'package.json': '{"name":"docs-only"}\n', 'README.md': '# docs\n' }, []);
    try {
      expect(await cli([], project.dir)).toEqual({ code: 2, stdout: '', stderr: "process-guard: no JavaScript or TypeScript file to lint in '.'\n" });
    } finally {
      project.remove();
    }
  });

  it("leaves other tools' inline configuration to them, and keeps what concerns its own rules", async () => {
    const project = tempProject(
      {
        'package.json': '{"name":"vendored","type":"module"}\n',
        // a bundled dependency with the same directive twice: ESLint reports the second as an error
        'compiled/index.js': '/* eslint no-shadow: 0 */\nexport const a = 1;\n/* eslint no-shadow: 0 */\nexport const b = 2;\n',
        'src/start.js': `/* eslint process-guard/no-top-level-spawn: "sometimes" */\n${CLEAN}`,
      },
      [],
    );
    try {
      const { code, stdout } = await cli(['--format', 'json'], project.dir);
      const messages = (JSON.parse(stdout) as ESLint.LintResult[]).flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}: ${message.message.split(':')[0]}`));
      expect({ code, messages }).toEqual({ code: 1, messages: ['start.js: Inline configuration for rule "process-guard/no-top-level-spawn" is invalid'] });
    } finally {
      project.remove();
    }
  });

  it('prints help and version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: process-guard \[options\] \[paths\.\.\.\]/);
    const version = await cli(['-v']);
    const { version: expected } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('sets the process exit code through the bin launcher', async () => {
    const missing = await runNode([CLI_BIN, 'no/such/file.js'], { cwd: ROOT });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'process-guard: no such file or directory: no/such/file.js\n' });
    const examples = await runNode([CLI_BIN, 'examples/job-runner.js'], { cwd: ROOT });
    expect(examples.code).toBe(0);
    expect(examples.stdout).toContain('no-top-level-spawn');
  });
});

describe('packaging', () => {
  it('keeps the CLI out of the plugin entry: loading the plugin never loads CLI code', () => {
    const dist = path.join(ROOT, 'dist');
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      // the bundle's static imports (`import { a } from "./chunks/x.js"`, `import "./chunks/y.js"`) and dynamic ones
      const text = readFileSync(file, 'utf8');
      for (const [, staticSpecifier, bareSpecifier, dynamicSpecifier] of text.matchAll(
        /^(?:import|export)\b[^;'"]*?from\s*["'](\.{1,2}\/[^"']+)["']|^import\s*["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']/gm,
      )) {
        visit(path.resolve(path.dirname(file), (staticSpecifier ?? bareSpecifier ?? dynamicSpecifier)!));
      }
    };
    visit(path.join(dist, 'index.js'));
    expect(reached.size).toBeGreaterThan(1);
    expect([...reached].filter((file) => file === path.join(dist, 'cli.js') || file.startsWith(path.join(dist, 'cli') + path.sep))).toEqual([]);
    // no CLI code bundled into what the plugin loads: the CLI's usage text lives in dist/cli.js alone
    expect([...reached].filter((file) => readFileSync(file, 'utf8').includes('usage or internal error'))).toEqual([]);
    expect(readFileSync(path.join(dist, 'cli.js'), 'utf8')).toContain('usage or internal error');
  });
});

describe('what it lints', () => {
  it('skips links to nothing and committed dependencies instead of stopping', async () => {
    const project = tempProject(
      {
        // a project that commits its dependencies takes node_modules back from its .gitignore
        '.gitignore': 'node_modules/*\n!node_modules/vendored/\n',
        'node_modules/vendored/index.js': WARNING_ONLY,
        'src/tail.mjs': WARNING_ONLY,
      },
      [],
    );
    try {
      symlinkSync(path.join(project.dir, 'src', 'generated-away.js'), path.join(project.dir, 'src', 'cache.js'));
      const { code, stdout, stderr } = await cli(['--format', 'json', '.'], project.dir);
      expect(stderr).toBe('process-guard: 1 file linted, 1 problem (0 errors, 1 warning)\n');
      expect(code).toBe(0);
      const linted = (JSON.parse(stdout) as ESLint.LintResult[]).map((result) => path.relative(project.dir, result.filePath));
      expect(linted).toEqual([path.join('src', 'tail.mjs')]);
    } finally {
      project.remove();
    }
  });

  it("honours .gitignore, ESLint's default ignores and disable comments, and drops other plugins' disable comments", async () => {
    const project = tempProject(
      {
        '.gitignore': '# build output\ngenerated/\n*.tmp.js\n/root-only.js\n',
        'generated/jobs.mjs': WARNING_ONLY,
        'src/scratch.tmp.js': WARNING_ONLY,
        'root-only.js': WARNING_ONLY,
        'src/root-only.js': WARNING_ONLY,
        'node_modules/dependency/index.js': WARNING_ONLY,
        'src/start.mjs': `// eslint-disable-next-line react/no-danger -- a rule of another plugin\n${CLEAN}`,
        'src/tail.mjs': WARNING_ONLY.replace('\nconst worker', '\n// eslint-disable-next-line process-guard/no-top-level-spawn -- the CLI is short-lived\nconst worker'),
      },
      [],
    );
    try {
      const { code, stdout } = await cli(['--format', 'json'], project.dir);
      expect(code).toBe(0);
      const linted = (JSON.parse(stdout) as ESLint.LintResult[]).map((result) => path.relative(project.dir, result.filePath)).sort();
      expect(linted).toEqual([path.join('src', 'root-only.js'), path.join('src', 'start.mjs'), path.join('src', 'tail.mjs')]);
      const messages = (JSON.parse(stdout) as ESLint.LintResult[]).flatMap((result) => result.messages);
      expect(messages.map((message) => message.ruleId)).toEqual([TOP_LEVEL]);
    } finally {
      project.remove();
    }
  });

  it('lints paths outside the working directory, absolute or relative, with their own ignores', async () => {
    const here = tempProject({ 'start.mjs': CLEAN }, []);
    const other = tempProject({ '.gitignore': 'build/\n', 'build/bomb.mjs': SELF_FORK, 'src/bomb.mjs': SELF_FORK }, []);
    try {
      const absolute = await cli(['--format', 'json', other.dir], here.dir);
      expect(absolute.code, absolute.stderr).toBe(1);
      expect(findingsOf(JSON.parse(absolute.stdout) as ESLint.LintResult[], other.dir).map(({ file }) => file)).toEqual([path.join('src', 'bomb.mjs')]);
      const relative = path.relative(here.dir, path.join(other.dir, 'src'));
      const both = await cli(['.', relative], here.dir);
      expect(both.code).toBe(1);
      expect(both.stdout).toContain(`${path.join(other.dir, 'src', 'bomb.mjs')}\n  3:1  error`);
      const glob = await cli(['--format', 'json', `${relative}/*.mjs`], here.dir);
      expect((JSON.parse(glob.stdout) as ESLint.LintResult[]).map((result) => result.filePath)).toEqual([path.join(other.dir, 'src', 'bomb.mjs')]);
    } finally {
      here.remove();
      other.remove();
    }
  });

  it('parses .js files as Node runs them: CommonJS unless package.json says "type": "module"', async () => {
    const project = tempProject(
      {
        'package.json': '{ "name": "cli-tool" }\n',
        // a bin in the shape of angular-cli's: a variable named `package` and a top-level return
        'bin/tool.js': "#!/usr/bin/env node\nconst package = require('../package.json');\nrequire('child_process').fork(__filename);\nif (process.argv.includes('--version')) {\n  console.log(package.version);\n  return;\n}\n",
        // ESM syntax in a CommonJS package: Node 22 detects it and runs it as a module
        'lib/bomb.js': SELF_FORK,
        'web/package.json': '{ "type": "module" }\n',
        'web/return.js': 'return;\n',
        'web/view.jsx': `${SELF_FORK}export const View = () => <main>{process.platform}</main>;\n`,
      },
      [],
    );
    try {
      const { stdout } = await cli(['--format', 'json', '--report-parse-errors'], project.dir);
      const results = JSON.parse(stdout) as ESLint.LintResult[];
      const byFile = Object.fromEntries(results.map((result) => [path.relative(project.dir, result.filePath), result.messages.map((message) => message.ruleId ?? message.message)]));
      expect(byFile).toEqual({
        [path.join('bin', 'tool.js')]: [SELF_SPAWN],
        [path.join('lib', 'bomb.js')]: [SELF_SPAWN],
        [path.join('web', 'return.js')]: ["Parsing error: 'return' outside of function"],
        [path.join('web', 'view.jsx')]: [SELF_SPAWN],
      });
    } finally {
      project.remove();
    }
  });

  it('skips ignored files named on the command line, as lint-staged and pre-commit name them', async () => {
    const project = tempProject(
      {
        '.gitignore': 'dist/\n',
        'packages/app/.gitignore': 'generated/\n',
        'dist/bundle.js': SELF_FORK,
        'packages/app/generated/jobs.mjs': SELF_FORK,
        'packages/app/fixtures/bomb.mjs': SELF_FORK,
        'packages/app/tail.mjs': WARNING_ONLY,
      },
      [],
    );
    const staged = ['dist/bundle.js', 'packages/app/generated/jobs.mjs', 'packages/app/fixtures/bomb.mjs'];
    try {
      const run = await runNode([CLI_BIN, ...staged, '--ignore-pattern', '**/fixtures/**', '--max-warnings', '0', '--no-warn-ignored'], { cwd: project.dir });
      expect(run).toEqual({ code: 0, stdout: '', stderr: 'process-guard: 0 files linted, no problems\n' });
      const folder = await cli(['--format', 'json', '--ignore-pattern', '**/fixtures/**', '--ignore-pattern', 'other/**'], project.dir);
      expect(findingsOf(JSON.parse(folder.stdout) as ESLint.LintResult[], project.dir).map(({ file }) => file)).toEqual([path.join('packages', 'app', 'tail.mjs')]);
    } finally {
      project.remove();
    }
  });

  it('applies no .gitignore above the folder it lints from when there is no repository', async () => {
    const project = tempProject({ '.gitignore': '*.mjs\n', 'app/bomb.mjs': SELF_FORK }, []);
    try {
      const { code, stdout } = await cli(['bomb.mjs', '--format', 'json'], path.join(project.dir, 'app'));
      expect(code).toBe(1);
      expect(findingsOf(JSON.parse(stdout) as ESLint.LintResult[], project.dir).map(({ ruleId }) => ruleId)).toContain(SELF_SPAWN);
    } finally {
      project.remove();
    }
  });

  it('shows a progress line on a terminal when linting hundreds of files', async () => {
    const files = Object.fromEntries(Array.from({ length: 320 }, (_, index) => [`src/module-${index}.mjs`, `export const value = ${index};\n`]));
    const project = tempProject(files, []);
    try {
      const onTerminal = await cli([], project.dir, true);
      expect(onTerminal.code).toBe(0);
      expect(onTerminal.stderr).toMatch(/\rprocess-guard: \d+ files linted…/);
      expect(onTerminal.stderr.endsWith('\r\x1b[2Kprocess-guard: 320 files linted, no problems\n')).toBe(true);
      expect((await cli([], project.dir, false)).stderr).toBe('process-guard: 320 files linted, no problems\n');
    } finally {
      project.remove();
    }
  });

  it('explains in one line when the TypeScript parser is missing, and writes SARIF without any other package', async () => {
    const project = tempProject({ 'src/pool.ts': 'export const size: number = 2;\n', 'src/tail.mjs': WARNING_ONLY }, []);
    try {
      // an install of the plugin with ESLint alone beside it: no parser, no formatter, no typescript-eslint
      const bin = installPlugin(project.dir, { eslint: 'eslint' });

      const stylish = await runNode([bin], { cwd: project.dir });
      expect(stylish.code).toBe(0);
      expect(stylish.stderr).toBe(
        'process-guard: 1 file linted, 1 problem (0 errors, 1 warning)\nprocess-guard: 1 TypeScript file skipped: install @typescript-eslint/parser to lint them\n',
      );
      expect(stylish.stdout).toContain('tail.mjs');
      expect(stylish.stdout).not.toContain('pool.ts');
      // no TypeScript file among the linted ones: no note
      expect(await runNode([bin, 'src/tail.mjs'], { cwd: project.dir })).toMatchObject({ code: 0, stderr: 'process-guard: 1 file linted, 1 problem (0 errors, 1 warning)\n' });
      // nothing could be linted: not a pass
      expect(await runNode([bin, 'src/pool.ts'], { cwd: project.dir })).toMatchObject({
        code: 2,
        stderr: 'process-guard: 0 files linted, no problems\nprocess-guard: 1 TypeScript file skipped: install @typescript-eslint/parser to lint them\nprocess-guard: no file could be linted\n',
      });

      const sarif = await runNode([bin, '--format', 'sarif'], { cwd: project.dir });
      expect(sarif.code).toBe(0);
      const log = JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['src/tail.mjs']);
    } finally {
      project.remove();
    }
  });

  it('runs on ESLint 9', async () => {
    const project = tempProject(
      { '.gitignore': 'generated/\n', 'generated/tail.mjs': WARNING_ONLY, 'src/pool.ts': `export const size: number = 2;\n${WARNING_ONLY}` },
      [],
    );
    try {
      const bin = installPlugin(project.dir, { eslint: 'eslint-v9', '@typescript-eslint/parser': '@typescript-eslint/parser' });
      const run9 = await runNode([bin, '--format', 'json', '--max-warnings', '0'], { cwd: project.dir });
      expect(run9.code, run9.stderr).toBe(1);
      const findings = findingsOf(JSON.parse(run9.stdout) as ESLint.LintResult[], project.dir);
      expect(findings.map(({ file, line, ruleId }) => ({ file, line, ruleId }))).toEqual([{ file: path.join('src', 'pool.ts'), line: 4, ruleId: TOP_LEVEL }]);
      expect(run9.stderr).toBe('process-guard: 1 file linted, 1 problem (0 errors, 1 warning)\nprocess-guard: too many warnings (1, maximum: 0)\n');
    } finally {
      project.remove();
    }
  });

  it('runs as `npm run demo` runs it: findings printed, exit code 0', async () => {
    const demo = await runNode([path.join(ROOT, 'scripts', 'demo.js')], { cwd: ROOT });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('no-unguarded-self-spawn');
    expect(demo.stdout).toContain('Suggestions:');
    expect(demo.stdout).toContain('Demo: the CLI exited with 1 because examples/ holds these hazards on purpose');
  });
});

describe('real repositories', () => {
  it('parses JSX in .js files as React projects write them, without breaking plain scripts', async () => {
    const project = tempProject(
      {
        'package.json': '{ "name": "toolkit" }\n',
        // ESM and JSX in a .js file of a CommonJS package, as create-react-app projects write them
        'src/App.js': `${SELF_FORK}export const App = () => <main className="app">{process.platform}</main>;\n`,
        // a CommonJS script with comparisons and a top-level return
        'lib/compare.js': "const a = 1;\nconst b = 2;\nif (a < b && b > a) module.exports = require('child_process').fork(__filename);\nreturn;\n",
        // ESM syntax that fails further down: the error names the real mistake, not import/export
        'src/broken.js': "import { fork } from 'node:child_process';\n\nconst = fork;\n",
      },
      [],
    );
    try {
      const { code, stdout, stderr } = await cli(['--format', 'json', '--verbose'], project.dir);
      expect(code).toBe(1);
      const byFile = Object.fromEntries(
        (JSON.parse(stdout) as ESLint.LintResult[]).map((result) => [path.relative(project.dir, result.filePath), result.messages.map((message) => message.ruleId)]),
      );
      expect(byFile).toEqual({ [path.join('lib', 'compare.js')]: [SELF_SPAWN], [path.join('src', 'App.js')]: [SELF_SPAWN] });
      expect(stderr).toBe(
        [
          'process-guard: 2 files linted, 2 problems (2 errors, 0 warnings)',
          'process-guard: 1 file not parsed:',
          `  ${path.join('src', 'broken.js')}:3:7 Parsing error: Unexpected token =`,
          '',
        ].join('\n'),
      );
    } finally {
      project.remove();
    }
  });

  it('skips Flow files with a count on stderr, not as failures', async () => {
    const project = tempProject(
      {
        'src/pragma.js': "// @flow\nimport { fork } from 'node:child_process';\nexport const start = (file: string): void => { fork(file); };\n",
        'src/block.js': "/**\n * @flow strict\n */\nexport const size: number = 2;\n",
        // no pragma: Flow's type imports and declarations
        'src/types.js': "import type { Node } from 'react';\nexport type Props = { children: Node };\n",
        'src/tail.mjs': WARNING_ONLY,
      },
      [],
    );
    try {
      expect(await cli([], project.dir)).toMatchObject({
        code: 0,
        stderr: 'process-guard: 1 file linted, 1 problem (0 errors, 1 warning)\nprocess-guard: 3 Flow files skipped\n',
      });
      expect((await cli(['--verbose', 'src/pragma.js'], project.dir)).stderr).toBe(
        `process-guard: 0 files linted, no problems\nprocess-guard: 1 Flow file skipped:\n  ${path.join('src', 'pragma.js')}\nprocess-guard: no file could be linted\n`,
      );
    } finally {
      project.remove();
    }
  });

  it('skips minified files with a count on stderr: their source is elsewhere', async () => {
    // A vendored bundle on one line, whose start would otherwise be reported.
    const bundle = `const cp=require('child_process');${'var a=1;'.repeat(400)}cp.execSync('rm -rf out');module.exports={};\n`;
    const project = tempProject({ 'vendor/bundle.js': bundle, 'src/tail.mjs': WARNING_ONLY, 'src/short.js': "require('child_process').execSync('rm -rf out');\n" }, []);
    try {
      const run = await cli(['--format', 'json'], project.dir);
      expect(run.stderr).toBe('process-guard: 2 files linted, 2 problems (1 error, 1 warning)\nprocess-guard: 1 minified file skipped\n');
      expect((JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(project.dir, result.filePath)).sort()).toEqual([path.join('src', 'short.js'), path.join('src', 'tail.mjs')]);
    } finally {
      project.remove();
    }
  });

  it('skips minified ES modules and CommonJS files by their extension too', async () => {
    const bundle = `${'var a=1;'.repeat(400)}require('child_process').execSync('rm -rf out');\n`;
    const inlined = `${'const a = 1;\n'.repeat(50)}import { execSync } from 'node:child_process';\n${'var b=1;'.repeat(1300)}\nexecSync('rm -rf out');\nexport {};\n`;
    const project = tempProject({ 'dist/index.cjs': bundle, 'dist/index.mjs': inlined, 'src/short.cjs': "require('child_process').execSync('rm -rf out');\n" }, []);
    try {
      const run = await cli(['--format', 'json'], project.dir);
      expect(run.stderr).toBe('process-guard: 1 file linted, 1 problem (1 error, 0 warnings)\nprocess-guard: 2 minified files skipped\n');
      expect((JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(project.dir, result.filePath))).toEqual([path.join('src', 'short.cjs')]);
    } finally {
      project.remove();
    }
  });

  it('lints sources under a folder named node_modules when the path is named on the command line', async () => {
    const project = tempProject(
      {
        'package.json': '{ "name": "monorepo", "private": true }\n',
        '.gitignore': 'node_modules\n!packages/node_modules\n',
        'packages/node_modules/app/index.js': SELF_FORK,
        'packages/node_modules/app/node_modules/dependency/index.js': SELF_FORK,
        'src/start.mjs': CLEAN,
      },
      [],
    );
    try {
      const named = await cli(['--format', 'json', 'packages/node_modules/app'], project.dir);
      expect(named.code, named.stderr).toBe(1);
      // the dependencies of the named package stay unlinted
      expect(findingsOf(JSON.parse(named.stdout) as ESLint.LintResult[], project.dir).map(({ file, ruleId }) => `${file} ${ruleId}`)).toEqual([
        `${path.join('packages', 'node_modules', 'app', 'index.js')} ${SELF_SPAWN}`,
      ]);
      expect((await cli(['packages/node_modules/app/index.js'], project.dir)).code).toBe(1);
      // not named: ignored as ESLint ignores it
      expect(await cli(['.'], project.dir)).toMatchObject({ code: 0, stderr: 'process-guard: 1 file linted, no problems\n' });
    } finally {
      project.remove();
    }
  });
});

describe('exit code policy', () => {
  it('exits 0 when only parse failures remain, 1 with --report-parse-errors, 2 when no file could be linted', async () => {
    const project = tempProject({ 'src/start.mjs': CLEAN, 'src/broken.mjs': 'export const = 1;\n', '.eslintignore': 'src/\n' }, []);
    try {
      const lenient = await cli([], project.dir);
      expect(lenient).toEqual({
        code: 0,
        stdout: '',
        stderr: 'process-guard: 1 file linted, no problems\nprocess-guard: 1 file not parsed (--verbose lists it)\n',
      });
      const strict = await cli(['--report-parse-errors'], project.dir);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('Parsing error: Unexpected token =');
      expect(strict.stderr).toBe('process-guard: 2 files linted, 1 problem (1 error, 0 warnings)\n');
      const nothing = await cli(['src/broken.mjs'], project.dir);
      expect(nothing).toMatchObject({ code: 2, stdout: '' });
      expect(nothing.stderr).toContain('process-guard: no file could be linted\n');
      // the .eslintignore file is not read, and ESLint's warning about it is not shown
      const child = await runNode([CLI_BIN], { cwd: project.dir });
      expect(child).toEqual({ code: 0, stdout: '', stderr: lenient.stderr });
    } finally {
      project.remove();
    }
  });

  it('documents the policy in --help', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout).toContain('Exit codes: 0 no findings over the limits');
    expect(stdout).toContain('--report-parse-errors');
    expect(stdout).toContain('--verbose');
    expect(stdout).not.toContain('--config');
  });
});

/**
 * Installs a copy of the built package into `<project>/node_modules` with only the given packages
 * beside it (name in the project → package in this repository's node_modules); returns its bin.
 */
function installPlugin(project: string, packages: Record<string, string>): string {
  const modules = path.join(project, 'node_modules');
  const installed = path.join(modules, 'eslint-plugin-process-guard');
  for (const part of ['dist', 'bin', 'package.json']) cpSync(path.join(ROOT, part), path.join(installed, part), { recursive: true });
  for (const [name, source] of Object.entries(packages)) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', source), path.join(modules, name), 'dir');
  }
  return path.join(installed, 'bin', 'process-guard.js');
}
