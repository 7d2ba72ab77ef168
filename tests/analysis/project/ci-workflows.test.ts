import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ciPlatforms, isDevelopmentScript, parseJobs } from '../../../src/analysis/project/ci-workflows.js';
import { manifestOf } from '../../../src/analysis/project/package-manifest.js';
import type { FileModel } from '../../../src/analysis/project/file-model.js';
import { platformsAt } from '../../../src/analysis/questions/platform.js';
import { analyzeCode, nodeByText } from '../../support/analyze-code.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ci-workflows');
const ON_WINDOWS = path.join(FIXTURES, 'tests-on-windows');

/** Writes `text` to `file` below `root`, making its folders. */
function writeBelow(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function fileModel(filename: string, settings: Record<string, unknown> = {}): FileModel {
  return analyzeCode('export {};', 'esm', { 'process-guard': settings }, filename).fileModel;
}

const platformsOf = (text: string) => parseJobs(text).map((job) => (job.platforms ? [...job.platforms].sort() : undefined));

describe('parseJobs', () => {
  it('reads each job under jobs: with its runner', () => {
    const text = `on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint

  mac:
    # a comment at the job's own indentation
    runs-on: macos-14
    steps:
      - run: |
          npm test
  listed:
    runs-on:
      - self-hosted
      - windows
  any:
    runs-on: self-hosted
env:
  runs-on: windows-latest
`;
    expect(platformsOf(text)).toEqual([['linux'], ['darwin'], ['win32'], undefined]);
    expect(parseJobs(text)[1]?.text).toContain('npm test');
  });

  it('takes the runner names written in the job for an expression', () => {
    const text = `jobs:
  test:
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
    runs-on: \${{ matrix.os }}
  codeql:
    runs-on: \${{ (matrix.language == 'swift' && 'macos-latest') || 'ubuntu-latest' }}
  unknown:
    runs-on: \${{ inputs.runner }}
`;
    expect(platformsOf(text)).toEqual([['linux', 'win32'], ['darwin', 'linux'], undefined]);
  });

  it('finds no job without a jobs: key', () => {
    expect(parseJobs('name: x\non: push\n')).toEqual([]);
  });
});

describe('ciPlatforms in the file model', () => {
  const scriptPlatforms = (file: string) => ciPlatforms(path.join(ON_WINDOWS, file), manifestOf(ON_WINDOWS)!);

  it('is the runners of the jobs that run a script, when the CI also runs jobs on Windows', () => {
    expect([...(scriptPlatforms('scripts/audit.js') ?? [])]).toEqual(['linux']);
    // A script only the package's scripts run is a development file: no Windows job runs it, so none is proven.
    expect(fileModel(path.join(ON_WINDOWS, 'scripts/audit.js')).ciPlatforms).toEqual(new Set());
  });

  it('includes Windows when a Windows job runs the script too', () => {
    expect([...(fileModel(path.join(ON_WINDOWS, 'scripts/smoke.js')).ciPlatforms ?? [])].sort()).toEqual(['linux', 'win32']);
  });

  it.each([
    ['scripts/size.js', 'no job runs it, and another script does'],
    ['scripts/deps.js', 'another script runs it'],
    ['scripts/prepare.js', 'npm runs it on install'],
  ])('is unknown for %s: %s', (file) => {
    expect(scriptPlatforms(file)).toBeUndefined();
    // Development scripts no Windows job runs: none proven, where the old rule took any Windows job as running them.
    expect(fileModel(path.join(ON_WINDOWS, file)).ciPlatforms).toEqual(new Set());
  });

  it('is unknown for a bin: users run it', () => {
    expect(fileModel(path.join(ON_WINDOWS, 'bin/cli.js')).ciPlatforms).toBeUndefined();
  });

  it('proves no platform when the CI runs nothing on Windows: the script is a development file', () => {
    expect(fileModel(path.join(FIXTURES, 'tests-only-on-linux/scripts/audit.js')).ciPlatforms).toEqual(new Set());
  });

  it('is off with ciWorkflows: false', () => {
    expect(fileModel(path.join(ON_WINDOWS, 'scripts/audit.js'), { ciWorkflows: false }).ciPlatforms).toBeUndefined();
    expect(() => analyzeCode('x();', 'esm', { 'process-guard': { ciWorkflows: 1 } })).toThrow("settings['process-guard'].ciWorkflows must be true or false.");
  });
});

describe('ciPlatforms reads only the repository', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-workflows-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const workflow = 'jobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run audit\n  win:\n    runs-on: windows-latest\n';
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('outer/.github/workflows/ci.yml', workflow);
  write('outer/pkg/package.json', JSON.stringify({ scripts: { audit: 'node audit.js' } }));
  write('outer/pkg/audit.js', '');
  write('repo/.git/HEAD', '');
  write('repo/.github/workflows/ci.yml', workflow);
  write('repo/packages/pkg/package.json', JSON.stringify({ scripts: { audit: 'node audit.js' } }));
  write('repo/packages/pkg/audit.js', '');

  it('reads the workflows of the folders up to the one holding .git', () => {
    const folder = path.join(root, 'repo/packages/pkg');
    expect([...(ciPlatforms(path.join(folder, 'audit.js'), manifestOf(folder)!) ?? [])]).toEqual(['linux']);
  });

  it('reads no workflow above a package outside any repository', () => {
    const folder = path.join(root, 'outer/pkg');
    expect(ciPlatforms(path.join(folder, 'audit.js'), manifestOf(folder)!)).toBeUndefined();
  });
});

