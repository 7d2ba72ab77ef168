/**
 * `createRule`: builds a rule module with its docs URL and its options merged over
 * `meta.defaultOptions`, then passes those options to `create` as the second argument.
 *
 * It does what typescript-eslint's `RuleCreator` does, without loading `@typescript-eslint/utils` at
 * run time: that import alone costs about 20 ms in every process and every `--concurrency` worker.
 * Every rule it builds is guarded: an exception in the analysis (a bug on some input nobody foresaw)
 * ends that rule on that file, silent, instead of ending the whole ESLint run; a mistake in the
 * configuration still ends the run.
 */
import type { TSESLint } from '@typescript-eslint/utils';

import { ConfigurationError } from './configuration-error.js';
import { debugLog } from './debug.js';
import { ruleDocsUrl } from './package-info.js';
import { isRecord } from './records.js';

/** Documentation fields every rule of this plugin carries in `meta.docs`. */
export interface ProcessGuardDocs {
  /** Severity in the `recommended` config; absent when the rule is not in it. */
  recommended?: 'error' | 'warn';
  /** The rules never need type information; declared so doc tooling can say so. */
  requiresTypeChecking?: false;
}


type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  TSESLint.RuleMetaData<MessageIds, ProcessGuardDocs, Options>,
  'docs'
> & { docs: ProcessGuardDocs & Omit<TSESLint.RuleMetaDataDocs, 'url'> };

export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => TSESLint.RuleListener;
}

export type ProcessGuardRule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageIds,
  Options,
  ProcessGuardDocs
> & { name: string };

export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<RuleDefinition<Options, MessageIds>>): ProcessGuardRule<MessageIds, Options> {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  const merged = mergedOptionsCache(defaults);
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: defaults,
    // The one place that reads `context.options`: every rule receives them merged, as `create`'s second argument.
    // eslint-disable-next-line no-restricted-syntax
    create: (context) => guarded(name, context, (reporting) => create(reporting, merged(context.options))),
  };
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The rule's listeners, each holding back its reports until it returns: one that throws reports
 * nothing (a report is a proof, and an analysis that failed proves nothing), and the rule listens
 * no further on that file.
 */
function guarded<Context extends AnyContext>(name: string, context: Context, build: (reporting: Context) => TSESLint.RuleListener): TSESLint.RuleListener {
  let pending: Parameters<Context['report']>[0][] = [];
  let failed = false;
  // The context the rule sees: the real one, but for `report`.
  const reporting = Object.create(context, { report: { value: (descriptor: Parameters<Context['report']>[0]) => pending.push(descriptor) } }) as Context;
  const fail = (error: unknown): void => {
    if (error instanceof ConfigurationError) throw error;
    failed = true;
    pending = [];
    debugLog(`${name}: no findings in ${context.physicalFilename}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  let listeners: TSESLint.RuleListener;
  try {
    listeners = build(reporting);
  } catch (error) {
    fail(error);
    return {};
  }
  const wrapped: Record<string, (...args: never[]) => void> = {};
  for (const [selector, listener] of Object.entries(listeners as Record<string, ((...args: never[]) => void) | undefined>)) {
    if (!listener) continue;
    wrapped[selector] = (...args) => {
      if (failed) return;
      try {
        listener(...args);
        // ESLint runs a report's fixes as it takes the report: one that throws ends the rule there.
        for (const descriptor of pending) context.report(descriptor);
      } catch (error) {
        fail(error);
      }
      pending = [];
    };
  }
  return wrapped as TSESLint.RuleListener;
}

/**
 * `withDefaults` once per configuration, not once per file: the merged options of the last options
 * array seen or one equal to it (ESLint passes a fresh array per file), or of an array already seen.
 * Every file of that configuration shares them: rules read options, never write them (`Readonly`).
 */
export function mergedOptionsCache<Options extends readonly unknown[]>(defaults: Options): (user: readonly unknown[] | undefined) => Options {
  const byArray = new WeakMap<readonly unknown[], Options>();
  let last: { user: readonly unknown[]; options: Options } | undefined;
  let unconfigured: Options | undefined;
  return (user) => {
    // A rule switched on without options (`'error'`), the common case: no comparison, and no
    // WeakMap entry per file for the collector to trace.
    if (user === undefined || user.length === 0) return (unconfigured ??= withDefaults(defaults, user));
    // The last options first: ESLint passes a fresh but equal array for every file of a configuration,
    // which the WeakMap never holds; it keeps the arrays each configuration was first merged for.
    if (last && (sameElements(last.user, user) || equalJson(last.user, user))) return last.options;
    last = { user, options: byArray.get(user) ?? withDefaults(defaults, user) };
    byArray.set(user, last.options);
    return last.options;
  };
}

/** Each user option over its default; objects are merged deeply, anything else replaces. */
export function withDefaults<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  return defaults.map((fallback, index) => {
    const given = user?.[index];
    if (given === undefined) return structuredClone(fallback);
    return isRecord(fallback) && isRecord(given) ? mergeDeep(fallback, given) : given;
  }) as unknown as Options;
}

function mergeDeep(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isRecord(current) && isRecord(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}


/** The same array, or one holding the same values: ESLint copies the configured array, not the objects in it. */
function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** Structural equality of JSON-like values (options are JSON: schemas validate them). */
function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && equalJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
