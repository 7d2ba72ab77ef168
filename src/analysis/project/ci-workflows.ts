/**
 * The platforms a project's CI runs a package script on, from the GitHub Actions workflows of its
 * repository (`.github/workflows/*.yml`). A project whose CI runs jobs on Windows, but runs a
 * script only in jobs on Linux or macOS runners, keeps that script off Windows: zx's
 * `npm run test:audit` runs in an `ubuntu-latest` job while the Windows jobs run the smoke tests.
 *
 * Read from the text by indentation, without a YAML parser: a job is a key under `jobs:`, its
 * runner is its `runs-on:` value (an expression such as `${{ matrix.os }}` takes the runner names
 * written anywhere in the job), and any command in its block may run the script. Unknown
 * (undefined) when the file is a `bin`, when no script or more than one way runs it (another
 * script, an npm lifecycle, a `pre`/`post` hook), without workflows or a Windows job, when no job
 * runs it, or when a job that runs it names no platform. Read once per repository, and again when
 * a workflow file or folder changes (fs-cache.ts); a workflow file over MAX_WORKFLOW_BYTES is unknown.
 *
 * A development file (file-model.ts: a test, a fixture, a script nothing installs) is not shipped:
 * it runs where the project runs it, on its CI and its contributors' machines. That includes
 * Windows, as far as the analysis can know, only when a job of the repository's CI on a Windows
 * runner is proven to run it (testPlatforms, developmentScriptPlatforms; a test through the
 * files its test scripts name and those the job passes them, test-selection.ts and
 * job-arguments.ts); otherwise the file's
 * platforms are unknown and the platform rules stay silent: a report is a proof.
 */
import path from 'node:path';

import { CI_RUNNER_WORDS, NPM_LIFECYCLE_SCRIPTS, USER_RUN_SCRIPTS, type Platform } from '../catalog/platform-apis.js';
import { DerivedCache, listFolder, readText, stat } from './fs-cache.js';
import { manifestOf, publishedFiles, repositoryRoot, scriptCommands, startedPaths, type PackageManifest } from './package-manifest.js';
import { jobArguments } from './job-arguments.js';
import { invokes, passedWords } from './script-calls.js';
import { EVERY_TEST, runnerSelections, type TestSelection } from './test-selection.js';
import { compileGlob } from '../../util/glob.js';
import { escapeRegExp } from '../../util/regexp.js';

interface Job {
  /** The platforms its runner can be; undefined when the runner names none (`self-hosted`). */
  readonly platforms: ReadonlySet<Platform> | undefined;
  readonly text: string;
}

const MAX_WORKFLOW_BYTES = 512 * 1024;

/** The jobs of a repository's workflows and the folder holding their `.github`, where the jobs' commands run. */
interface Workflows {
  readonly root: string;
  readonly jobs: readonly Job[];
}

/** Package folder → the workflows of its repository. */
const workflowsOfFolder = new DerivedCache<Workflows | undefined>();
/** Package folder → what the scripts its Windows jobs run select of its tests. */
const testsByFolder = new DerivedCache<readonly TestSelection[]>();
/** Folder → the jobs of its own `.github/workflows` (undefined: it has none). */
const workflowsByFolder = new DerivedCache<readonly Job[] | undefined>();

/** The platforms the repository's CI runs `file` on, through the scripts of `manifest`; undefined when unknown. */
export function ciPlatforms(file: string, manifest: PackageManifest): ReadonlySet<Platform> | undefined {
  const paths = startedPaths(file);
  if (paths.some((started) => manifest.binFiles.has(started))) return undefined;
  const names = paths.flatMap((started) => manifest.scriptsRunning.get(started) ?? []);
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (NPM_LIFECYCLE_SCRIPTS.has(name) || /^(?:pre|post)/.test(name)) return undefined;
    const mention = wordPattern(name);
    if ([...manifest.scripts].some(([other, command]) => other !== name && mention.test(command))) return undefined;
  }
  const jobs = repositoryWorkflows(manifest.folder)?.jobs;
  if (!runsOnWindows(jobs)) return undefined;
  const relative = path.relative(manifest.folder, file).split(path.sep).join('/');
  const platforms = new Set<Platform>();
  for (const job of jobs) {
    if (!job.text.includes(relative) && !names.some((name) => invokes(job.text, name))) continue;
    if (!job.platforms) return undefined;
    for (const platform of job.platforms) platforms.add(platform);
  }
  return platforms.size > 0 ? platforms : undefined;
}

