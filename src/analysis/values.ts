/**
 * What a value is, as far as it can be seen in the file: constants followed through
 * single-assignment variables, and whether a path names the module itself.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isImportMetaMember, skipTransparent, stringValue } from './ast.js';
import { GLOBALS_MODULE, isRef, REQUIRE_MODULE, type ReferenceIndex } from './references.js';
import { constantInitializer, isGlobalIdentifier } from './scope.js';

type Node = TSESTree.Node;

const MAX_ALIAS_DEPTH = 4;

/**
 * Follows an expression through identifiers bound once to another expression, returning the
 * expression the value comes from (`const file = __filename` → `__filename`).
 */
export function followConstant(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node {
  let current = skipTransparent(node);
  for (let depth = 0; depth < MAX_ALIAS_DEPTH && current.type === 'Identifier'; depth += 1) {
    const init = constantInitializer(sourceCode, current);
    if (!init) break;
    current = skipTransparent(init);
  }
  return current;
}

/** The string a node is known to hold: a literal, or a constant holding one. */
export function constantString(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | undefined {
  return stringValue(followConstant(sourceCode, node));
}

/** Which self-reference form a path expression is, if any. */
export type SelfReference =
  | '__filename'
  | 'import.meta.url'
  | 'import.meta.filename'
  | 'process.argv[1]'
  | 'require.main.filename';

/**
 * Whether an expression names this very module's file: `__filename`, `import.meta.url`,
 * `import.meta.filename`, `new URL(import.meta.url)`, `fileURLToPath(import.meta.url)`,
 * `pathToFileURL(__filename)`, or a constant holding one. `process.argv[1]` and
 * `require.main.filename` name the entry script, which is this module when it is run directly.
 */
export function selfReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  references: ReferenceIndex,
  node: Node,
): SelfReference | undefined {
  const value = followConstant(sourceCode, node);
  const ref = references.refOf(value);
  if (isRef(ref, GLOBALS_MODULE, '__filename')) return '__filename';
  if (isRef(ref, 'process', 'argv', '1')) return 'process.argv[1]';
  if (isRef(ref, REQUIRE_MODULE, 'main', 'filename')) return 'require.main.filename';
  if (isImportMetaMember(value, 'url')) return 'import.meta.url';
  if (isImportMetaMember(value, 'filename')) return 'import.meta.filename';
  if (value.type === 'NewExpression' && isGlobalIdentifier(sourceCode, value.callee, 'URL')) {
    // `new URL(import.meta.url)` or `new URL('', import.meta.url)`-style: the second form with a
    // non-empty relative part names another file.
    const [first, second] = value.arguments;
    if (first && !second) return selfReference(sourceCode, references, first);
    if (first && second && stringValue(first) === '' && isImportMetaMember(second, 'url')) return 'import.meta.url';
    return undefined;
  }
  if (value.type === 'CallExpression' && value.arguments.length === 1 && value.arguments[0]) {
    const callee = references.refOf(value.callee);
    if (isRef(callee, 'url', 'fileURLToPath') || isRef(callee, 'url', 'pathToFileURL')) {
      return selfReference(sourceCode, references, value.arguments[0]);
    }
  }
  if (value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier') {
    // `pathToFileURL(__filename).href`
    if (value.property.name === 'href' || value.property.name === 'pathname') {
      return selfReference(sourceCode, references, value.object);
    }
  }
  return undefined;
}

/** One string an expression can evaluate to, with the literals it is made of. */
export interface PossibleString {
  readonly value: string;
  /** The literal nodes the value is built from: the conditions around them decide when it occurs. */
  readonly sources: readonly Node[];
}

const MAX_POSSIBLE_STRINGS = 32;

/**
 * Every string an expression can take that is visible in the file: literals, constants, both
 * branches of `?:`, both sides of `||`/`??`/`&&`, and `+`/template concatenations of such values
 * (`'npm' + (isWindows ? '.cmd' : '')`). Parts that cannot be known drop the values built from them,
 * so the result lists only strings the expression really can produce.
 */
export function possibleStrings(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth = 0): PossibleString[] {
  const value = skipTransparent(node);
  const literal = stringValue(value);
  if (literal !== undefined) return [{ value: literal, sources: [value] }];
  if (depth >= MAX_ALIAS_DEPTH * 2) return [];
  switch (value.type) {
    case 'Identifier': {
      const init = constantInitializer(sourceCode, value);
      return init ? possibleStrings(sourceCode, init, depth + 1) : [];
    }
    case 'ConditionalExpression':
      return [
        ...possibleStrings(sourceCode, value.consequent, depth + 1),
        ...possibleStrings(sourceCode, value.alternate, depth + 1),
      ].slice(0, MAX_POSSIBLE_STRINGS);
    case 'LogicalExpression':
      return [
        ...possibleStrings(sourceCode, value.left, depth + 1),
        ...possibleStrings(sourceCode, value.right, depth + 1),
      ].slice(0, MAX_POSSIBLE_STRINGS);
    case 'BinaryExpression':
      if (value.operator !== '+') return [];
      return concatenations([value.left, value.right].map((part) => possibleStrings(sourceCode, part, depth + 1)));
    case 'TemplateLiteral': {
      const parts: PossibleString[][] = [];
      value.quasis.forEach((quasi, index) => {
        parts.push([{ value: quasi.value.cooked ?? '', sources: [] }]);
        const expression = value.expressions[index];
        if (expression) parts.push(possibleStrings(sourceCode, expression, depth + 1));
      });
      return concatenations(parts);
    }
    default:
      return [];
  }
}

/** Every concatenation of one value from each part, in order (none when a part is unknown). */
function concatenations(parts: readonly (readonly PossibleString[])[]): PossibleString[] {
  let result: PossibleString[] = [{ value: '', sources: [] }];
  for (const part of parts) {
    result = result
      .flatMap((prefix) => part.map((next) => ({ value: prefix.value + next.value, sources: [...prefix.sources, ...next.sources] })))
      .slice(0, MAX_POSSIBLE_STRINGS);
  }
  return result;
}
