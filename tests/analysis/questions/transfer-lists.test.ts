import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { detachedReads, transferListOf } from '../../../src/analysis/questions/transfer-lists.js';
import { walk } from '../../../src/analysis/syntax/ast.js';
import { analyzeCode } from '../../support/analyze-code.js';

const HEAD = `import { MessageChannel } from 'node:worker_threads';\nconst { port2 } = new MessageChannel();\n`;

function postCalls(code: string) {
  const analysis = analyzeCode(HEAD + code);
  const calls: TSESTree.CallExpression[] = [];
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && analysis.sourceCode.getText(node.callee).endsWith('postMessage')) calls.push(node);
  });
  return { analysis, calls };
}

describe('transfer lists', () => {
  it.each<[string, string, string[] | undefined]>([
    ['none', 'port2.postMessage(1);', []],
    ['a literal', 'const ab = new ArrayBuffer(1);\nport2.postMessage(ab, [ab, port2]);', ['ab', 'port2']],
    ['a variable', 'const list = [];\nport2.postMessage(1, list);', undefined],
    ['a spread', 'const list = [];\nport2.postMessage(1, [...list]);', undefined],
  ])('%s', (_name, code, expected) => {
    const { analysis, calls } = postCalls(code);
    expect(transferListOf(calls[0]!)?.map((node) => analysis.sourceCode.getText(node))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['an ArrayBuffer read after', 'const ab = new ArrayBuffer(8);\nport2.postMessage(ab, [ab]);\nab.slice(0);\nab.byteLength;', ['ab line 5']],
    ['a view whose buffer moved', 'const view = new Float64Array(4);\nport2.postMessage(view, [view.buffer]);\nview.fill(0);', ['view line 5']],
    ['a view over memory of another', 'const view = new Uint8Array(shared);\nport2.postMessage(view, [view.buffer]);\nview.fill(0);', []],
    ['a Buffer', "const bytes = Buffer.alloc(4);\nport2.postMessage(bytes, [bytes.buffer]);\nbytes.fill(0);", []],
    ['a post in an expression', 'const ab = new ArrayBuffer(8);\nconst sent = (port2.postMessage(ab, [ab]), 1);\nab.byteLength;', []],
  ])('%s', (_name, code, expected) => {
    const { analysis, calls } = postCalls(code);
    expect(detachedReads(analysis, calls[0]!).map(({ read }) => `${read.name} line ${read.loc.start.line}`)).toEqual(expected);
  });
});
