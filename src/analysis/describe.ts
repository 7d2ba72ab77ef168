/** Words for messages: what a starter starts, and where a node is. */
import type { TSESTree } from '@typescript-eslint/utils';

import type { Mechanism } from './catalog.js';

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