describe('the platforms of development files', () => {
  const DEVELOPMENT = path.resolve(import.meta.dirname, '../../fixtures/development-files');
  const START = "import { spawn } from 'node:child_process';\nspawn('rm', ['-rf', 'dist']);\n";
  /** Whether the start can run on Windows, as the platform rules read it. */
  const onWindows = (file: string, settings: Record<string, unknown> = {}): boolean => {
    const analysis = analyzeCode(START, 'esm', { 'process-guard': settings }, path.join(DEVELOPMENT, file));
    return platformsAt(analysis, nodeByText(analysis, "spawn('rm', ['-rf', 'dist'])")).has('win32');
  };
  const DEVELOPMENT_FILES = ['test/clean.test.js', 'fixtures/child.js', 'scripts/release.js', 'packages/app/test/run.test.js'];
  // A bin and the main (both also run by a script), a library file, a script `postinstall` runs through `npm run setup`.
  const SHIPPED_FILES = ['bin/cli.js', 'lib/index.js', 'lib/util.js', 'scripts/setup.js'];

  it.each(DEVELOPMENT_FILES)('leaves %s unknown when the CI runs no job on Windows', (file) => {
    expect(onWindows(`linux-ci/${file}`)).toBe(false);
  });

  it.each(DEVELOPMENT_FILES)('leaves %s unknown without workflows', (file) => {
    expect(onWindows(`no-workflows/${file}`)).toBe(false);
  });

  it.each(DEVELOPMENT_FILES)('runs %s on Windows when a matrix of the CI names Windows', (file) => {
    expect(onWindows(`windows-matrix/${file}`)).toBe(true);
  });

  it.each(['test/clean.test.js', 'scripts/release.js'])(
    'leaves %s unknown when the Windows jobs run none of the package scripts (only install and pack)',
    (file) => {
      expect(onWindows(`windows-packaging/${file}`)).toBe(false);
    },
  );

  it('runs the library of that package on Windows', () => {
    expect(onWindows('windows-packaging/lib/index.js')).toBe(true);
  });

  it.each(SHIPPED_FILES.flatMap((file) => ['linux-ci', 'no-workflows', 'windows-matrix'].map((tree) => `${tree}/${file}`)))(
    'runs shipped %s on Windows whatever the CI',
    (file) => {
      expect(onWindows(file)).toBe(true);
    },
  );

  it('leaves a file the files list leaves out unknown unless a Windows job names it', () => {
    expect(onWindows('files-list/scripts/release.js')).toBe(false);
    expect(onWindows('files-list/scripts/windows-release.js')).toBe(true);
    expect(onWindows('files-list/lib/util.js')).toBe(true);
    expect(onWindows('files-list/bin/cli.js')).toBe(true);
    expect(onWindows('files-list/scripts/release.js', { ciWorkflows: false })).toBe(true);
  });

  it('checks development files as any other with ciWorkflows: false', () => {
    expect(onWindows('linux-ci/test/clean.test.js', { ciWorkflows: false })).toBe(true);
    expect(onWindows('no-workflows/scripts/release.js', { ciWorkflows: false })).toBe(true);
  });

  it('leaves a test file not on disk unknown: no workflow can be read for it', () => {
    const analysis = analyzeCode(START, 'esm', {}, 'test/clean.test.js');
    expect(platformsAt(analysis, nodeByText(analysis, "spawn('rm', ['-rf', 'dist'])")).has('win32')).toBe(false);
  });
});

