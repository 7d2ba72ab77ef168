/**
 * The parser the CLI gives JavaScript files, so that they parse as Node runs them rather than as
 * ESLint's default (every `.js` file an ES module, where a top-level `return` or a variable named
 * `package` is a syntax error): a `.js` or `.jsx` file is CommonJS unless the nearest package.json
 * says `"type": "module"`, and a CommonJS file that only parses as a module (import/export,
 * `import.meta`, top-level `await`) is a module, as Node 22's syntax detection decides; `.mjs` and
 * `.cjs` by their extension. A file that parses neither way but is a Flow file (see flow.ts), and a
 * minified file of any of them (minified.ts), are handed to `onSkipped` and linted as an empty program.
 *
 * espree and eslint-scope are ESLint's own, loaded from wherever the running ESLint is installed:
 * the same parser ESLint would use, and no dependency of this package.
 */
import { createRequire } from 'node:module';

import type { Linter } from 'eslint';

import { nearestManifest } from '../analysis/index.js';
import { isFlowFile } from './flow.js';
import { isMinified } from './minified.js';

type SourceType = 'commonjs' | 'module';
type ParserOptions = Record<string, unknown> & { filePath?: string; ecmaFeatures?: Record<string, unknown> };

/** What espree throws: the position where parsing stopped. */
interface ParseError {
  index?: number;
  lineNumber?: number;
}

interface Espree {
  parse(code: string, options: ParserOptions): { sourceType: string };
  VISITOR_KEYS: Record<string, readonly string[]>;
}
interface EslintScope {
  analyze(ast: unknown, options: Record<string, unknown>): unknown;
}

export function nodeModuleParser(onSkipped: (kind: 'flow' | 'minified', filePath: string) => void): Linter.Parser {
  const fromEslint = createRequire(import.meta.resolve('eslint'));
  const espree = fromEslint('espree') as Espree;
  const eslintScope = fromEslint('eslint-scope') as EslintScope;

  const parse = (code: string, options: ParserOptions, sourceType: SourceType) => {
    const ecmaFeatures: Record<string, unknown> = { ...options.ecmaFeatures, globalReturn: sourceType === 'commonjs' };
    const ast = espree.parse(code, { ...options, sourceType, ecmaFeatures });
    const scopeManager = eslintScope.analyze(ast, {
      ignoreEval: true,
      nodejsScope: sourceType === 'commonjs',
      ecmaVersion: typeof options['ecmaVersion'] === 'number' ? options['ecmaVersion'] : 6,
      sourceType,
      childVisitorKeys: espree.VISITOR_KEYS,
      fallback: 'iteration',
      jsx: ecmaFeatures['jsx'],
    });
    return { ast, scopeManager, visitorKeys: espree.VISITOR_KEYS };
  };

  /** The program as Node runs it; when it parses neither way, the error of the parse that read further. */
  const parseAsNode = (code: string, options: ParserOptions) => {
    const extension = options.filePath?.slice(-4).toLowerCase();
    if (extension === '.mjs' || extension === '.cjs') return parse(code, options, extension === '.mjs' ? 'module' : 'commonjs');
    // the file model's package.json lookup, shared with the rules: one read per folder for the run
    if (options.filePath && nearestManifest(options.filePath)?.type === 'module') return parse(code, options, 'module');
    try {
      return parse(code, options, 'commonjs');
    } catch (commonjsError) {
      try {
        return parse(code, options, 'module');
      } catch (moduleError) {
        // not the `import` a module starts with, but the mistake further down
        throw furthest(commonjsError as ParseError, moduleError as ParseError);
      }
    }
  };

  return {
    meta: { name: 'process-guard-cli/node-module-parser' },
    parseForESLint(code: string, options: ParserOptions = {}) {
      if (options.filePath && isMinified(code)) {
        onSkipped('minified', options.filePath);
        return parse('', options, 'commonjs');
      }
      try {
        return parseAsNode(code, options);
      } catch (error) {
        if (!options.filePath || !isFlowFile(code, (error as ParseError).lineNumber)) throw error;
        onSkipped('flow', options.filePath);
        return parse('', options, 'commonjs');
      }
    },
  } as unknown as Linter.Parser;
}

function furthest(first: ParseError, second: ParseError): ParseError {
  return (second.index ?? -1) > (first.index ?? -1) ? second : first;
}
