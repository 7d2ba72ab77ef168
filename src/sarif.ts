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

interface SarifTool {
  name: string;
  version?: string;
  informationUri?: string;
}

const PROCESS_GUARD_TOOL: SarifTool = { name: 'process-guard', version: PACKAGE_VERSION, informationUri: REPOSITORY_URL };
/** The prefix of this plugin's rule ids, whose tool is `PROCESS_GUARD_TOOL`. */
const PROCESS_GUARD_NAMESPACE = 'process-guard';

export interface SarifInput {
  results: readonly ESLint.LintResult[];
  /** Metadata of the rules to describe in each tool's `rules`, by rule id. */
  rulesMeta: Readonly<Record<string, Rule.RuleMetaData | undefined>>;
  /** The severity each rule is configured with, by rule id; the default level of its SARIF rule. */
  ruleLevels?: Readonly<Record<string, Linter.Severity>>;
  /** File paths are written relative to this folder, named `SRCROOT`. */
  cwd: string;
  /** The version of the running ESLint, for the run of its own rules. */
  eslintVersion?: string;
}

/**
 * One run per tool, as SARIF 2.1.0 models tools and GitHub code scanning expects them (one tool per
 * run, distinct tools in one file): this plugin's run first and always, then one for ESLint's own
 * rules and one per other plugin namespace that has rules or results. Files that do not parse are
 * no finding of any rule: each run's invocation lists them as error notifications, which by the
 * spec's Appendix I mark its results as incomplete while the run itself completed
 * (`executionSuccessful`).
 */
export function toSarif({ results, rulesMeta, ruleLevels = {}, cwd, eslintVersion }: SarifInput): Sarif.Log {
  // a message without a rule id that is no parse failure is ESLint's own (an unused disable directive)
  const reported = results.flatMap((result) => result.messages.filter((message) => !message.fatal).map((message) => message.ruleId ?? ''));
  const ruleIds = [...Object.keys(rulesMeta), ...reported];
  const namespaces = new Set([PROCESS_GUARD_NAMESPACE, ...ruleIds.map(namespaceOf).sort()]);
  const notifications = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal).map((message) => toNotification(message, artifactLocation(cwd, result.filePath))),
  );
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [...namespaces].map((namespace): Sarif.Run => {
      const ids = [...new Set(ruleIds.filter((id) => id !== '' && namespaceOf(id) === namespace))].sort();
      const ruleIndex = new Map(ids.map((id, index) => [id, index]));
      return {
        tool: { driver: { ...toolOf(namespace, eslintVersion), rules: ids.map((id) => describeRule(id, rulesMeta[id], ruleLevels[id])) } },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results: results.flatMap((result) => {
          const location = artifactLocation(cwd, result.filePath);
          return result.messages
            .filter((message) => !message.fatal && namespaceOf(message.ruleId ?? '') === namespace)
            .map((message) => toResult(message, location, ruleIndex));
        }),
      };
    }),
  };
}

/** The plugin namespace of a rule id (`@typescript-eslint/no-shadow` → `@typescript-eslint`); '' for ESLint's own rules. */
function namespaceOf(ruleId: string): string {
  const slash = ruleId.lastIndexOf('/');
  return slash === -1 ? '' : ruleId.slice(0, slash);
}

/** The tool of a namespace; another plugin is named by ESLint's package naming convention for its namespace. */
function toolOf(namespace: string, eslintVersion: string | undefined): SarifTool {
  if (namespace === PROCESS_GUARD_NAMESPACE) return PROCESS_GUARD_TOOL;
  if (namespace === '') return { name: 'ESLint', ...(eslintVersion ? { version: eslintVersion } : {}), informationUri: 'https://eslint.org' };
  if (!namespace.startsWith('@')) return { name: `eslint-plugin-${namespace}` };
  const [scope, name] = namespace.split('/');
  return { name: name === undefined ? `${scope}/eslint-plugin` : `${scope}/eslint-plugin-${name}` };
}

function toNotification(message: Linter.LintMessage, artifactLocation: Sarif.ArtifactLocation): Sarif.Notification {
  return { level: 'error', message: { text: message.message }, locations: [{ physicalLocation: { artifactLocation, region: region(message) } }] };
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
