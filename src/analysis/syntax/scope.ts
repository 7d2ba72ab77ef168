/** Scope look-ups through ESLint's scope manager. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunction, isStringLike, skipTransparent, type FunctionNode } from './ast.js';

type Node = TSESTree.Node;

/** The variable an identifier reads, through the scope manager. */
export function resolveVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  return lookupName(sourceCode, identifier, identifier.name);
}

/** The variable `name` would resolve to if written at `at`. */
export function lookupName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  at: TSESTree.Node,
  name: string,
): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    // Inside `with (object)` a name may be a property of the object.
    if (scope.type === 'with') return undefined;
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Whether a direct `eval` in the variable's scope or below may write it, or the properties of the
 * object it holds (ESLint's scope manager marks such scopes, typescript-eslint's does not).
 */
export function writableByEval(variable: TSESLint.Scope.Variable): boolean {
  return callsEval(variable.scope);
}

const evalScopes = new WeakMap<TSESLint.Scope.Scope, boolean>();

/** Whether a scope or one inside it calls the global `eval` directly: computed once per scope. */
function callsEval(scope: TSESLint.Scope.Scope): boolean {
  let found = evalScopes.get(scope);
  if (found === undefined) {
    found =
      scope.references.some((reference) => {
        const { identifier } = reference;
        const parent = identifier.parent;
        const global = !reference.resolved || (reference.resolved.scope.type === 'global' && reference.resolved.defs.length === 0);
        return identifier.name === 'eval' && global && parent?.type === 'CallExpression' && parent.callee === identifier;
      }) || scope.childScopes.some(callsEval);
    evalScopes.set(scope, found);
  }
  return found;
}

/**
 * The expression a variable always holds: its initializer when it is declared once and never
 * reassigned (`const`, or `let`/`var` without other writes).
 */
export function constantInitializer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): Node | undefined {
  const init = sourceInitializer(sourceCode, identifier);
  const declarator = init?.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' ? init : undefined;
}

/**
 * The expression a never-reassigned variable is taken from: its initializer, also when a
 * destructuring pattern binds it (`const [, , mode] = process.argv` → `process.argv`).
 */
export function sourceInitializer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): Node | undefined {
  const { variable, definition } = definedOnce(sourceCode, identifier) ?? {};
  if (!variable || definition?.type !== 'Variable' || !definition.node.init) return undefined;
  if (definition.parent.kind !== 'const' && writableByEval(variable)) return undefined;
  const init = definition.node.init;
  return writeCount(variable) === 1 && variable.references.find((reference) => reference.isWrite())?.writeExpr === init ? init : undefined;
}

/**
 * The initializer a variable still holds where `identifier` reads it: a constant's, or a `let`/`var`'s
 * when the read runs after the declaration and before any other write (`let name = get();
 * switch (name) { case 'a': name = … }`). So: the declaration is a statement of a block around the
 * read, every other write comes later in the same function and outside the functions nested in it
 * (a nested one may run at any time, and so may a read inside one), and no loop between the
 * declaration and the read brings a write of the round before back to it.
 */
export function initializerAtRead(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): Node | undefined {
  const constant = constantInitializer(sourceCode, identifier);
  if (constant) return constant;
  const { variable, definition } = definedOnce(sourceCode, identifier) ?? {};
  if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init) return undefined;
  if (writableByEval(variable)) return undefined;
  const home = variable.scope.variableScope;
  const read = variable.references.find((reference) => reference.identifier === identifier);
  if (!read?.isReadOnly() || read.from.variableScope !== home) return undefined;
  const init = definition.node.init;
  const laterWrites = variable.references.every(
    (reference) => !reference.isWrite() || reference.writeExpr === init || (reference.from.variableScope === home && reference.identifier.range[0] > identifier.range[1]),
  );
  return laterWrites && declaredBeforeInBlock(definition.parent, identifier) ? init : undefined;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** Whether `declaration` is an earlier statement of a block around `node`, with no loop between them. */
function declaredBeforeInBlock(declaration: Node, node: Node): boolean {
  if (declaration.range[1] > node.range[0]) return false;
  for (let outer = node.parent; outer; outer = outer.parent) {
    if (outer === declaration.parent) return statementsOf(outer)?.includes(declaration) === true;
    // No function lies between: the read is in the declaration's own function (initializerAtRead).
    if (LOOPS.has(outer.type)) return false;
  }
  return false;
}

function statementsOf(node: Node): readonly Node[] | undefined {
  if (node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock') return node.body;
  return node.type === 'SwitchCase' ? node.consequent : undefined;
}

/** How many references write the variable (its initializer counts), without building a list: asked for nearly every identifier. */
export function writeCount(variable: TSESLint.Scope.Variable): number {
  let count = 0;
  for (const reference of variable.references) if (reference.isWrite()) count += 1;
  return count;
}

/** The variable an identifier reads, with its definition when it has exactly one. */
function definedOnce(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): { variable: TSESLint.Scope.Variable; definition: TSESLint.Scope.Definition } | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return variable && definition ? { variable, definition } : undefined;
}

