/**
 * SARIF 2.1.0 for ESLint results: what the CLI's `--format sarif` prints and what the
 * `eslint-plugin-process-guard/sarif` formatter gives `eslint -f`. Written here rather than taken
 * from a formatter package, so that the output cannot change under an install.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter, Rule } from 'eslint';
import type * as Sarif from 'sarif';

import { PACKAGE_VERSION, REPOSITORY_URL } from './util/package-info.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
}

export const PROCESS_GUARD_TOOL: SarifTool = { name: 'process-guard', version: PACKAGE_VERSION, informationUri: REPOSITORY_URL };

export interface SarifInput {
  results: readonly ESLint.LintResult[];
  /** Metadata of the rules to describe in `tool.driver.rules`, by rule id. */
  rulesMeta: Readonly<Record<string, Rule.RuleMetaData | undefined>>;
  /** The severity each rule is configured with, by rule id; the default level of its SARIF rule. */
  ruleLevels?: Readonly<Record<string, Linter.Severity>>;
  /** File paths are written relative to this folder, named `SRCROOT`. */
  cwd: string;
  tool: SarifTool;
}

export function toSarif({ results, rulesMeta, ruleLevels = {}, cwd, tool }: SarifInput): Sarif.Log {
  const ruleIds = [...new Set([...Object.keys(rulesMeta), ...results.flatMap((result) => result.messages.map((m) => m.ruleId ?? ''))])]
    .filter((id) => id !== '')
    .sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: ruleIds.map((id) => describeRule(id, rulesMeta[id], ruleLevels[id])),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results: results.flatMap((result) => {
          const location = artifactLocation(cwd, result.filePath);
          return result.messages.map((message) => toResult(message, location, ruleIndex));
        }),
      },
    ],
  };
}

function describeRule(id: string, meta: Rule.RuleMetaData | undefined, severity: Linter.Severity | undefined): Sarif.ReportingDescriptor {
  const descriptor: Sarif.ReportingDescriptor = { id };
  if (meta?.docs?.description) descriptor.shortDescription = { text: meta.docs.description };
  if (meta?.docs?.url) descriptor.helpUri = meta.docs.url;
  if (severity !== undefined) descriptor.defaultConfiguration = { level: level(severity) };
  return descriptor;
}

function toResult(message: Linter.LintMessage, artifactLocation: Sarif.ArtifactLocation, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const result: Sarif.Result = {
    level: level(message.severity),
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(message) } }],
  };
  if (message.ruleId !== null) {
    result.ruleId = message.ruleId;
    const index = ruleIndex.get(message.ruleId);
    if (index !== undefined) result.ruleIndex = index;
  }
  const fixes = (message.suggestions ?? []).map(
    (suggestion): Sarif.Fix => ({
      description: { text: suggestion.desc },
      artifactChanges: [
        {
          artifactLocation,
          replacements: [
            {
              deletedRegion: { charOffset: suggestion.fix.range[0], charLength: suggestion.fix.range[1] - suggestion.fix.range[0] },
              insertedContent: { text: suggestion.fix.text },
            },
          ],
        },
      ],
    }),
  );
  if (fixes.length > 0) result.fixes = fixes;
  return result;
}

/** ESLint's 1-based lines and columns are SARIF's too; a fatal parse error may lack a column. */
function region(message: Linter.LintMessage): Sarif.Region {
  const region: Sarif.Region = { startLine: Math.max(message.line, 1) };
  if (message.column > 0) region.startColumn = message.column;
  if (message.endLine !== undefined) region.endLine = message.endLine;
  if (message.endColumn !== undefined && message.endColumn > 0) region.endColumn = message.endColumn;
  return region;
}

function level(severity: Linter.Severity): Sarif.Result.level {
  if (severity === 2) return 'error';
  return severity === 1 ? 'warning' : 'none';
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** A URI relative to `SRCROOT` for a file inside `cwd`; an absolute file URI for one outside it. */
function artifactLocation(cwd: string, file: string): Sarif.ArtifactLocation {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
