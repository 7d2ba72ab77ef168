/**
 * `settings['process-guard']`: every mistake stops the lint with one line naming the entry (and, for
 * a typo, the key it most likely meant); good settings resolve once per settings object.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../../src/index.js';
import { resolveSettings, SettingsError } from '../../../src/analysis/catalog/settings.js';
import { closestName, editDistance } from '../../../src/util/closest-name.js';
import { ESLINT_10_BIN, runNode, tempProject } from '../../integration/support.js';

const resolve = (settings: unknown) => () => resolveSettings({ 'process-guard': settings });
const starter = (extra: Record<string, unknown>) => ({ starters: [{ module: '@acme/jobs', path: 'start', ...extra }] });
const PLATFORM_LIST = 'aix, android, cygwin, darwin, freebsd, haiku, linux, netbsd, openbsd, sunos, win32';

describe('settings mistakes', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt key', { platformGuard: { isWindows: 'win32' } }, "settings['process-guard'].platformGuard is not a setting; did you mean `platformGuards`?"],
    ['a misspelt key', { startrs: [] }, "settings['process-guard'].startrs is not a setting; did you mean `starters`?"],
    ['a cross-file switch that is not a boolean', { crossFile: 'no' }, "settings['process-guard'].crossFile must be true or false."],
    [
      'an unknown key',
      { rules: {} },
      "settings['process-guard'].rules is not a setting; expected starters, platformGuards, platformOnlyModules, entryPoints, testFiles, crossFile, platformFileNames, ciWorkflows.",
    ],
    ['a starter key', starter({ pth: 'start' }), "settings['process-guard'].starters[0].pth is not a setting; did you mean `path`?"],
    ['a target key', starter({ target: { role: 'script', arg: 0 } }), "settings['process-guard'].starters[0].target.arg is not a setting; expected role, argument, option."],
    ['settings that are not an object', 'strict', "settings['process-guard'] must be an object."],
    ['starters that are not a list', { starters: {} }, "settings['process-guard'].starters must be an array."],
    ['a starter that is not an object', { starters: ['execa'] }, "settings['process-guard'].starters[0] must be an object."],
    ['a missing module', { starters: [{ path: 'x' }] }, "settings['process-guard'].starters[0].module must be a module name."],
    ['an empty path', starter({ path: '' }), "settings['process-guard'].starters[0].path must be a member path such as 'startWorker' or 'pool.start' (leave it out for the module itself)."],
    ['an empty segment', starter({ path: 'pool..start' }), "settings['process-guard'].starters[0].path must be a member path such as 'startWorker' or 'pool.start' (leave it out for the module itself)."],
    ['a path of numbers', starter({ path: [1] }), "settings['process-guard'].starters[0].path must be a member path such as 'startWorker' or 'pool.start' (leave it out for the module itself)."],
    ['a misspelt mechanism', starter({ mechanism: 'thred' }), "settings['process-guard'].starters[0].mechanism must be one of process, fork, thread, cluster; did you mean 'thread'?"],
    ['an unknown invocation', starter({ invocation: 'new' }), "settings['process-guard'].starters[0].invocation must be one of call, construct, call-or-construct."],
    ['an empty name', starter({ name: '' }), "settings['process-guard'].starters[0].name must be a name."],
    ['a target that is not an object', starter({ target: 'script' }), "settings['process-guard'].starters[0].target must be an object."],
    ['a target without a role', starter({ target: { argument: 0 } }), "settings['process-guard'].starters[0].target.role must be one of command, shell-command, script."],
    ['a fractional argument', starter({ target: { role: 'script', argument: 1.5 } }), "settings['process-guard'].starters[0].target.argument must be an argument index (a non-negative integer)."],
    ['a negative argument', starter({ target: { role: 'script', argument: -1 } }), "settings['process-guard'].starters[0].target.argument must be an argument index (a non-negative integer)."],
    ['an empty option', starter({ target: { role: 'script', option: '' } }), "settings['process-guard'].starters[0].target.option must be an option name."],
    ['a misspelt Windows mode', starter({ windows: 'shim-awre' }), "settings['process-guard'].starters[0].windows must be one of direct, shim-aware, posix-shell; did you mean 'shim-aware'?"],
    ['a misspelt starter key', starter({ window: 'shim-aware' }), "settings['process-guard'].starters[0].window is not a setting; did you mean `windows`?"],
    ['a negative options index', starter({ optionsFrom: -1 }), "settings['process-guard'].starters[0].optionsFrom must be an argument index (a non-negative integer), or null for no options."],
    ['an options index as text', starter({ optionsFrom: '1' }), "settings['process-guard'].starters[0].optionsFrom must be an argument index (a non-negative integer), or null for no options."],
    ['an unknown start', starter({ starts: 'lazy' }), "settings['process-guard'].starters[0].starts must be 'always' or { whenOption: '<option name>' }."],
    ['a misspelt start key', starter({ starts: { whenOptions: 'minWorkers' } }), "settings['process-guard'].starters[0].starts.whenOptions is not a setting; did you mean `whenOption`?"],
    ['a start without an option', starter({ starts: {} }), "settings['process-guard'].starters[0].starts.whenOption must be an option name."],
    ['a process mode that is not an object', starter({ processMode: 'process' }), "settings['process-guard'].starters[0].processMode must be an object."],
    ['a process mode without a value', starter({ processMode: { option: 'workerType' } }), "settings['process-guard'].starters[0].processMode.value must be the option value that selects child processes."],
    ['a process mode key', starter({ processMode: { opt: 'workerType', value: 'process' } }), "settings['process-guard'].starters[0].processMode.opt is not a setting; expected option, value."],
    ['an options-call switch that is not a boolean', starter({ configuredByOptionsCall: 'yes' }), "settings['process-guard'].starters[0].configuredByOptionsCall must be true or false."],
    ['an empty module name', { platformOnlyModules: { '': 'win32' } }, "settings['process-guard'].platformOnlyModules[''] needs a name."],
    ['an empty platform list', { platformGuards: { isWindows: [] } }, `settings['process-guard'].platformGuards.isWindows must be a process.platform value or a non-empty list of them (${PLATFORM_LIST}).`],
    ['an unknown platform', { platformGuards: { isWin: 'windows' } }, `settings['process-guard'].platformGuards.isWin must be a process.platform value or a non-empty list of them (${PLATFORM_LIST}).`],
    ['a misspelt platform', { platformOnlyModules: { 'windows-registry': ['win32', 'darwn'] } }, `settings['process-guard'].platformOnlyModules['windows-registry'] must be a process.platform value or a non-empty list of them (${PLATFORM_LIST}); did you mean 'darwin'?`],
    ['guards that are not an object', { platformGuards: ['isWindows'] }, "settings['process-guard'].platformGuards must be an object."],
    ['entry points that are not a list', { entryPoints: 'bin/*.js' }, "settings['process-guard'].entryPoints must be an array."],
    ['an empty test glob', { testFiles: ['**/*.test.js', ''] }, "settings['process-guard'].testFiles[1] must be a non-empty glob string."],
  ])('rejects %s in one line: %j', (_, settings, message) => {
    expect(resolve(settings)).toThrow(new SettingsError(message));
    try {
      resolve(settings)();
    } catch (error) {
      expect((error as Error).stack).toBe(message);
    }
  });

  it('accepts every documented form, and resolves a settings object once', () => {
    const settings = {
      'process-guard': {
        starters: [
          { module: 'node:@acme/jobs', path: ['queue', 'start'], invocation: 'call', mechanism: 'thread', name: 'startJob()', target: { role: 'script', argument: 0 } },
          { module: 'execa', target: { role: 'command', option: 'file' } },
        ],
        platformGuards: { isWindows: 'win32', isUnix: ['linux', 'darwin'] },
        platformOnlyModules: { 'windows-registry': 'win32' },
        entryPoints: ['bin/*.js'],
        testFiles: ['**/*.test.js'],
      },
    };
    const resolved = resolveSettings(settings);
    expect(resolveSettings(settings)).toBe(resolved);
    expect(resolved.starters.get('@acme/jobs:queue.start')?.[0]).toMatchObject({ name: 'startJob()', target: { role: 'script', argument: 0 } });
    expect(resolved.starters.get('execa:')?.map((spec) => spec.target)).toContainEqual({ role: 'command', option: 'file' });
    expect(resolved.platformGuards.get('isUnix')).toEqual(['linux', 'darwin']);
    expect(resolved.trackedModules.has('windows-registry')).toBe(true);
  });
});

