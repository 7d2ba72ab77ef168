// The dependency audit of the CLI on the npm, pnpm and yarn layouts and a workspace: which packages
// do what while they load, by which path the project reaches them, in each output format.

import { describe, expect, it } from 'vitest';

import { run, type CliIo } from '../../src/cli.js';
import { auditDependencies, formatAudit } from '../../src/cli/audit.js';
import { dependencyTrees, PACKAGES } from '../support/dependency-tree.js';
import { tempFolder } from '../support/temp-folder.js';

const trees = dependencyTrees('audit');

/** Each finding as `package: file:line via path`. */
function summary(root: string): string[] {
  return auditDependencies(root).findings.flatMap((finding) => finding.hazards.map((hazard) => `${finding.package}: ${hazard.file}:${hazard.line} via ${finding.path.join(' > ')}`));
}

describe('auditDependencies', () => {
  it('lists the packages of an npm tree whose load does something, and none of their fixed twins', () => {
    expect(summary(trees.npm)).toEqual([
      'detect-libc: lib/detect-libc.js:4 via app@0.0.0 > detect-libc@1.0.0',
      'posix-owner: index.js:1 via app@0.0.0 > posix-owner@1.0.0',
      'spawner: lib/index.js:2 via app@0.0.0 > spawner@1.0.0',
      'user-info: parse.js:3 via app@0.0.0 > user-info@1.0.0',
      'watcher: index.js:1 via app@0.0.0 > watcher@1.0.0',
    ]);
  });

  it('gives the path through the dependency that loads it (pnpm links, yarn nested copies)', () => {
    expect(summary(trees.pnpm)).toEqual(['spawner: lib/index.js:2 via app@0.0.0 > wrapper@1.0.0 > spawner@1.0.0']);
    // yarn: the top-level spawner is 2.0.0 (fixed); the wrapper's nested copy is 1.0.0.
    expect(summary(trees.yarn)).toEqual(['spawner: lib/index.js:2 via app@0.0.0 > wrapper@1.0.0 > spawner@1.0.0']);
  });

  it("reads the workspaces' dependencies", () => {
    const { root, write } = tempFolder('audit-workspaces');
    const spawner = PACKAGES.spawner;
    write({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': JSON.stringify({ name: 'api', version: '1.0.0', dependencies: { spawner: '1.0.0' } }),
      'node_modules/spawner/package.json': JSON.stringify({ name: 'spawner', version: '1.0.0', ...spawner?.manifest }),
      'node_modules/spawner/lib/index.js': spawner?.files['lib/index.js'] ?? '',
    });
    expect(summary(root)).toEqual(['spawner: lib/index.js:2 via api@1.0.0 > spawner@1.0.0']);
  });
});

describe('formatAudit', () => {
  const result = auditDependencies(trees.pnpm);

  it('prints a table, JSON and SARIF', () => {
    const table = formatAudit(result, 'stylish', trees.pnpm).split('\n');
    expect(table[0]).toMatch(/^package\s+on load\s+where\s+path$/);
    expect(table[1]).toMatch(/^spawner@1\.0\.0\s+starts a child process \(`spawnSync\(\)`\)\s+lib\/index\.js:2\s+app@0\.0\.0 > wrapper@1\.0\.0 > spawner@1\.0\.0$/);
    expect(JSON.parse(formatAudit(result, 'json', trees.pnpm))).toMatchObject([{ package: 'spawner', version: '1.0.0', path: ['app@0.0.0', 'wrapper@1.0.0', 'spawner@1.0.0'], hazards: [{ file: 'lib/index.js', line: 2 }] }]);
    const sarif = JSON.parse(formatAudit(result, 'sarif', trees.pnpm)) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const [finding] = sarif.runs.flatMap((sarifRun) => sarifRun.results);
    expect(finding?.ruleId).toBe('process-guard/no-hazardous-dependency');
    expect(finding?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('node_modules/.pnpm/spawner%401.0.0/node_modules/spawner/lib/index.js');
    expect(finding?.locations[0]?.physicalLocation.region.startLine).toBe(2);
  });
});

describe('process-guard --audit-dependencies', () => {
  function io(cwd: string) {
    const out = { stdout: '', stderr: '' };
    const cliIo: CliIo = { cwd, stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } };
    return { cliIo, out };
  }

  it('exits 1 with findings, 0 without, and says how many packages it read', async () => {
    const found = io(trees.root);
    expect(await run(['--audit-dependencies', 'yarn', '--format', 'json'], found.cliIo)).toBe(1);
    expect(JSON.parse(found.out.stdout)).toHaveLength(1);
    expect(found.out.stderr).toBe('process-guard: 3 packages read, 1 load hazard in 1 package\n');
    const { root, write } = tempFolder('audit-clean');
    write({ 'package.json': JSON.stringify({ name: 'clean' }) });
    const clean = io(root);
    expect(await run(['--audit-dependencies'], clean.cliIo)).toBe(0);
    expect(clean.out.stdout).toBe('');
  });

  it('refuses a folder without package.json', async () => {
    const { root } = tempFolder('audit-empty');
    const empty = io(root);
    expect(await run(['--audit-dependencies'], empty.cliIo)).toBe(2);
    expect(empty.out.stderr).toMatch(/no package\.json/);
  });
});
