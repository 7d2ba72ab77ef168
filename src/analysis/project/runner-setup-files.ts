/**
 * Files a test runner loads before the tests: vitest's and Jest's `globalSetup`, `globalTeardown`,
 * `setupFiles`, `setupFilesAfterEnv`, and mocha's `require`, named in a runner configuration
 * (`vitest.config.*`, `vite.config.*`, `jest.config.*`, `.mocharc.*`, the `"jest"` or `"mocha"` key
 * of package.json) in the file's folder or one above it, up to its package folder. The runner
 * imports them; they are test tooling, as test files are, not modules of the program.
 *
 * Only paths written literally are read: a string, a list of strings,
 * `path.resolve(__dirname | import.meta.dirname, 'x')` / `path.join(…)` of node:path, and
 * `fileURLToPath(new URL('x', import.meta.url))`, from the configuration's folder. A configuration
 * written as code is parsed like the linted file; one that does not parse names nothing.
 */
import * as path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isImportMetaMember, stringValue, skipTransparent, walk } from '../syntax/ast.js';
import { isGlobalIdentifier, resolveVariable } from '../syntax/scope.js';
import { DerivedCache, listFolder, readText } from './fs-cache.js';
import { nearestManifest, startedPaths } from './package-manifest.js';
import { inspectModule, parserName, type LintEnvironment } from './summary-store.js';

type Node = TSESTree.Node;

const CODE_CONFIG = /^(?:vitest|vite|jest)\.config\.[cm]?[jt]s$|^\.mocharc\.c?js$/;
const JSON_CONFIG = /^(?:jest\.config|\.mocharc)\.jsonc?$/;
const SETUP_KEYS = new Set(['globalSetup', 'globalTeardown', 'setupFiles', 'setupFilesAfterEnv']);
/** mocha's `require`: only in a mocha configuration, where a path is loaded before the tests. */
const MOCHA_KEY = 'require';
const MAX_CONFIG_BYTES = 512 * 1024;
/** Folders looked at from the file's own up to its package folder. */
const MAX_FOLDERS = 4;
const PATH_MODULES = new Set(['path', 'node:path']);
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;

/** Configuration file → the absolute paths it names as setup files (as written: maybe without extension). */
const named = new DerivedCache<readonly string[]>();

/** Whether a runner configuration of the file's package names it as a file loaded before the tests. */
export function isRunnerSetupFile(file: string, environment: LintEnvironment | undefined): boolean {
  const manifest = nearestManifest(file);
  if (!manifest) return false;
  const names = new Set(startedPaths(file));
  let folder = path.dirname(file);
  for (let hops = 0; hops < MAX_FOLDERS; hops += 1) {
    if (configsOf(folder, environment).some((setup) => names.has(setup))) return true;
    if (folder === manifest.folder || path.dirname(folder) === folder) return false;
    folder = path.dirname(folder);
  }
  return false;
}

function configsOf(folder: string, environment: LintEnvironment | undefined): string[] {
  const found: string[] = [];
  for (const name of listFolder(folder).names) {
    const config = path.join(folder, name);
    if (name === 'package.json') found.push(...named.get(config, () => fromManifest(config)));
    else if (JSON_CONFIG.test(name)) found.push(...named.get(config, () => fromJson(config, name.startsWith('.mocharc'))));
    else if (CODE_CONFIG.test(name) && environment) {
      found.push(...named.get(`${config}\0${parserName(environment)}`, () => fromCode(config, name.startsWith('.mocharc'), environment)));
    }
  }
  return found;
}

function fromManifest(file: string): string[] {
  const json = parseJson(file);
  if (!json) return [];
  const folder = path.dirname(file);
  return [...fromObject(json.jest, folder, false), ...fromObject(json.mocha, folder, true)];
}

function fromJson(file: string, mocha: boolean): string[] {
  return fromObject(parseJson(file), path.dirname(file), mocha);
}

function parseJson(file: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(readText(file, MAX_CONFIG_BYTES) ?? '');
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The setup paths of a configuration object read from JSON. */
function fromObject(config: unknown, folder: string, mocha: boolean): string[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return [];
  const paths: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!SETUP_KEYS.has(key) && !(mocha && key === MOCHA_KEY)) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') paths.push(item);
  }
  return paths.flatMap((written) => resolved(folder, written));
}