describe('declared starters', () => {
  const declared = (extra: Record<string, unknown>) =>
    resolveSettings({ 'process-guard': starter(extra) }).starters.get('@acme/jobs:start')?.[0];

  it('default to a direct, always starting call with its options from the second argument', () => {
    expect(declared({})).toEqual({
      module: '@acme/jobs',
      path: ['start'],
      invocation: 'call-or-construct',
      mechanism: 'process',
      name: '@acme/jobs.start()',
      starts: 'always',
      optionsFrom: 1,
    });
  });

  it('take every field of the catalog', () => {
    expect(
      declared({
        invocation: 'call',
        target: { role: 'command', argument: 0 },
        optionsFrom: 2,
        windows: 'shim-aware',
        configuredByOptionsCall: true,
        failure: 'rejects',
      }),
    ).toMatchObject({ target: { role: 'command', argument: 0 }, optionsFrom: 2, windows: 'shim-aware', configuredByOptionsCall: true, failure: 'rejects' });
    expect(
      declared({
        invocation: 'construct',
        mechanism: 'thread',
        target: { role: 'script', option: 'filename' },
        optionsFrom: 0,
        starts: { whenOption: 'minThreads' },
        processMode: { option: 'runtime', value: 'child_process' },
      }),
    ).toMatchObject({ optionsFrom: 0, starts: { whenOption: 'minThreads' }, processMode: { option: 'runtime', value: 'child_process' } });
  });

  it('take null for a starter without options, and false as no options call', () => {
    const spec = declared({ optionsFrom: null, starts: 'always', configuredByOptionsCall: false });
    expect(spec).not.toHaveProperty('optionsFrom');
    expect(spec).not.toHaveProperty('configuredByOptionsCall');
    expect(spec?.starts).toBe('always');
  });
});

