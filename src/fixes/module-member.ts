/**
 * Suggestion helper: an expression that reads a member of a module (`isMainThread` of
 * `worker_threads`), reusing the file's existing import or require and extending it when needed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FileAnalysis, lookupName } from '../analysis/index.js';


export interface MemberAccess {
  /** Source text that evaluates to the member. */
  readonly text: string;
  /** Edits that make `text` valid (an added import specifier, say). */
  readonly fixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

export interface MemberOptions {
  /**
   * How to bring the module in when the file has no binding for it: `import` adds
   * `import { member } from 'node:module'`; `require` adds a `const module = require('node:module');`
   * statement (`import module = require(…)` in TypeScript) and reads `module.member`, for CommonJS
   * code that reads better with a named binding than with an inline `require()`. By default an ES
   * module gets the import and any other file an inline `require('node:module').member`.
   */
  readonly add?: 'import' | 'require';
  /** The file is TypeScript: a `require` binding is added as `import module = require(…)`. */
  readonly typescript?: boolean;
}

/**
 * How to read `module.member` at `at`, or undefined when it cannot be done without guessing (the
 * name is taken by something else). Bindings that are out of scope or shadowed at `at` are not used.
 */
export function moduleMember(
  analysis: FileAnalysis,
  module: string,
  member: string,
  at: TSESTree.Node,
  options: MemberOptions = {},
): MemberAccess | undefined {
  const { sourceCode, references } = analysis;
  const visible = (name: string, declaration: TSESTree.Node): boolean =>
    lookupName(sourceCode, at, name)?.defs.some((definition) => definition.node === declaration) === true;
  const free = isNameFree(sourceCode, at, member);
  const none = (): TSESLint.RuleFix[] => [];
  for (const load of references.loads) {
    // `import(x)` yields a promise: its binding is not the module object.
    if (load.module !== module || load.style === 'dynamic-import') continue;
    const declaration = load.node;
    if (declaration.type === 'ImportDeclaration') {
      if (declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers) {
        if (!visible(specifier.local.name, specifier)) continue;
        if (specifier.type === 'ImportSpecifier' && importedName(specifier) === member) {
          return { text: specifier.local.name, fixes: none };
        }
        if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
          return { text: `${specifier.local.name}.${member}`, fixes: none };
        }
      }
      const last = declaration.specifiers.at(-1);
      if (last?.type === 'ImportSpecifier' && free) {
        return { text: member, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${member}`)] };
      }
      continue;
    }
    if (declaration.type === 'TSImportEqualsDeclaration') {
      if (!visible(declaration.id.name, declaration)) continue;
      return { text: `${declaration.id.name}.${member}`, fixes: none };
    }
    const declarator = declaration.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== declaration) continue;
    if (declarator.id.type === 'Identifier') {
      if (!visible(declarator.id.name, declarator)) continue;
      return { text: `${declarator.id.name}.${member}`, fixes: none };
    }
    if (declarator.id.type === 'ObjectPattern') {
      const existing = declarator.id.properties.find(
        (property): property is TSESTree.Property =>
          property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === member,
      );
      if (existing?.value.type === 'Identifier' && visible(existing.value.name, declarator)) {
        return { text: existing.value.name, fixes: none };
      }
      const last = declarator.id.properties.at(-1);
      // A name added to the pattern is in scope at `at` when the names already there are.
      const inScope = declarator.id.properties.some(
        (property) => property.type === 'Property' && property.value.type === 'Identifier' && visible(property.value.name, declarator),
      );
      if (last?.type === 'Property' && free && inScope) {
        return { text: member, fixes: (fixer) => [fixer.insertTextAfter(last, `, ${member}`)] };
      }
    }
  }
  if (!free) return undefined;
  const add = options.add ?? (sourceCode.ast.sourceType === 'module' ? 'import' : undefined);
  if (add === 'require') return requireStatement(analysis, module, member, at, options.typescript === true);
  if (add === 'import') {
    const imports = sourceCode.ast.body.filter((statement) => statement.type === 'ImportDeclaration');
    const statement = `import { ${member} } from 'node:${module}';`;
    const anchor = imports.at(-1);
    return {
      text: member,
      fixes: (fixer) => [
        anchor
          ? fixer.insertTextAfter(anchor, `\n${statement}`)
          : fixer.insertTextBeforeRange([firstCodeIndex(sourceCode), firstCodeIndex(sourceCode)], `${statement}\n`),
      ],
    };
  }
  return { text: `require('node:${module}').${member}`, fixes: none };
}

/**
 * `module.member` through an added `const module = require('node:module');` (TypeScript:
 * `import module = require(…)`) after the file's last top-level require, or at its start after
 * any directives; an inline `require()` when the module's name is taken.
 */
function requireStatement(
  analysis: FileAnalysis,
  module: string,
  member: string,
  at: TSESTree.Node,
  typescript: boolean,
): MemberAccess {
  const { sourceCode, references } = analysis;
  const inline = { text: `require('node:${module}').${member}`, fixes: (): TSESLint.RuleFix[] => [] };
  if (!/^[A-Za-z_$][\w$]*$/.test(module) || !isNameFree(sourceCode, at, module)) return inline;
  const statement = typescript ? `import ${module} = require('node:${module}');` : `const ${module} = require('node:${module}');`;
  let anchor = requireAnchors.get(sourceCode);
  if (anchor === undefined) {
    const topLevelLoads = references.loads
      .filter((load) => load.style === 'require')
      .map((load) => topLevelStatement(load.node))
      .filter((node): node is TSESTree.ProgramStatement => node !== undefined);
    anchor = topLevelLoads.sort((a, b) => a.range[0] - b.range[0]).at(-1) ?? lastDirective(sourceCode) ?? null;
    requireAnchors.set(sourceCode, anchor);
  }
  return {
    text: `${module}.${member}`,
    fixes: (fixer) => [
      anchor
        ? fixer.insertTextAfter(anchor, `\n${statement}`)
        : fixer.insertTextBeforeRange([firstCodeIndex(sourceCode), firstCodeIndex(sourceCode)], `${statement}\n`),
    ],
  };
}

/**
 * Per file: the statement after which a `require` binding goes, or null for
 * the start of the file. Found once: each finding's suggestion asks, and a file can have thousands.
 */
const requireAnchors = new WeakMap<object, TSESTree.ProgramStatement | null>();
/** Per file (its scope manager): the names read at module level without a declaration. */
const undeclaredNames = new WeakMap<object, ReadonlySet<string>>();

/** The statement of the program body that holds `node`, when `node` is not inside a function or block. */
function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== 'Program') {
    if (!['VariableDeclarator', 'VariableDeclaration', 'MemberExpression', 'ExpressionStatement', 'AssignmentExpression'].includes(current.parent.type)) {
      return undefined;
    }
    current = current.parent;
  }
  return current.parent ? (current as TSESTree.ProgramStatement) : undefined;
}

/** The last `'use strict'`-style directive at the start of the file, which must stay first. */
function lastDirective(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break;
    last = statement;
  }
  return last;
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
}

/** Whether `name` can be introduced at module scope without shadowing or being shadowed at `at`. */
export function isNameFree(sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node, name: string): boolean {
  if (lookupName(sourceCode, at, name)) return false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return true;
  let names = undeclaredNames.get(globalScope);
  if (!names) {
    names = new Set(globalScope.through.map((reference) => reference.identifier.name));
    undeclaredNames.set(globalScope, names);
  }
  return !names.has(name);
}

/** Start of the first statement: where an import goes in a file that has none. */
function firstCodeIndex(sourceCode: Readonly<TSESLint.SourceCode>): number {
  const first = sourceCode.ast.body[0];
  return first ? first.range[0] : sourceCode.text.length;
}