function fromCode(file: string, mocha: boolean, environment: LintEnvironment): string[] {
  const text = readText(file, MAX_CONFIG_BYTES);
  if (text === undefined) return [];
  const folder = path.dirname(file);
  return inspectModule(file, text, environment, ({ sourceCode }) => setupPaths(sourceCode, mocha).flatMap((written) => resolved(folder, written)), []);
}

/** The literal paths written for the setup keys anywhere in a configuration module. */
function setupPaths(sourceCode: Readonly<TSESLint.SourceCode>, mocha: boolean): string[] {
  const paths: string[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== 'Property' || node.computed || node.key.type !== 'Identifier') return;
    if (!SETUP_KEYS.has(node.key.name) && !(mocha && node.key.name === MOCHA_KEY)) return;
    const value = skipTransparent(node.value);
    for (const item of value.type === 'ArrayExpression' ? value.elements : [value]) {
      const written = item && item.type !== 'SpreadElement' ? literalPath(sourceCode, skipTransparent(item)) : undefined;
      if (written !== undefined) paths.push(written);
    }
  });
  return paths;
}

/** `'./x'`, `path.resolve(__dirname, 'x')`, `path.join(import.meta.dirname, 'x')`, `fileURLToPath(new URL('./x', import.meta.url))`. */
function literalPath(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | undefined {
  const text = stringValue(node);
  if (text !== undefined) return text;
  if (node.type !== 'CallExpression') return undefined;
  const [first, ...rest] = node.arguments;
  if (!first) return undefined;
  if (pathFunction(sourceCode, node.callee)) {
    const parts = rest.map((part) => stringValue(part));
    const fromHere = isGlobalIdentifier(sourceCode, first, '__dirname') || isImportMetaMember(first, 'dirname');
    if (!fromHere || parts.some((part) => part === undefined)) return undefined;
    const joined = path.posix.join('.', ...(parts as string[]));
    return joined.startsWith('../') ? joined : `./${joined}`;
  }
  const url = skipTransparent(first);
  if (node.arguments.length !== 1 || url.type !== 'NewExpression' || !isGlobalIdentifier(sourceCode, url.callee, 'URL')) return undefined;
  const [relative, base] = url.arguments;
  return relative && base && isImportMetaMember(base, 'url') ? stringValue(relative) : undefined;
}

/** `path.resolve`/`path.join` of node:path, imported or required, or those functions imported by name. */
function pathFunction(sourceCode: Readonly<TSESLint.SourceCode>, calleeIn: Node): boolean {
  const callee = skipTransparent(calleeIn);
  const binding = callee.type === 'MemberExpression' ? callee.object : callee;
  const name = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : binding.type === 'Identifier' ? binding.name : undefined;
  if ((name !== 'resolve' && name !== 'join') || binding.type !== 'Identifier') return false;
  const definition = resolveVariable(sourceCode, binding)?.defs[0];
  if (definition?.type === 'ImportBinding') return definition.parent.type === 'ImportDeclaration' && PATH_MODULES.has(definition.parent.source.value);
  const init = definition?.type === 'Variable' ? definition.node.init : undefined;
  if (init?.type !== 'CallExpression' || !isGlobalIdentifier(sourceCode, init.callee, 'require')) return false;
  const [source] = init.arguments;
  return source !== undefined && PATH_MODULES.has(stringValue(source) ?? '');
}

/**
 * A written path from the configuration's folder; `<rootDir>` is that folder. A module name
 * (`ts-node/register`) names no file of the project; a bare name with a script extension does.
 */
function resolved(folder: string, written: string): string[] {
  const relative = written.replace(/^<rootDir>(?=\/|$)/, '.');
  const explicit = relative.startsWith('./') || relative.startsWith('../') || path.isAbsolute(relative);
  if (!explicit && !SCRIPT_EXTENSION.test(relative)) return [];
  return [path.resolve(folder, relative)];
}
