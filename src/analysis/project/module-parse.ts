/**
 * Parsing a module that another file imports, for its summary, without a lint: the linted file's
 * own parser (espree, or typescript-eslint's), asked for no tokens and no comments, then its scope
 * manager and parent pointers, wrapped in ESLint's own `SourceCode`. A nested lint through ESLint's
 * `Linter` cost about three times as much per module, most of it converting tokens that nothing
 * reads and analysing code paths that a summary does not use.
 *
 * The parser's companion packages (typescript-estree and the scope manager, or eslint-scope) are
 * loaded from where the parser itself was loaded, so their versions match. Any other parser, or a
 * parser whose companions cannot be found, gives `undefined`: the caller lints instead.
 */
import { createRequire, type Module } from 'node:module';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type Program = TSESTree.Program;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;
type ScopeManager = NonNullable<TSESLint.SourceCode['scopeManager']>;

/** What ESLint hands a rule as `languageOptions`, as far as parsing reads it. */
export interface ParseOptions {
  readonly parser?: unknown;
  readonly ecmaVersion?: unknown;
  readonly parserOptions?: Readonly<Record<string, unknown>>;
}

/** Parses `text` as `sourceType` with these options; throws on a syntax error. */
type ModuleParser = (
  text: string,
  file: string,
  sourceType: string,
  options: ParseOptions,
) => { ast: Program; scopeManager: ScopeManager; visitorKeys: VisitorKeys };

const require = createRequire(import.meta.url);
const parsers = new WeakMap<object, ModuleParser | null>();
let sourceCodeClass: (new (config: { text: string; ast: Program; scopeManager: ScopeManager; visitorKeys: VisitorKeys }) => TSESLint.SourceCode) | undefined;

/**
 * The `SourceCode` of a module parsed like the linted file, or `undefined` when this parser is
 * not one this module can drive. Throws when the text does not parse as `sourceType`.
 */
