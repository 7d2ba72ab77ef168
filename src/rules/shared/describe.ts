/** Words for messages: what a starter starts, and where a node is. */
import type { TSESTree } from '@typescript-eslint/utils';

import path from 'node:path';
import type { Mechanism, StartPoint } from '../../analysis/index.js';


const MECHANISM_WORDS: Record<Mechanism, string> = {
  process: 'a child process',
  fork: 'a Node.js child process',
  thread: 'a worker thread',
  cluster: 'a cluster worker',
};

export function describeMechanism(mechanism: Mechanism): string {
  return MECHANISM_WORDS[mechanism];
}

export function lineOf(node: TSESTree.Node): string {
  return String(node.loc.start.line);
}

/** `child.kill() at line 12 through stop()`: a check reached from a call of a local function. */
export function reachedThrough(name: string, at: TSESTree.Node, call: string): string {
  return `${name} at line ${lineOf(at)} through ${call}()`;
}

/** `line 12` in the file at hand, `./engine.js:12` in another one (relative to the file at hand). */
export function whereIs(point: Pick<StartPoint, 'file' | 'line'>, fromFile: string): string {
  if (point.file === undefined || point.file === fromFile) return `line ${point.line}`;
  const relative = path.relative(path.dirname(fromFile), point.file).split(path.sep).join('/');
  return `${relative.startsWith('.') ? relative : `./${relative}`}:${point.line}`;
}

/** `` `new TtsEngine()` `` or `` `createPool()` ``: a call of an imported starter, as messages name it. */
export function callLabel(node: TSESTree.CallExpression | TSESTree.NewExpression, callee: string): string {
  return `\`${node.type === 'NewExpression' ? 'new ' : ''}${callee}()\``;
}