describe('isDevelopmentScript', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'process-guard-scripts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({
      main: 'lib',
      exports: { '.': { import: './esm/index.mjs', default: './lib/index.js' }, './tool': './tools/tool.js' },
      scripts: {
        bench: 'node scripts/bench.js',
        serve: 'node esm/index.mjs',
        tool: 'node tools/tool.js',
        start: 'npm run serve:prod',
        'serve:prod': 'node server.js',
        prepublishOnly: 'node scripts/check.js',
        main: 'node lib/index.js',
      },
    }),
  );
  const manifest = manifestOf(root)!;

  it.each([
    ['scripts/bench.js', true],
    ['scripts/check.js', true],
    ['esm/index.mjs', false],
    ['tools/tool.js', false],
    ['lib/index.js', false],
    ['server.js', false],
    ['scripts/other.js', false],
  ])('%s: %s', (file, expected) => {
    expect(isDevelopmentScript(path.join(root, file), manifest)).toBe(expected);
  });
});

describe('the Windows jobs that prove a development file runs on Windows', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'process-guard-windows-jobs-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const START = "import { spawn } from 'node:child_process';\nspawn('rm', ['-rf', 'dist']);\n";
  let trees = 0;
  /** A repository whose only Windows job runs `steps`, beside a Linux job running everything. */
  const repository = (steps: string): string => {
    const root = path.join(base, `repo${(trees += 1)}`);
    const write = (file: string, text = '') => writeBelow(root, file, text);
    write('.git/HEAD');
    write(
      '.github/workflows/ci.yml',
      `jobs:\n  linux:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test && npm run verify && node scripts/by-hand.js\n  windows:\n    runs-on: windows-latest\n    steps:\n${steps}\n`,
    );
    write(
      'package.json',
      JSON.stringify({
        private: true,
        workspaces: ['packages/*'],
        scripts: { test: 'npm test --workspaces', lint: 'node -r dotenv/config lint.js', release: 'node scripts/release.js', 'release:all': 'npm run release', verify: 'npm run release:all', 'lint-all': 'pnpm --parallel -r lint-all' },
      }),
    );
    write('packages/lib/package.json', JSON.stringify({ name: '@scope/lib', main: 'index.js', scripts: { test: 'node --test', lint: 'eslint .', 'lint-all': 'eslint .' } }));
    write('packages/other/package.json', JSON.stringify({ name: '@scope/other', main: 'index.js', scripts: { check: 'node --test' } }));
    return root;
  };
  const onWindows = (root: string, file: string): boolean => {
    const analysis = analyzeCode(START, 'esm', {}, path.join(root, file), root);
    return platformsAt(analysis, nodeByText(analysis, "spawn('rm', ['-rf', 'dist'])")).has('win32');
  };
  const FILES = ['test/root.test.js', 'packages/lib/test/a.test.js', 'packages/other/test/b.test.js', 'scripts/release.js', 'scripts/by-hand.js', '.github/scripts/notify.js'];

  it.each<[string, string, string[]]>([
    // A script that starts no test runner and is not npm's `test` script runs no test: a lint, a build.
    ['a root script that starts no test runner', '      - run: npm run lint', []],
    ['a root script of the same name that runs the workspaces\' lint with pnpm', '      - run: pnpm run lint-all', []],
    ['a root script of the same name that runs the workspaces', '      - run: npm test', ['test/root.test.js', 'packages/lib/test/a.test.js']],
    ['a script of a package the job names', '      - run: npm run check -w @scope/other', ['packages/other/test/b.test.js']],
    ['a script in the folder of a package', '      - run: npm run check\n        working-directory: packages/other', ['packages/other/test/b.test.js']],
    ['a script that runs a script that runs the file', '      - run: npm run verify', ['scripts/release.js']],
    ['the paths of scripts', '      - run: node scripts/by-hand.js && node ./.github/scripts/notify.js', ['scripts/by-hand.js', '.github/scripts/notify.js']],
    ['nothing of the project: an install and the packed package', '      - run: npm ci && npm pack && npx tool --version', []],
  ])('%s', (_, steps, proven) => {
    const root = repository(steps);
    expect(FILES.filter((file) => onWindows(root, file))).toEqual(proven);
  });

  it('does not take a script that only names the file of another folder', () => {
    const root = repository('      - run: node tools/scripts/release.js');
    expect(onWindows(root, 'scripts/release.js')).toBe(false);
  });
});

