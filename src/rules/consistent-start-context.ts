import type { TSESLint } from '@typescript-eslint/utils';

import { analyze, type FileAnalysis } from '../analysis/index.js';
import { processMessages, type ProcessMessage } from '../analysis/ipc.js';
import { crossingProblems, type CrossingKind, type CrossingProblem } from '../analysis/messages.js';
import { createRule } from '../util/create-rule.js';
import { describeMechanism } from '../analysis/describe.js';
import { GUARD_ADVICE } from '../analysis/start-guard.js';
import { wrongGuards, type WrongGuard } from './consistent-start-context-utils/wrong-guard.js';

type Options = [{ checkLossyJson: boolean }];
type MessageIds =
  | 'wrongGuard'
  | 'useGuard'
  | 'threadOnly'
  | 'functionValue'
  | 'bigint'
  | 'lossyJson'
  | 'transferList'
  | 'poolTransfer';

/** What the child does after passing the same check as its parent. */
const CONSEQUENCE = {
  fork: 'the child forks again',
  thread: 'the worker starts another',
  cluster: 'the worker calls `cluster.fork()`, which throws there',
} as const;

const MESSAGE_FOR: Record<CrossingKind, MessageIds> = {
  'thread-only': 'threadOnly',
  function: 'functionValue',
  bigint: 'bigint',
  'json-lossy': 'lossyJson',
};

export default createRule<Options, MessageIds>({
  name: 'consistent-start-context',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow guards, IPC messages and pool options that do not fit the start mechanism (worker thread, child process, cluster worker)',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkLossyJson: {
            type: 'boolean',
            description:
              'Report values that the default JSON serialization of process IPC silently changes (Map, Set, Date, RegExp, Error, typed arrays, Buffer). Values that throw or cannot cross at all are always reported.',
          },
        },
      },
    ],
    defaultOptions: [{ checkLossyJson: true }],
    messages: {
      wrongGuard: '{{guard}} cannot tell {{child}} from its parent, so {{consequence}}: {{advice}}.',
      useGuard: 'Guard with `{{guard}}` instead of `{{wrong}}`.',
      threadOnly: '{{value}} sent with {{channel}} {{outcome}}: share it with a worker thread, or send plain data.',
      functionValue: 'A function sent with {{channel}} {{outcome}}: send data, and keep the code on the receiving side.',
      bigint: '{{value}} sent with {{channel}} {{outcome}}: send it as a string, or {{advanced}}.',
      lossyJson: '{{value}} sent with {{channel}} {{outcome}}: send plain data, or {{advanced}}.',
      transferList: '{{channel}} takes a handle, not a transfer list, as its second argument: send plain data.',
      poolTransfer: '`{{option}}` does nothing in a pool of child processes: remove it.',
    },
  },
  create(context, [{ checkLossyJson }]) {
    return {
      Program() {
        const analysis = analyze(context);
        if (analysis.references.isEmpty) return;
        for (const wrong of wrongGuards(analysis)) context.report(wrongGuardReport(analysis, wrong));
        for (const message of processMessages(analysis)) reportMessage(analysis, message);
      },
    };

    function reportMessage(analysis: FileAnalysis, message: ProcessMessage): void {
      const channel = channelText(analysis, message);
      if (message.transfer) {
        if (message.pool) {
          context.report({ node: message.transfer, messageId: 'poolTransfer', data: { option: message.pool.transferOption } });
        } else {
          context.report({ node: message.transfer, messageId: 'transferList', data: { channel } });
        }
      }
      if (!message.payload) return;
      for (const problem of crossingProblems(analysis, message.payload, message.serialization)) {
        if (problem.kind === 'json-lossy' && !checkLossyJson) continue;
        context.report({
          node: problem.node,
          messageId: MESSAGE_FOR[problem.kind],
          data: { value: describeValue(problem), channel, outcome: problem.outcome, advanced: advancedRemedy(message) },
        });
      }
    }
  },
});

function wrongGuardReport(analysis: FileAnalysis, wrong: WrongGuard): TSESLint.ReportDescriptor<MessageIds> {
  const { spawn, tests, swap } = wrong;
  const guard = tests.map((test) => `\`${analysis.sourceCode.getText(test).replace(/\s+/g, ' ')}\``).join(' and ');
  return {
    node: spawn.site.node,
    messageId: 'wrongGuard',
    data: {
      guard,
      child: describeMechanism(spawn.mechanism),
      consequence: CONSEQUENCE[spawn.mechanism],
      advice: GUARD_ADVICE[spawn.mechanism],
    },
    suggest: swap ? [{ messageId: 'useGuard', data: { guard: swap.guard, wrong: swap.wrong }, fix: swap.apply }] : [],
  };
}

function channelText(analysis: FileAnalysis, message: ProcessMessage): string {
  const call = `\`${analysis.sourceCode.getText(message.call.callee)}()\``;
  return message.channel === 'pool' ? `${call} (the pool runs tasks in child processes)` : call;
}

/** `A \`Set\``, `An \`Error\``, `A BigInt`. */
function describeValue(problem: CrossingProblem): string {
  const name = problem.type === 'BigInt' || problem.type === 'function' ? problem.type : `\`${problem.type}\``;
  return `${/^[AEIO]/.test(problem.type) ? 'An' : 'A'} ${name}`;
}

/** How to switch this channel to the serialization that keeps Map, Set, Date and BigInt. */
function advancedRemedy(message: ProcessMessage): string {
  switch (message.channel) {
    case 'child':
      return "create the process with `serialization: 'advanced'`";
    case 'cluster-worker':
      return "call `cluster.setupPrimary({ serialization: 'advanced' })` before forking";
    case 'parent':
      return "have the parent start this process with `serialization: 'advanced'`";
    case 'pool': {
      const path = message.pool?.serializationOption ?? ['serialization'];
      const option = path.reduceRight((inner, name) => `${name}: ${inner === "'advanced'" ? inner : `{ ${inner} }`}`, "'advanced'");
      return `create the pool with \`${option}\``;
    }
  }
}