/** No platform proven: the platforms of a file where they are unknown, for which the platform rules stay silent. */
export const UNKNOWN_PLATFORMS: ReadonlySet<Platform> = new Set();

/**
 * The platforms a test or fixture of the package in `folder` runs on: any (undefined) when a job
 * of the repository's CI on Windows runs a script of the package (see runsPackageScript) that
 * selects it (see windowsTestSelections), unknown otherwise: Windows jobs that only install, pack
 * or try the published package, test other packages of the repository, or run test scripts that
 * name other files, run none of its tests, and without workflows nothing is known. A fixture
 * (`fixtureRunners`: the folder whose files start it) runs where a selection may reach a test there.
 */
export function testPlatforms(file: string, folder: string, fixtureRunners: string | undefined): ReadonlySet<Platform> | undefined {
  const selections = windowsTestSelections(folder);
  const proven = selections.some((selection) => selection.selects(file) || (fixtureRunners !== undefined && selection.reaches(fixtureRunners)));
  return proven ? undefined : UNKNOWN_PLATFORMS;
}

/**
 * What the scripts of the package in `folder` that the repository's Windows jobs run select of its
 * tests, run with the words the jobs pass them (job-arguments.ts); none without such a job.
 */
function windowsTestSelections(folder: string): readonly TestSelection[] {
  return testsByFolder.get(folder, () => {
    const manifest = manifestOf(folder);
    if (!manifest) return [];
    const { root, jobs } = windowsJobs(folder);
    return projectScripts(manifest).flatMap((name) => {
      const runs = jobs.filter((job) => runsPackageScript(job, root, manifest, name)).map((job) => jobArguments(job.text, name));
      if (runs.length === 0) return [];
      if (runs.includes(undefined)) return [EVERY_TEST];
      const visited = new Set<string>();
      return runs.flat(1).flatMap((appended) => scriptSelections(manifest, name, appended ?? [], visited, new Set()));
    });
  });
}

/**
 * What script `name`, run with the words `appended` to its command line, selects of the package's
 * tests: the selections of the test runners it starts (runnerSelections) and of those the scripts
 * it runs start, each with the words it passes them (`npm run test:unit -- test/e2e`); its other
 * commands run no test. `visited` holds the runs already read (a script and its words), `running`
 * the scripts that run this one: a script that runs itself again, with more words each time, runs forever.
 */
function scriptSelections(manifest: PackageManifest, name: string, appended: readonly string[], visited: Set<string>, running: ReadonlySet<string>): TestSelection[] {
  const key = [name, ...appended].join('\0');
  if (visited.has(key) || running.has(name)) return [];
  visited.add(key);
  const command = manifest.scripts.get(name) ?? '';
  const selections = runnerSelections(command, manifest.folder, appended);
  const within = new Set([...running, name]);
  for (const other of manifest.scripts.keys()) {
    for (const passed of scriptRuns(command, appended, name, other)) selections.push(...scriptSelections(manifest, other, passed, visited, within));
  }
  // npm's `test` script is the package's test command (`npm test`): one that starts no runner the
  // catalog reads (`node test/run.js`) runs the package's tests all the same. Any other script
  // that starts none (`lint`, `build`, `package`) runs no test.
  return selections.length === 0 && name === 'test' ? [EVERY_TEST] : selections;
}

/** The words each run of script `other` by script `name` (command `command` with `appended`) passes it: none when it does not run it. */
function scriptRuns(command: string, appended: readonly string[], name: string, other: string): string[][] {
  if (other === name) return [];
  if (other === `pre${name}` || other === `post${name}` || runsAll(command, other)) return [[]];
  return scriptCommands(command, appended).flatMap((words) => {
    const passed = passedWords(words, other);
    return passed ? [passed] : [];
  });
}

/** Whether npm-run-all's `run-s`, `run-p`, `npm-run-all` in `command` name script `other` or a pattern of it (`test:*`, where `*` stops at `:` and `**` does not). */
function runsAll(command: string, other: string): boolean {
  const colons = (text: string) => text.replaceAll(':', '/');
  return scriptCommands(command).some((words) => {
    const at = words.findIndex((word) => RUN_ALL.has(word));
    return at >= 0 && words.slice(at + 1).some((word) => !word.startsWith('-') && compileGlob(colons(word)).test(colons(other)));
  });
}

const RUN_ALL: ReadonlySet<string> = new Set(['run-s', 'run-p', 'npm-run-all']);