describe('the tests a Windows job runs through the files its test scripts name', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'process-guard-test-selection-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const START = "import { spawn } from 'node:child_process';\nspawn('rm', ['-rf', 'dist']);\n";
  const SCRIPTS = {
    'test:appsec': 'mocha -r "packages/core/test/setup/mocha.js" "packages/core/test/appsec/**/*.spec.js"',
    'test:plugins': 'mocha "packages/plugin-${PLUGINS}/test/**/*.spec.js"',
    'test:core': 'tap packages/core/test/*.spec.js packages/core/test/{ci,llm}/**/*.spec.js',
    'test:all': 'nyc --reporter=lcov mocha --exit',
    'test:fast': 'mocha --exclude "packages/core/test/slow/**" "packages/core/test/**/*.spec.js"',
    'test:ci': 'npm run test:appsec && npm run lint',
    'test:pair': 'run-p test:appsec "test:c*"',
    'test:jest': 'jest appsec',
    'test:vitest': 'vitest run plugin-http',
    'test:node': 'node --test --test-reporter spec packages/core/test/ci/',
    'test:custom': 'node scripts/run-tests.js',
    'test:moved': 'cd packages/core && mocha test/ci/x.spec.js',
    'test:more': 'npm run test:appsec -- packages/plugin-http/test',
    lint: 'eslint .',
  };
  const TESTS = ['packages/core/test/appsec/waf.spec.js', 'packages/core/test/a.spec.js', 'packages/core/test/ci/x.spec.js', 'packages/core/test/slow/big.spec.js', 'packages/plugin-http/test/index.spec.js'];
  const FIXTURES = ['packages/core/test/fixtures/child.js', 'packages/plugin-http/test/fixtures/server.js'];
  const EVERY = [...TESTS, ...FIXTURES];
  let trees = 0;
  /** A repository whose Windows job runs `script`, beside a Linux job running every test script. */
  const repository = (script: string): string => {
    const root = path.join(base, `repo${(trees += 1)}`);
    const write = (file: string, text = '') => writeBelow(root, file, text);
    write('.git/HEAD');
    write(
      '.github/workflows/ci.yml',
      `jobs:\n  linux:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run test:plugins && npm run test:all\n  windows:\n    runs-on: windows-latest\n    steps:\n      - run: npm ci && npm run ${script}\n`,
    );
    write('package.json', JSON.stringify({ name: 'monorepo', main: 'index.js', scripts: SCRIPTS }));
    return root;
  };
  const onWindows = (root: string, file: string): boolean => {
    const analysis = analyzeCode(START, 'esm', {}, path.join(root, file), root);
    return platformsAt(analysis, nodeByText(analysis, "spawn('rm', ['-rf', 'dist'])")).has('win32');
  };

  it.each<[string, string, string[]]>([
    ['a glob that matches the test, and the fixtures of the folders it reaches', 'test:appsec', [TESTS[0]!, FIXTURES[0]!]],
    ['globs and a brace list', 'test:core', [TESTS[1]!, TESTS[2]!, FIXTURES[0]!]],
    ['an --exclude that removes a test', 'test:fast', [TESTS[0]!, TESTS[1]!, TESTS[2]!, FIXTURES[0]!]],
    ['a script that runs a test script and a script that starts no runner', 'test:ci', [TESTS[0]!, FIXTURES[0]!]],
    ['the scripts npm-run-all names, by name and by pattern', 'test:pair', [TESTS[0]!, TESTS[1]!, TESTS[2]!, FIXTURES[0]!]],
    ["Jest's pattern, matched anywhere in the path", 'test:jest', [TESTS[0]!, ...FIXTURES]],
    ["vitest's filter, a substring of the path", 'test:vitest', [TESTS[4]!, ...FIXTURES]],
    ['node --test with a folder after an option with a value', 'test:node', [TESTS[2]!, FIXTURES[0]!]],
    // The files passed are appended to the script's own: mocha runs both.
    ['files the job adds to a script', 'test:appsec -- packages/plugin-http/test', [TESTS[0]!, TESTS[4]!, ...FIXTURES]],
    ['files a script adds to another', 'test:more', [TESTS[0]!, TESTS[4]!, ...FIXTURES]],
  ])('proves only the tests %s selects', (_, script, proven) => {
    const root = repository(script);
    expect(EVERY.filter((file) => onWindows(root, file))).toEqual(proven);
  });

  it.each<[string, string]>([
    ['a glob with ${PLUGINS}: a selection not written', 'test:plugins'],
    ['a runner that names no file: its defaults', 'test:all'],
    ['a runner started in another folder', 'test:moved'],
  ])('proves every test for %s', (_, script) => {
    const root = repository(script);
    expect(EVERY.filter((file) => onWindows(root, file))).toEqual(EVERY);
  });

  // npm's `test` script is the package's test command: whatever it starts runs the tests. Any other
  // script that starts no runner the catalog reads proves none (a custom runner, a lint, a build).
  it.each<[string, Record<string, string>, string[]]>([
    ["npm's test script that starts no runner read here", { test: 'node scripts/run-tests.js' }, EVERY],
    ['another script that starts no runner read here', { 'test:custom': 'node scripts/run-tests.js' }, []],
    ['a lint', { lint: 'eslint .' }, []],
    ['a build that runs a script file', { package: 'npm-run-all clean compile', clean: 'rimraf dist', compile: 'node esbuild.js' }, []],
  ])('for %s', (_, scripts, proven) => {
    const [name] = Object.keys(scripts);
    const root = repository(name as string);
    writeBelow(root, 'package.json', JSON.stringify({ name: 'monorepo', main: 'index.js', scripts }));
    expect(EVERY.filter((file) => onWindows(root, file))).toEqual(proven);
  });

  it('proves only the files of a matrix a Windows job passes to a test script, beside scripts that run no test', () => {
    const root = repository('type-check');
    writeBelow(
      root,
      '.github/workflows/ci.yml',
      `jobs:\n  win:\n    runs-on: windows-2022\n    strategy:\n      matrix:\n        mocha-args-windows: [\n          # "packages/core/test/a.spec.js",\n          "packages/core/test/ci/x.spec.js",\n        ]\n    steps:\n      - run: yarn type-check\n      - run: yarn package\n      - run: yarn test-matrix --forbid-only \${{ matrix.mocha-args-windows }}\n`,
    );
    writeBelow(
      root,
      'package.json',
      JSON.stringify({ name: 'monorepo', main: 'index.js', scripts: { 'type-check': 'tsc -b', package: 'node esbuild.js --production', 'test-matrix': 'env TS_NODE_PROJECT=tsconfig.json mocha -r ts-node/register --exit --retries 1' } }),
    );
    expect(EVERY.filter((file) => onWindows(root, file))).toEqual([TESTS[2], FIXTURES[0]]);
  });

  it('proves none when the Windows job runs no script of the package', () => {
    const root = repository('--version');
    expect(EVERY.filter((file) => onWindows(root, file))).toEqual([]);
  });
});

