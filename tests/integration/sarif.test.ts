// The CLI's SARIF and the ESLint formatter entry: valid against the official SARIF 2.1.0 schema,
// with the driver, rules, locations and suggestions as fixes; one run per tool, and parse failures
// as tool notifications.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type AjvDraft04Module from 'ajv-draft-04';
import type AjvFormatsModule from 'ajv-formats';
import { ESLint } from 'eslint';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';

import type { CliIo } from '../../src/cli.js';
import { PACKAGE_VERSION, REPOSITORY_URL } from '../../src/util/package-info.js';
import { EXAMPLES, loadBuiltCli, loadBuiltPlugin, ROOT, tempProject } from './support.js';

const require = createRequire(import.meta.url);
// both are CommonJS modules whose `default` is also `module.exports`
const AjvDraft04 = require('ajv-draft-04') as typeof AjvDraft04Module.default;
const addFormats = require('ajv-formats') as typeof AjvFormatsModule.default;
// The schema as OASIS published it (2.1.0, rtm.5), shipped by Microsoft's SARIF SDK.
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language-tag pattern is not valid in Unicode mode, which Ajv uses by default.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let run: (argv: readonly string[], io?: CliIo) => Promise<number>;
beforeAll(async () => {
  ({ run } = await loadBuiltCli());
});

async function cliSarif(argv: readonly string[], cwd = ROOT): Promise<Sarif.Log> {
  let stdout = '';
  const sink = { write: () => true, isTTY: false };
  await run([...argv, '--format', 'sarif'], { cwd, stdout: { write: (text: string) => (stdout += text), isTTY: false }, stderr: sink });
  return JSON.parse(stdout) as Sarif.Log;
}

function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema', async () => {
    const log = await cliSarif(['examples', '--preset', 'all']);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0]!.results!.length).toBeGreaterThan(5);
  });

  it('describes the tool and every rule of the preset with its doc page and default level', async () => {
    const [sarifRun] = (await cliSarif(['examples'])).runs;
    const { driver } = sarifRun!.tool;
    expect(driver).toMatchObject({ name: 'process-guard', version: PACKAGE_VERSION, informationUri: REPOSITORY_URL });
    const plugin = await loadBuiltPlugin();
    expect(driver.rules!.map((rule) => rule.id)).toEqual(Object.keys(plugin.configs.recommended.rules!).sort());
    const selfSpawn = driver.rules!.find((rule) => rule.id === 'process-guard/no-unguarded-self-spawn');
    expect(selfSpawn).toMatchObject({
      helpUri: `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/no-unguarded-self-spawn.md`,
      defaultConfiguration: { level: 'error' },
      shortDescription: { text: expect.stringMatching(/^Disallow /) as unknown },
    });
  });

  it('gives locations relative to SRCROOT and suggestions as fixes', async () => {
    const [sarifRun] = (await cliSarif(['examples'])).runs;
    expect(sarifRun!.originalUriBaseIds!['SRCROOT']!.uri).toBe(pathToFileURL(ROOT).href.replace(/\/?$/, '/'));
    const result = sarifRun!.results!.find(
      (candidate) => candidate.locations![0]!.physicalLocation!.artifactLocation!.uri === 'examples/job-runner.js' && candidate.fixes,
    );
    expect(result).toBeDefined();
    expect(result!.locations![0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'examples/job-runner.js', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 16 },
    });
    const source = readFileSync(path.join(EXAMPLES, 'job-runner.js'), 'utf8');
    const [replacement] = result!.fixes![0]!.artifactChanges[0]!.replacements;
    const { charOffset = 0, charLength = 0 } = replacement!.deletedRegion;
    expect(source.slice(charOffset, charOffset + charLength)).toContain('fork(');
    expect(replacement!.insertedContent!.text).toContain('function getRunner()');
  });

  it('writes the same results through the ESLint formatter entry', async () => {
    const plugin = await loadBuiltPlugin();
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const results = await eslint.lintFiles(['examples/*.js', 'examples/*.cjs', 'examples/*.mjs']);
    const formatter = await eslint.loadFormatter(path.join(ROOT, 'dist', 'sarif-formatter.js'));
    const log = JSON.parse(await formatter.format(results)) as Sarif.Log;
    expect(schemaErrors(log)).toEqual([]);
    const cli = await cliSarif(['examples/*.js', 'examples/*.cjs', 'examples/*.mjs']);
    expect(log.runs[0]!.results).toEqual(cli.runs[0]!.results!.map(({ ruleIndex: _index, ...result }) => expect.objectContaining(result) as unknown));
  });

  it("names each result's own tool, and lists parse failures as notifications of each run", async () => {
    const plugin = await loadBuiltPlugin();
    const local: ESLint.Plugin = {
      rules: {
        'no-empty-file': {
          meta: { type: 'problem', schema: [], docs: { description: 'Report every file' } },
          create: (context) => ({ Program: (node) => context.report({ node, message: 'A file.' }) }),
        },
      },
    };
    const project = tempProject(
      { 'bomb.mjs': "import { fork } from 'node:child_process';\n\nconst unused = 1;\nfork(import.meta.filename);\n", 'broken.mjs': 'export const = 1;\n' },
      [],
    );
    try {
      const eslint = new ESLint({
        cwd: project.dir,
        overrideConfigFile: true,
        overrideConfig: [plugin.configs.recommended, { plugins: { local }, rules: { 'no-unused-vars': 'warn', 'local/no-empty-file': 'warn' } }],
      });
      const formatter = await eslint.loadFormatter(path.join(ROOT, 'dist', 'sarif-formatter.js'));
      const log = JSON.parse(await formatter.format(await eslint.lintFiles(['.']))) as Sarif.Log;
      expect(schemaErrors(log)).toEqual([]);
      const byTool = Object.fromEntries(log.runs.map((sarifRun) => [sarifRun.tool.driver.name, sarifRun.results!.map((result) => result.ruleId)]));
      expect(byTool).toEqual({
        'process-guard': ['process-guard/no-unguarded-self-spawn'],
        ESLint: ['no-unused-vars'],
        'eslint-plugin-local': ['local/no-empty-file'],
      });
      expect(log.runs[1]!.tool.driver).toMatchObject({ name: 'ESLint', version: ESLint.version });
      const notification = {
        level: 'error',
        message: { text: 'Parsing error: Unexpected token =' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.mjs', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 14 } } }],
      };
      for (const sarifRun of log.runs) {
        // each run describes its own rules
        for (const result of sarifRun.results!) expect(sarifRun.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
        expect(sarifRun.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [notification] }]);
      }

      const cli = await cliSarif([], project.dir);
      expect(schemaErrors(cli)).toEqual([]);
      expect(cli.runs).toHaveLength(1);
      expect(cli.runs[0]!.results!.map((result) => result.ruleId)).toEqual(['process-guard/no-unguarded-self-spawn']);
      expect(cli.runs[0]!.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [notification] }]);
    } finally {
      project.remove();
    }
  });
});