/**
 * The default of a parameter nothing reassigns: `process.platform === 'win32'` for `isWin32` in
 * `(pid, isWin32 = process.platform === 'win32') => …`, also inside a destructured parameter.
 */
export function parameterDefault(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): Node | undefined {
  return unwrittenParameter(sourceCode, identifier)?.fallback;
}

/**
 * A parameter nothing reassigns (only its binding writes it: the argument, or the default): the
 * function it belongs to and its default, if it has one; undefined for any other variable.
 */
export function unwrittenParameter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): { readonly fn: Node; readonly variable: TSESLint.Scope.Variable; readonly fallback: Node | undefined } | undefined {
  const { variable, definition } = definedOnce(sourceCode, identifier) ?? {};
  if (!variable || definition?.type !== 'Parameter') return undefined;
  if (!variable.references.every((reference) => !reference.isWrite() || reference.identifier === definition.name)) return undefined;
  const pattern = definition.name.parent;
  return { fn: definition.node, variable, fallback: pattern?.type === 'AssignmentPattern' && pattern.left === definition.name ? pattern.right : undefined };
}

/**
 * The identifiers that refer to each of the globals `names`: declared only through
 * `languageOptions.globals` (no definition in the file), or not declared at all. One pass over the
 * global scope's unresolved references for all the names (a bundle has thousands of them), keeping
 * only those of the names asked for.
 */
export function globalReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  names: readonly string[],
): ReadonlyMap<string, readonly TSESTree.Identifier[]> {
  const found = new Map<string, TSESTree.Identifier[]>(names.map((name) => [name, []]));
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return found;
  const add = (reference: TSESLint.Scope.Reference) => {
    const identifier = reference.identifier;
    if (identifier.type === 'Identifier') found.get(identifier.name)?.push(identifier);
  };
  for (const name of names) {
    const declared = globalScope.set.get(name);
    if (declared && declared.defs.length === 0) declared.references.forEach(add);
  }
  globalScope.through.forEach(add);
  return found;
}

/** Whether a node is the global `name` (not shadowed by a declaration in the file). */
export function isGlobalIdentifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
  name: string,
): node is TSESTree.Identifier {
  if (node.type !== 'Identifier' || node.name !== name) return false;
  const variable = resolveVariable(sourceCode, node);
  return !variable || variable.defs.length === 0;
}

/**
 * The identifiers that read the name a function or class is bound to (its declaration, or
 * `const name = function/class/arrow`), type queries left out. Undefined when the binding is not a single known one: an
 * anonymous value, or a name assigned more than once.
 */
export function bindingReads(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
): TSESTree.Identifier[] | undefined {
  let declaring: Node | undefined;
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) declaring = node;
  else if (node.parent?.type === 'VariableDeclarator' && node.parent.init === node && node.parent.id.type === 'Identifier') {
    declaring = node.parent;
  }
  const variable = declaring && sourceCode.getDeclaredVariables(declaring)[0];
  if (!variable || writeCount(variable) > 1) return undefined;
  return variable.references
    .filter((reference) => reference.isRead())
    .map((reference) => reference.identifier)
    .filter((identifier): identifier is TSESTree.Identifier => identifier.type === 'Identifier' && !inTypeQuery(identifier));
}

/** `typeof run` in a type (`ReturnType<typeof run>`, `typeof run.length`): it reads the type, never calls or passes the value. */
function inTypeQuery(identifier: TSESTree.Identifier): boolean {
  let current: Node = identifier;
  while (current.parent?.type === 'TSQualifiedName' && current.parent.left === current) current = current.parent;
  return current.parent?.type === 'TSTypeQuery';
}

/** `require('m')` with the global `require`: 'm'. */
export function requiredModule(sourceCode: Readonly<TSESLint.SourceCode>, nodeIn: Node): string | undefined {
  const node = skipTransparent(nodeIn);
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.arguments.length !== 1) return undefined;
  const [argument] = node.arguments;
  if (!argument || !isStringLike(argument) || !isGlobalIdentifier(sourceCode, node.callee, 'require')) return undefined;
  return argument.value;
}

/** The function a name is declared as once: `function f() {}` or `const f = () => {}`. */
export function localFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): { variable: TSESLint.Scope.Variable; fn: FunctionNode } | undefined {
  const variable = resolveVariable(sourceCode, callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let fn: Node | null | undefined = definition?.node;
  if (definition?.type === 'Variable') fn = definition.parent.kind === 'const' ? definition.node.init : undefined;
  else if (definition?.type !== 'FunctionName') fn = undefined;
  return variable && fn && isFunction(fn) ? { variable, fn } : undefined;
}

/** Whether `node` reads a parameter of `fn` (true when the scopes do not say). */
export function readsParameter(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, fn: FunctionNode): boolean {
  const scope = sourceCode.scopeManager?.acquire(fn);
  if (!scope) return true;
  const within = (reference: TSESLint.Scope.Reference) => reference.identifier.range[0] >= node.range[0] && reference.identifier.range[1] <= node.range[1];
  return scope.variables.some((variable) => variable.defs.some((definition) => definition.type === 'Parameter') && variable.references.some(within));
}