describe('options', () => {
  const lint = (initializeMethodName: unknown) => () =>
    new Linter().verify('class A {}', [
      { plugins: { 'process-guard': plugin as never }, rules: { 'process-guard/no-spawn-in-constructor': ['warn', { initializeMethodName }] } },
    ]);

  it.each(['constructor', 'start up', '1st', ''])('rejects initializeMethodName %j', (name) => {
    expect(lint(name)).toThrow(/Key "process-guard\/no-spawn-in-constructor":\s+Value .* should/);
  });

  it.each(['start', '$connect', 'delete'])('accepts initializeMethodName %j', (name) => {
    expect(lint(name)()).toEqual([]);
  });
});

describe('closestName', () => {
  it('suggests a name about one typo per three characters away, and nothing farther', () => {
    expect(editDistance('platfromGuards', 'platformGuards')).toBe(1);
    expect(closestName('pth', ['module', 'path', 'name'])).toBe('path');
    expect(closestName('PlatformGuards', ['starters', 'platformGuards'])).toBe('platformGuards');
    expect(closestName('paths', ['path', 'name'])).toBe('path');
    expect(closestName('rules', ['starters', 'platformGuards'])).toBeUndefined();
    expect(closestName('x', ['path'])).toBeUndefined();
  });
});

describe('in ESLint', () => {
  it('stops the lint with the one-line message and exit code 2', async () => {
    const project = tempProject({ 'start.mjs': "import { fork } from 'node:child_process';\nfork('./w.js');\n" }, ['eslint', 'eslint-plugin-process-guard']);
    try {
      writeFileSync(
        path.join(project.dir, 'eslint.config.js'),
        "import processGuard from 'eslint-plugin-process-guard';\n" +
          "export default [processGuard.configs.recommended, { settings: { 'process-guard': { platformGuard: { isWindows: 'win32' } } } }];\n",
      );
      writeFileSync(path.join(project.dir, 'package.json'), '{ "type": "module" }\n');
      const { code, stdout, stderr } = await runNode([ESLINT_10_BIN, 'start.mjs'], { cwd: project.dir });
      expect(code).toBe(2);
      const lines = `${stdout}${stderr}`.split('\n').filter((line) => line.includes('process-guard'));
      expect(lines).toEqual(["settings['process-guard'].platformGuard is not a setting; did you mean `platformGuards`?"]);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      project.remove();
    }
  });
});
