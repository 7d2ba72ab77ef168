/** Small, dependency-free readers of ESTree nodes shared by the analysis modules. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

export function isStringLike(node: Node): node is TSESTree.StringLiteral {
  return node.type === 'Literal' && typeof node.value === 'string';
}

/** The value of a string literal or a template literal without substitutions. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The static name of `a.b`, `a['b']`, `a[0]`; undefined for a computed key. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === 'Identifier' ? node.property.name : undefined;
  }
  if (node.property.type === 'Literal' && typeof node.property.value === 'number') {
    return String(node.property.value);
  }
  return stringValue(node.property);
}

/** Strips wrappers that do not change a value: `x!`, `x as T`, `x satisfies T`, `<T>x`, `a?.b`. */
export function skipTransparent(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'ChainExpression':
        current = current.expression;
        break;
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return FUNCTION_TYPES.has(node.type);
}

/** The function `node` is in, undefined at the top level of the module. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** The outermost node holding the same value: through `x!`, `x as T` and optional chains. */
export function outerValue(node: Node): Node {
  let current = node;
  while (current.parent && skipTransparent(current.parent) === current) current = current.parent;
  return current;
}

/** The one expression a function returns: an arrow's expression body, or a body of one `return` after declarations only. */
export function returnedExpression(fn: FunctionNode | undefined): Node | undefined {
  if (!fn) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const statements = fn.body.body;
  const last = statements.at(-1);
  // `const platform = process.platform; return platform === 'linux'`: declarations only name parts of the answer
  const declarationsFirst = statements.every((statement) => statement === last || statement.type === 'VariableDeclaration');
  return declarationsFirst && last?.type === 'ReturnStatement' ? (last.argument ?? undefined) : undefined;
}

/** `null`, `undefined` or a `void` expression: a value that is nullish wherever it is read (a regular expression whose `value` this Node cannot build is not). */
export function isNullish(node: Node): boolean {
  if (node.type === 'Literal' && node.value === null && !('regex' in node)) return true;
  if (node.type === 'Identifier' && node.name === 'undefined') return true;
  return node.type === 'UnaryExpression' && node.operator === 'void';
}

/** The `return` a branch is, alone or as the only statement of its block. */
export function onlyReturn(branch: TSESTree.Statement): TSESTree.ReturnStatement | undefined {
  const only = branch.type === 'BlockStatement' ? (branch.body.length === 1 ? branch.body[0] : undefined) : branch;
  return only?.type === 'ReturnStatement' ? only : undefined;
}

/** `import.meta` */
export function isImportMeta(node: Node): boolean {
  return node.type === 'MetaProperty' && node.meta.name === 'import' && node.property.name === 'meta';
}

/** `import.meta.<name>` */
export function isImportMetaMember(node: Node, name: string): boolean {
  const inner = skipTransparent(node);
  return inner.type === 'MemberExpression' && isImportMeta(inner.object) && memberName(inner) === name;
}

/**
 * The arguments of a call that can be its options, from `from` on: up to the first object literal,
 * which is the options; what follows it is a callback (`execFile(file, args, { cwd }, done)`).
 */
export function optionsCandidates(
  args: readonly TSESTree.CallExpressionArgument[],
  from: number,
): readonly TSESTree.CallExpressionArgument[] {
  const literal = args.findIndex((argument, index) => index >= from && argument.type === 'ObjectExpression');
  return args.slice(from, literal === -1 ? undefined : literal + 1);
}

/** The options object of a call: the first object-literal argument at or after `from`. */
export function optionsArgument(
  args: readonly TSESTree.CallExpressionArgument[],
  from: number,
): TSESTree.ObjectExpression | undefined {
  const last = optionsCandidates(args, from).at(-1);
  return last?.type === 'ObjectExpression' ? last : undefined;
}

/** The value of a non-computed or string-keyed property of an object literal (last one wins). */
export function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = property.computed
      ? stringValue(property.key)
      : property.key.type === 'Identifier'
        ? property.key.name
        : stringValue(property.key);
    if (key === name) found = property.value;
  }
  return found;
}