/**
 * The platforms a development script runs on (a script of `manifest`, or a file nothing installs):
 * any (undefined) when a job of the repository's CI on Windows names its path, from the repository
 * or from the package, or runs a script of the package that runs it, directly or through the
 * scripts that name that one; unknown otherwise.
 */
export function developmentScriptPlatforms(file: string, manifest: PackageManifest | undefined): ReadonlySet<Platform> | undefined {
  const folder = manifest?.folder ?? path.dirname(file);
  const { root, jobs } = windowsJobs(folder);
  if (jobs.length === 0) return UNKNOWN_PLATFORMS;
  const started = startedPaths(file);
  const paths = [root, folder].flatMap((from) => started.map((name) => pathPattern(path.relative(from, name).split(path.sep).join('/'))));
  const running = manifest
    ? [...scriptClosure(manifest, started.flatMap((name) => manifest.scriptsRunning.get(name) ?? []), (name, other) => mentions(manifest, other, name))]
    : [];
  const proven = jobs.some(
    (job) => paths.some((pattern) => pattern.test(job.text)) || (manifest !== undefined && running.some((name) => runsPackageScript(job, root, manifest, name))),
  );
  return proven ? undefined : UNKNOWN_PLATFORMS;
}

/**
 * Whether a job runs script `name` of the package: it invokes the script and the package is the
 * repository's root (`root`, where the job's commands run), or the job names the package (its
 * folder from the root or its `name`: `-w`, `--filter`, `working-directory:`), or the root's
 * script of that name runs the workspaces.
 */
function runsPackageScript(job: Job, root: string, manifest: PackageManifest, name: string): boolean {
  if (!invokes(job.text, name)) return false;
  if (root === manifest.folder) return true;
  const folder = path.relative(root, manifest.folder).split(path.sep).join('/');
  if ([folder, manifest.name].some((word) => word !== undefined && wordPattern(word).test(job.text))) return true;
  return WORKSPACES_COMMAND.test(manifestOf(root)?.scripts.get(name) ?? '');
}

/**
 * A command that runs a script in every workspace: `pnpm -r`, `npm --workspaces`, `lerna run`,
 * `turbo run`, `nx run-many`, `yarn workspaces foreach` (`-r` only after pnpm: node's `-r` preloads).
 */
const WORKSPACES_COMMAND = /\bpnpm\b[^\n&|;]*?\s(?:-r|--recursive)(?=\s|$)|(?:^|\s)(?:--workspaces|-ws)(?=\s|$)|\b(?:lerna|turbo) run\b|\bnx run-many\b|\bworkspaces (?:foreach|run)\b/;

/** The jobs of the repository's CI holding `folder` that run on Windows, and the folder their commands run in. */
function windowsJobs(folder: string): Workflows {
  const workflows = repositoryWorkflows(folder);
  return { root: workflows?.root ?? folder, jobs: workflows?.jobs.filter((job) => job.platforms?.has('win32')) ?? [] };
}

/** Whether the file is in the `.github` folder of its repository: GitHub Actions runs it. */
export function isGithubFile(file: string): boolean {
  const root = repositoryRoot(path.dirname(file));
  return root !== undefined && path.relative(root, file).split(path.sep)[0] === '.github';
}

/** The scripts of a manifest that a CI job runs by name, without those npm runs when it installs or packs. */
function projectScripts(manifest: PackageManifest | undefined): string[] {
  return [...(manifest?.scripts.keys() ?? [])].filter((name) => !INSTALL_AND_PACK_SCRIPTS.has(name));
}

const INSTALL_AND_PACK_SCRIPTS: ReadonlySet<string> = new Set(['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack', 'prepublish', 'prepublishOnly', 'publish', 'postpublish']);

/**
 * Whether only the package's own scripts run `file`, for its developers: not a `bin`, not the
 * package's `main` or an `exports` target, and no script npm runs on its users' machines
 * (`postinstall`, `start`) runs it, directly or through the scripts it names.
 */
export function isDevelopmentScript(file: string, manifest: PackageManifest): boolean {
  const paths = startedPaths(file);
  const names = paths.flatMap((started) => manifest.scriptsRunning.get(started) ?? []);
  if (names.length === 0) return false;
  const published = publishedFiles(manifest);
  if (paths.some((started) => manifest.binFiles.has(started) || published.has(started))) return false;
  const userRun = userRunScripts(manifest);
  return !names.some((name) => userRun.has(name));
}

