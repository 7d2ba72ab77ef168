/**
 * Where Web Workers enter a file: a bundler's worker import (`import W from './w.js?worker'`), and
 * the globals `Worker` and `SharedWorker`. Node.js has neither global, so a file's global `Worker`
 * is taken for a Web Worker only when the file evidently runs where they exist: ESLint's
 * configuration declares the global, the file imports a worker (`?worker`), or it builds a URL on
 * its own (`new URL(…, import.meta.url)`, the form bundlers rewrite). Otherwise it stays unknown.
 */
import type { TSESLint } from '@typescript-eslint/utils';

import { WEB_WORKER_GLOBALS } from '../catalog/starters.js';
import { nodeAtIndex } from '../syntax/ast.js';
import { isGlobalIdentifier } from '../syntax/scope.js';

/**
 * The starter path of a worker import's default export: `?worker` for `./w.js?worker` and
 * `./w.js?worker&inline`, `?sharedworker` likewise; none for `?worker&url` (a URL string) or any
 * other specifier.
 */
export function workerImportPath(specifier: string): string | undefined {
  const query = specifier.indexOf('?');
  if (query === -1) return undefined;
  const [kind, ...flags] = specifier.slice(query + 1).split('&');
  if ((kind !== 'worker' && kind !== 'sharedworker') || flags.includes('url')) return undefined;
  return `?${kind}`;
}

/** ESLint's own marks on a global declared by the configuration or by a `global` comment. */
interface DeclaredGlobal {
  eslintImplicitGlobalSetting?: unknown;
  eslintExplicitGlobal?: boolean;
}

/** Whether the file evidently runs where Web Workers exist (see the file comment). */
export function runsWhereWebWorkersExist(sourceCode: Readonly<TSESLint.SourceCode>, importsWorker: boolean): boolean {
  if (importsWorker) return true;
  const globalScope = sourceCode.scopeManager?.globalScope;
  const declared = WEB_WORKER_GLOBALS.some((name) => {
    // typescript-eslint's lib globals (`dom`) carry no such mark: a lib is not where the file runs.
    const variable = globalScope?.set.get(name) as (TSESLint.Scope.Variable & DeclaredGlobal) | undefined;
    return variable !== undefined && (variable.eslintImplicitGlobalSetting !== undefined || variable.eslintExplicitGlobal === true);
  });
  return declared || buildsModuleUrl(sourceCode);
}

/**
 * Whether the file has `new URL(…, import.meta.url)`. Found from the text's `import.meta` tokens,
 * so that a file without one costs a search of its text only.
 */
function buildsModuleUrl(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const { text } = sourceCode;
  for (let index = text.indexOf('import.meta'); index !== -1; index = text.indexOf('import.meta', index + 1)) {
    // The deepest node there is the `import` of `import.meta`.
    const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, index)?.parent;
    if (node?.type !== 'MetaProperty' || node.range[0] !== index) continue;
    const member = node.parent;
    if (member.type !== 'MemberExpression' || member.computed || member.property.type !== 'Identifier' || member.property.name !== 'url') continue;
    const url = member.parent;
    if (url?.type === 'NewExpression' && url.arguments[1] === member && isGlobalIdentifier(sourceCode, url.callee, 'URL')) return true;
  }
  return false;
}