export function parseModule(text: string, file: string, sourceType: string, options: ParseOptions): TSESLint.SourceCode | undefined {
  const parse = moduleParser(options.parser);
  if (!parse) return undefined;
  sourceCodeClass ??= (require('eslint') as { SourceCode: typeof sourceCodeClass }).SourceCode;
  if (!sourceCodeClass) return undefined;
  // ESLint reads a `#!` line as a comment: same length, so every range still fits the text.
  const { ast, scopeManager, visitorKeys } = parse(text.replace(/^#!([^\r\n]*)/u, '//$1'), file, sourceType, options);
  Object.assign(ast, { tokens: [], comments: [] });
  setParents(ast, visitorKeys);
  return new sourceCodeClass({ text, ast, scopeManager, visitorKeys });
}

function moduleParser(parser: unknown): ModuleParser | undefined {
  if (typeof parser !== 'object' || parser === null) return undefined;
  let found = parsers.get(parser);
  if (found === undefined) {
    try {
      found = typescriptParser(parser) ?? espreeParser(parser) ?? null;
    } catch {
      found = null;
    }
    parsers.set(parser, found);
  }
  return found ?? undefined;
}

interface TypeScriptEstree {
  parse(text: string, options: Record<string, unknown>): Program;
}
interface TypeScriptScopeManager {
  analyze(ast: Program, options: Record<string, unknown>): ScopeManager;
}

/** typescript-eslint's parser: typescript-estree's `parse` (no type information) and its scope manager. */
function typescriptParser(parser: object): ModuleParser | undefined {
  const entry = loadedFile(parser, 'parseForESLint');
  if (!entry || !/[\\/]@typescript-eslint[\\/]parser[\\/]/u.test(entry)) return undefined;
  const load = createRequire(entry);
  const estree = load('@typescript-eslint/typescript-estree') as TypeScriptEstree;
  const scopes = load('@typescript-eslint/scope-manager') as TypeScriptScopeManager;
  const { visitorKeys } = load('@typescript-eslint/visitor-keys') as { visitorKeys: VisitorKeys };
  return (text, file, sourceType, options) => {
    const parserOptions = options.parserOptions ?? {};
    const ecmaFeatures = (parserOptions.ecmaFeatures ?? {}) as Record<string, unknown>;
    const ast = estree.parse(text, {
      filePath: file,
      jsx: ecmaFeatures.jsx === true,
      range: true,
      loc: true,
      // Work a summary does not need: JSDoc, the maps back to TypeScript's nodes, and the checks
      // for code TypeScript parses but rejects (the module's own lint reports those).
      jsDocParsingMode: 'none',
      preserveNodeMaps: false,
      allowInvalidAST: true,
    });
    const scopeManager = scopes.analyze(ast, {
      globalReturn: ecmaFeatures.globalReturn,
      jsxPragma: parserOptions.jsxPragma,
      jsxFragmentName: parserOptions.jsxFragmentName,
      lib: parserOptions.lib,
      sourceType: sourceType === 'module' ? 'module' : 'script',
    });
    Object.assign(ast, { sourceType: sourceType === 'module' ? 'module' : 'script' });
    return { ast, scopeManager, visitorKeys };
  };
}

interface Espree {
  parse(text: string, options: Record<string, unknown>): Program;
  VisitorKeys: VisitorKeys;
}
interface EslintScope {
  analyze(ast: Program, options: Record<string, unknown>): ScopeManager;
}

/** ESLint's own espree: installed packages are parsed with it whatever the linted file's parser, so their answers are the same for every project. */
export function eslintEspree(): object {
  return createRequire(require.resolve('eslint'))('espree') as Espree;
}

/** ESLint's default parser: espree, with the eslint-scope that ESLint itself uses. */
function espreeParser(parser: object): ModuleParser | undefined {
  const load = createRequire(require.resolve('eslint'));
  const espree = load('espree') as Espree;
  if ((parser as { parse?: unknown }).parse !== espree.parse) return undefined;
  const eslintScope = load('eslint-scope') as EslintScope;
  const { getKeys } = load('eslint-visitor-keys') as { getKeys: (node: object) => readonly string[] };
  return (text, _file, sourceType, options) => {
    const ecmaFeatures = (options.parserOptions?.ecmaFeatures ?? {}) as Record<string, unknown>;
    const ecmaVersion = typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 'latest';
    const ast = espree.parse(text, { ecmaVersion, sourceType, ecmaFeatures, range: true, loc: true });
    const scopeManager = eslintScope.analyze(ast, {
      ignoreEval: true,
      nodejsScope: sourceType === 'commonjs' || ecmaFeatures.globalReturn === true,
      impliedStrict: ecmaFeatures.impliedStrict,
      ecmaVersion: typeof ecmaVersion === 'number' ? ecmaVersion : 6,
      sourceType,
      childVisitorKeys: espree.VisitorKeys,
      fallback: getKeys,
      jsx: ecmaFeatures.jsx,
    });
    return { ast, scopeManager, visitorKeys: espree.VisitorKeys };
  };
}

/** The file a module was loaded from, found by one of its exported functions in the require cache. */
function loadedFile(exports: object, member: string): string | undefined {
  const fn = (exports as Record<string, unknown>)[member];
  if (typeof fn !== 'function') return undefined;
  const cache = require.cache as Record<string, Module | undefined>;
  for (const loaded of Object.values(cache)) {
    const value = loaded?.exports as Record<string, unknown> | undefined;
    if (value?.[member] === fn) return loaded?.filename;
  }
  return undefined;
}

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/** Sets `parent` on every node, as ESLint's traversal does: scope look-ups walk up through it. */
function setParents(ast: Program, visitorKeys: VisitorKeys): void {
  const stack: Node[] = [ast];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const keys = visitorKeys[node.type] ?? Object.keys(node).filter((key) => !SKIPPED_KEYS.has(key));
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const value of Array.isArray(child) ? (child as unknown[]) : [child]) {
        if (isNode(value)) {
          (value as { parent?: Node }).parent = node;
          stack.push(value);
        }
      }
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