/** Whether an object literal may carry properties not visible here (spreads). */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === 'SpreadElement');
}

/**
 * Visits `root` and its descendants depth first, in source order. `visit` returns false to skip a
 * node's children. An explicit stack, not recursion: the depth of the tree never deepens the call stack.
 */
export function walk(
  root: Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (node: Node) => boolean | void,
): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visit(node) === false) continue;
    // Pushed last child first (keys and array items backwards), so the first child is visited next; no array per node.
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const value = (node as unknown as Record<string, unknown>)[keys[keyIndex] as string];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) pushNode(stack, value[index]);
      } else pushNode(stack, value);
    }
  }
}

function pushNode(stack: Node[], item: unknown): void {
  if (typeof item === 'object' && item !== null && typeof (item as Node).type === 'string') stack.push(item as Node);
}

/**
 * The deepest node whose range holds `index`, as ESLint's `getNodeByRangeIndex` finds it, by a
 * descent that searches each node's children by halves: that method visits every statement before
 * the index, so a lookup per occurrence grew with occurrences × statements.
 */
export function nodeAtIndex(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, index: number): Node | undefined {
  if (index < root.range[0] || index >= root.range[1]) return undefined;
  let node = root;
  for (let child = childAt(node, visitorKeys, index); child; child = childAt(node, visitorKeys, index)) node = child;
  return node;
}

function childAt(node: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, index: number): Node | undefined {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const found = Array.isArray(value) ? sortedChildAt(value as unknown[], index) : asNode(value);
    if (found && found.range[0] <= index && index < found.range[1]) return found;
  }
  return undefined;
}

/** In children listed in source order (holes allowed, `[a, , b]`), the one whose range may hold `index`. */
function sortedChildAt(children: readonly unknown[], index: number): Node | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    let probe = middle;
    let child = asNode(children[probe]);
    while (!child && probe > low) child = asNode(children[(probe -= 1)]);
    if (!child || index >= child.range[1]) low = middle + 1;
    else if (index < child.range[0]) high = probe - 1;
    else return child;
  }
  return undefined;
}

function asNode(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string' ? (value as Node) : undefined;
}

/** The constructor implementation (not an overload signature). */
export function constructorOf(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.body !== null,
  );
}

/** `proc` for `this.proc` and `proc = …`, `#proc` for private names; undefined when computed. */
export function memberKey(node: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (node.type === 'MemberExpression') {
    if (node.property.type === 'PrivateIdentifier') return `#${node.property.name}`;
    return memberName(node);
  }
  if (node.key.type === 'PrivateIdentifier') return `#${node.key.name}`;
  if (node.computed) return undefined;
  if (node.key.type === 'Identifier') return node.key.name;
  return node.key.type === 'Literal' ? String(node.key.value) : undefined;
}

/** `export function f`, `export default function`, `export const f = () => …`: callable from anywhere. */
export function isExportedFunction(fn: Node): boolean {
  const holder = fn.parent?.type === 'VariableDeclarator' ? fn.parent.parent?.parent : fn.parent;
  return holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration';
}

/** The name an exported function is imported by (isExportedFunction): its own, or `default`. */
export function exportedFunctionName(fn: Node): string | undefined {
  const holder = fn.parent?.type === 'VariableDeclarator' ? fn.parent.parent?.parent : fn.parent;
  if (holder?.type === 'ExportDefaultDeclaration') return 'default';
  if (holder?.type !== 'ExportNamedDeclaration') return undefined;
  if (fn.type === 'FunctionDeclaration') return fn.id?.name;
  return fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : undefined;
}

/** The RegExp of a regular expression literal, when this Node can build it (its flags may be newer). */
export function literalRegExp(node: Node): RegExp | undefined {
  if (node.type !== 'Literal' || !('regex' in node)) return undefined;
  try {
    return new RegExp(node.regex.pattern, node.regex.flags);
  } catch {
    return undefined;
  }
}

/** The value a chain of assignments assigns: `c` of `a = b = c`. */
export function assignedValue(node: Node): Node {
  let current = node;
  while (current.type === 'AssignmentExpression') current = current.right;
  return current;
}