/** The scripts users' machines run: USER_RUN_SCRIPTS and every script they name, transitively. */
function userRunScripts(manifest: PackageManifest): ReadonlySet<string> {
  const seeds = [...manifest.scripts.keys()].filter((name) => USER_RUN_SCRIPTS.has(name));
  return scriptClosure(manifest, seeds, (name, other) => mentions(manifest, name, other));
}

/** `seeds` and every script `follows` leads to from one found, transitively. */
function scriptClosure(manifest: PackageManifest, seeds: readonly string[], follows: (name: string, other: string) => boolean): ReadonlySet<string> {
  const found = new Set(seeds);
  const pending = [...found];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const other of manifest.scripts.keys()) {
      if (found.has(other) || !follows(name, other)) continue;
      found.add(other);
      pending.push(other);
    }
  }
  return found;
}

/** Whether the command of script `name` names script `other`. */
function mentions(manifest: PackageManifest, name: string, other: string): boolean {
  return wordPattern(other).test(manifest.scripts.get(name) ?? '');
}

function runsOnWindows(jobs: readonly Job[] | undefined): jobs is readonly Job[] {
  return jobs?.some((job) => job.platforms?.has('win32')) ?? false;
}

/**
 * The workflows of the repository holding `folder`: the nearest `.github` from `folder`
 * up to the repository's root (the folder with `.git`), or in `folder` alone outside a repository:
 * a folder above it may be anyone's.
 */
function repositoryWorkflows(folder: string): Workflows | undefined {
  return workflowsOfFolder.get(folder, () => {
    const top = repositoryRoot(folder) ?? folder;
    for (let current = folder; ; current = path.dirname(current)) {
      const jobs = workflowJobs(current);
      if (jobs) return { root: current, jobs };
      if (current === top || path.dirname(current) === current) return undefined;
    }
  });
}

/** The jobs of `folder/.github/workflows`, read once for every package below it; undefined without one. */
function workflowJobs(folder: string): readonly Job[] | undefined {
  return workflowsByFolder.get(folder, () => {
    const workflows = path.join(folder, '.github', 'workflows');
    if (stat(workflows)?.kind !== 'directory') return undefined;
    return [...listFolder(workflows).names].filter((name) => /\.ya?ml$/.test(name)).flatMap((name) => parseJobs(readText(path.join(workflows, name), MAX_WORKFLOW_BYTES) ?? ''));
  });
}

/** The jobs of one workflow file: the blocks under `jobs:`, one per key at the first indentation. */
export function parseJobs(text: string): Job[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^jobs:\s*(?:#.*)?$/.test(line));
  if (start < 0) return [];
  const blocks: string[][] = [];
  let jobIndent: number | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    // The next top-level key ends the jobs.
    if (indent === 0) break;
    jobIndent ??= indent;
    if (indent <= jobIndent) blocks.push([line]);
    else blocks.at(-1)?.push(line);
  }
  return blocks.map((block) => {
    const text = block.join('\n');
    return { platforms: runnerPlatforms(block, text), text };
  });
}

function runnerPlatforms(block: readonly string[], text: string): ReadonlySet<Platform> | undefined {
  const at = block.findIndex((line) => /^\s+runs-on:/.test(line));
  if (at < 0) return undefined;
  // `runs-on: ubuntu-latest`, `runs-on: [self-hosted, linux]`, or a list on the lines below.
  let value = (block[at] ?? '').replace(/^\s+runs-on:/, '');
  for (let index = at + 1; index < block.length && /^\s+-\s/.test(block[index] ?? ''); index += 1) value += ` ${block[index]}`;
  const named = platformWords(value.includes('${{') ? text : value);
  return named.size > 0 ? named : undefined;
}

function platformWords(text: string): Set<Platform> {
  const found = new Set<Platform>();
  for (const [pattern, platform] of CI_RUNNER_WORDS) if (pattern.test(text)) found.add(platform);
  return found;
}

/** A relative path as a word of a command, maybe after `./`: `node scripts/x.js`, `"./scripts/x"`, not `tools/scripts/x.js`. */
function pathPattern(relative: string): RegExp {
  return new RegExp(`(?:^|[\\s'"=(])(?:\\./)?${escapeRegExp(relative)}(?![\\w.-])`);
}

/** The script's name as a word of another command (`npm run a && npm run name`, `run-s name`). */
function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w:.-])${escapeRegExp(name)}(?![\\w:.-])`);
}