describe('the files a Windows job passes to a test script', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'process-guard-job-arguments-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const START = "import { spawn } from 'node:child_process';\nspawn('rm', ['-rf', 'dist']);\n";
  const TESTS = [
    'src/test/cli.build.test.ts',
    'src/test/container-features/containerFeaturesOCI.test.ts',
    'src/test/container-features/e2e.test.ts',
    'src/test/container-features/generateFeaturesConfig.test.ts',
  ];
  let trees = 0;
  /** A repository whose only job runs `job` (its block below the job's key) on Windows. */
  const repository = (job: string, scripts: Record<string, string>): string => {
    const root = path.join(base, `repo${(trees += 1)}`);
    const write = (file: string, text = '') => writeBelow(root, file, text);
    write('.git/HEAD');
    write('.github/workflows/ci.yml', `on: push\njobs:\n tests-matrix:\n    runs-on: windows-2022\n${job}\n`);
    write('package.json', JSON.stringify({ scripts: { 'test-matrix': 'env TS_NODE_PROJECT=src/test/tsconfig.json mocha -r ts-node/register --exit --retries 1', ...scripts } }));
    return root;
  };
  const proven = (job: string, scripts: Record<string, string> = {}): string[] => {
    const root = repository(job, scripts);
    return TESTS.filter((file) => {
      const analysis = analyzeCode(START, 'esm', {}, path.join(root, file), root);
      return platformsAt(analysis, nodeByText(analysis, "spawn('rm', ['-rf', 'dist'])")).has('win32');
    });
  };
  const STEP = '    steps:\n    - run: yarn test-matrix --forbid-only ${{ matrix.mocha-args-windows }}';

  it('proves the files of a flow-sequence matrix, not those commented out', () => {
    const job = `    strategy:
      matrix:
        mocha-args-windows: [
          # "src/test/cli.build.test.ts",
          "src/test/container-features/containerFeaturesOCI.test.ts",
          # "src/test/container-features/e2e.test.ts",
          "src/test/container-features/generateFeaturesConfig.test.ts",
          # "--exclude .....",
        ]
${STEP}`;
    expect(proven(job)).toEqual([TESTS[1], TESTS[3]]);
  });

  it('proves the files of a block-sequence matrix, quoted or plain', () => {
    const job = `    strategy:
      fail-fast: false
      matrix:
        node: [18, 20]
        mocha-args-windows:
          - src/test/cli.build.test.ts # the build
          - 'src/test/container-features/e2e.test.ts'
${STEP}`;
    expect(proven(job)).toEqual([TESTS[0], TESTS[2]]);
  });

  it('adds the values an include entry sets', () => {
    const job = `    strategy:
      matrix:
        mocha-args-windows: ["src/test/cli.build.test.ts"]
        include:
          - node: 20
            mocha-args-windows: "--exclude src/test/container-features/e2e.test.ts src/test/container-features"
${STEP}`;
    expect(proven(job)).toEqual([TESTS[0], TESTS[1], TESTS[3]]);
  });

  it.each<[string, string, string[]]>([
    ['literal files a job appends', '    steps:\n      - run: yarn test-matrix --forbid-only src/test/cli.build.test.ts', [TESTS[0]!]],
    ["the files after npm's --", '    steps:\n      - run: npm ci && npm run test-matrix -- src/test/container-features/e2e.test.ts', [TESTS[2]!]],
    ['a file after an option with a value, with pnpm', '    steps:\n      - run: pnpm test-matrix --timeout 5000 src/test/container-features', [TESTS[1]!, TESTS[2]!, TESTS[3]!]],
    ['a quoted command with a comment', "    steps:\n      - run: 'yarn test-matrix src/test/cli.build.test.ts # the build'", [TESTS[0]!]],
    ['the union of two steps', '    steps:\n      - run: yarn test-matrix src/test/cli.build.test.ts\n      - run: |\n          yarn test-matrix src/test/container-features/e2e.test.ts', [TESTS[0]!, TESTS[2]!]],
  ])('proves %s', (_, job, expected) => {
    expect(proven(job)).toEqual(expected);
  });

  it('reads the words a script passes on, and ends where scripts run each other', () => {
    const scripts = { ping: 'npm run pong -- src/test/cli.build.test.ts', pong: 'npm run ping -- x && npm run test-matrix' };
    expect(proven('    steps:\n      - run: npm run ping', scripts)).toEqual([TESTS[0]]);
  });

  it.each<[string, string]>([
    ['an input', '    steps:\n      - run: yarn test-matrix ${{ inputs.files }}'],
    ['a matrix read from fromJSON', `    strategy:\n      matrix:\n        mocha-args-windows: \${{ fromJSON(needs.plan.outputs.files) }}\n${STEP}`],
    ['a whole matrix from fromJSON', `    strategy:\n      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}\n${STEP}`],
    ['a matrix name the job does not set', `    strategy:\n      matrix:\n        other: [a]\n${STEP}`],
    ['a command continued on the next line', '    steps:\n      - run: yarn test-matrix \\\n          src/test/cli.build.test.ts'],
    ['a folded command whose words go on', '    steps:\n      - run: >\n          yarn test-matrix\n          src/test/cli.build.test.ts'],
    ['no file at all', '    steps:\n      - run: yarn test-matrix --forbid-only'],
  ])('proves every test for %s', (_, job) => {
    expect(proven(job)).toEqual(TESTS);
  });
});
