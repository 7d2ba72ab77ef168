/**
 * The lazy-accessor refactor: `const pool = new Piscina(…)` at the top level, used only inside
 * functions, becomes `let pool; function getPool() { return (pool ??= new Piscina(…)); }` and every
 * use becomes `getPool()`. In TypeScript the cache variable gets a type that checks.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isNameFree } from './module-member.js';
import { capitalize, indentFollowingLines, instanceTypeText, isTypeScriptFile } from '../util/source-text.js';
import { type FileAnalysis, skipTransparent } from '../analysis/index.js';

export interface LazyAccessorFix {
  readonly name: string;
  readonly getter: string;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/** Type annotations that need parentheses before `| undefined`. */
const LOOSE_TYPES = new Set(['TSFunctionType', 'TSConstructorType', 'TSConditionalType', 'TSInferType']);

export function lazyAccessorFix(
  analysis: FileAnalysis,
  starter: TSESTree.Node,
  filename: string,
): LazyAccessorFix | undefined {
  const { sourceCode } = analysis;
  const declarator = enclosingDeclarator(starter);
  const declaration = declarator?.parent;
  if (
    !declarator?.init ||
    declarator.id.type !== 'Identifier' ||
    declaration?.type !== 'VariableDeclaration' ||
    declaration.parent.type !== 'Program' ||
    declaration.declarations.length !== 1 ||
    (declaration.kind !== 'const' && declaration.kind !== 'let')
  ) {
    return undefined;
  }
  const init = declarator.init;
  if (sourceCode.getTokens(init).some((token) => token.value === 'await' || token.value === 'yield')) return undefined;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  const reads = variable.references.filter((reference) => !reference.init);
  const usedOnlyLater = reads.every(
    (reference) =>
      reference.isRead() &&
      !reference.isWrite() &&
      !('isTypeReference' in reference && reference.isTypeReference) &&
      analysis.execution.executionOf(reference.identifier).when !== 'module-load',
  );
  if (reads.length === 0 || !usedOnlyLater) return undefined;

  const name = declarator.id.name;
  const getter = `get${capitalize(name)}`;
  const factory = `create${capitalize(name)}`;
  if (!isNameFree(sourceCode, declaration, getter)) return undefined;
  const initText = indentFollowingLines(
    init.type === 'SequenceExpression' ? `(${sourceCode.getText(init)})` : sourceCode.getText(init),
    '  ',
  );
  const accessor = (created: string): string => `function ${getter}() {\n  return (${name} ??= ${created});\n}`;

  let replacement: string;
  if (!isTypeScriptFile(filename)) {
    replacement = `let ${name};\n${accessor(initText)}`;
  } else {
    const type = cacheType(sourceCode, declarator, init);
    if (type) {
      replacement = `let ${name}: ${type} | undefined;\n${accessor(initText)}`;
    } else {
      if (!isNameFree(sourceCode, declaration, factory)) return undefined;
      replacement =
        `function ${factory}() {\n  return ${initText};\n}\n` +
        `let ${name}: ReturnType<typeof ${factory}> | undefined;\n${accessor(`${factory}()`)}`;
    }
  }

  return {
    name,
    getter,
    apply: (fixer) => [
      fixer.replaceText(declaration, replacement),
      ...reads.map((reference) => {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (parent?.type === 'Property' && parent.shorthand && parent.value === identifier) {
          return fixer.replaceText(identifier, `${name}: ${getter}()`);
        }
        return fixer.replaceText(identifier, `${getter}()`);
      }),
    ],
  };
}

function enclosingDeclarator(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.type === 'VariableDeclarator') return current;
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration')) return undefined;
  }
  return undefined;
}

/** The declared type, or the instance type of `new C(…)`; undefined when only a factory can tell. */
function cacheType(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarator: TSESTree.VariableDeclarator,
  init: TSESTree.Expression,
): string | undefined {
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  if (annotation) {
    const text = sourceCode.getText(annotation);
    return LOOSE_TYPES.has(annotation.type) ? `(${text})` : text;
  }
  return instanceTypeText(sourceCode, skipTransparent(init));
}
