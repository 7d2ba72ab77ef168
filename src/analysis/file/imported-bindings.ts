/**
 * Where a name of the linted file comes from when another module of the project defines it:
 * `import { run } from './run.js'`, `import run from './run.js'`, `const { run } = require('./run')`,
 * `const tools = require('./tools')` then `tools.run`, `import * as tools from './tools.js'` then
 * `tools.run`. Resolved through the scope manager; a binding written again is not followed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memberName, skipTransparent, stringValue } from '../syntax/ast.js';
import { resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;

/** An imported name: the specifier as written and the export it reads (`default` for the module's value). */
export interface ImportedName {
  readonly specifier: string;
  readonly name: string;
}

/** Whole-module bindings: a namespace import, a default import, or the value of `require()`. */
const WHOLE = '*';

/** The module export an expression reads: an imported identifier or a member of an imported module. */
export function importedName(sourceCode: Readonly<TSESLint.SourceCode>, nodeIn: Node, isLocal: (specifier: string) => boolean): ImportedName | undefined {
  const node = skipTransparent(nodeIn);
  if (node.type === 'Identifier') {
    const source = bindingSource(sourceCode, node, isLocal);
    if (source?.name !== WHOLE) return source;
    // `run()` with `const run = require('./run')` or `import run from './run.js'`: the module's value.
    return source.namespace ? undefined : { specifier: source.specifier, name: 'default' };
  }
  if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier') return undefined;
  const name = memberName(node);
  const module = bindingSource(sourceCode, node.object, isLocal);
  return name !== undefined && module?.name === WHOLE ? { specifier: module.specifier, name } : undefined;
}

interface BindingSource extends ImportedName {
  /** An `import * as` binding, which is never itself a function or class. */
  readonly namespace?: boolean;
}

/** Where a local name comes from: `{ specifier, name }`, with `*` for the whole module. */
function bindingSource(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  isLocal: (specifier: string) => boolean,
): BindingSource | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return undefined;
  if (definition.type === 'ImportBinding') {
    // `import x = require('./x')` (TypeScript) is not followed.
    const declaration = definition.parent;
    if (declaration.type !== 'ImportDeclaration') return undefined;
    const specifier = declaration.source.value;
    if (!isLocal(specifier) || declaration.importKind === 'type') return undefined;
    const binding = definition.node;
    if (binding.type === 'ImportSpecifier') {
      if (binding.importKind === 'type') return undefined;
      const name = binding.imported.type === 'Identifier' ? binding.imported.name : binding.imported.value;
      return { specifier, name };
    }
    if (binding.type === 'ImportNamespaceSpecifier') return { specifier, name: WHOLE, namespace: true };
    return binding.type === 'ImportDefaultSpecifier' ? { specifier, name: WHOLE } : undefined;
  }
  // `var utils = require('../utils')` too, while nothing assigns it again
  if (definition.type !== 'Variable' || writeCount(variable) > 1) return undefined;
  const declarator = definition.node;
  const specifier = declarator.init ? requiredSpecifier(declarator.init) : undefined;
  if (specifier === undefined || !isLocal(specifier)) return undefined;
  if (declarator.id.type === 'Identifier') return { specifier, name: WHOLE };
  if (declarator.id.type !== 'ObjectPattern') return undefined;
  for (const property of declarator.id.properties) {
    if (property.type === 'Property' && property.value === definition.name && !property.computed) {
      const key = property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
      return key === undefined ? undefined : { specifier, name: key };
    }
  }
  return undefined;
}

/** `require('./x')`, syntactically (the linted file's own `require` is what calls it). */
export function requiredSpecifier(node: Node): string | undefined {
  const call = skipTransparent(node);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  const [argument] = call.arguments;
  return argument ? stringValue(argument) : undefined;
}
