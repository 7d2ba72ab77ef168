import type { TSESLint } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { describeMechanism, whereIs } from './shared/describe.js';
import { ownWorkerFix } from './consistent-start-context-utils/own-worker.js';
import { wrongGuards, type WrongGuard } from './consistent-start-context-utils/wrong-guard.js';
import { analyze, GUARD_ADVICE, type CrossingKind, type CrossingProblem, crossingProblems, detachedReads, type FileAnalysis, type ProcessMessage, importedMessages, processMessages, sharedThreadChecks, transferListOf, wrappedMessages } from '../analysis/index.js';

type Options = [{ checkLossyJson: boolean; workerDataMarker: string }];
type MessageIds =
  | 'wrongGuard'
  | 'useGuard'
  | 'threadOnly'
  | 'functionValue'
  | 'symbolValue'
  | 'lostPrototype'
  | 'bigint'
  | 'lossyJson'
  | 'transferList'
  | 'poolTransfer'
  | 'notCloneable'
  | 'notTransferred'
  | 'readAfterTransfer'
  | 'manyValues'
  | 'sharedThreadCheck'
  | 'addWorkerDataMarker';

/** What the child does after passing the same check as its parent. */
const CONSEQUENCE = {
  fork: 'the child forks again',
  thread: 'the worker starts another',
  cluster: 'the worker calls `cluster.fork()`, which throws there',
} as const;

/** A child started later, whose top level takes the branch meant for its parent. */
const TAKES_PARENT_BRANCH = "the worker takes its parent's branch at load and never runs its own";

const MESSAGE_FOR: Record<CrossingKind, MessageIds> = {
  'thread-only': 'threadOnly',
  function: 'functionValue',
  symbol: 'symbolValue',
  bigint: 'bigint',
  'json-lossy': 'lossyJson',
  prototype: 'lostPrototype',
  uncloneable: 'notCloneable',
  untransferred: 'notTransferred',
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
          workerDataMarker: {
            type: 'string',
            pattern: '^[A-Za-z_$][\\w$]*$',
            description:
              'The `workerData` property the suggestion for a shared thread check sets at `new Worker()` and tests in the check.',
          },
        },
      },
    ],
    defaultOptions: [{ checkLossyJson: true, workerDataMarker: 'ownWorker' }],
    messages: {
      wrongGuard: '{{guard}} cannot tell {{child}} from its parent, so {{consequence}}: {{advice}}.',
      useGuard: 'Guard with `{{guard}}` instead of `{{wrong}}`.',
      threadOnly: '{{value}} sent with {{channel}} {{outcome}}: share it with a worker thread, or send plain data.',
      functionValue: 'A function sent with {{channel}} {{outcome}}: send data, and keep the code on the receiving side.',
      symbolValue: 'A symbol sent with {{channel}} {{outcome}}: send a string instead.',
      lostPrototype: '{{value}} sent with {{channel}} {{outcome}}: send plain data, and rebuild the object on the receiving side.',
      bigint: '{{value}} sent with {{channel}} {{outcome}}: send it as a string, or {{advanced}}.',
      lossyJson: '{{value}} sent with {{channel}} {{outcome}}: send plain data, or {{advanced}}.',
      transferList: '{{channel}} takes a handle, not a transfer list, as its second argument: send plain data.',
      notCloneable: '{{value}} sent with {{channel}} {{outcome}}: send the data it holds (await a promise first).',
      notTransferred: '{{value}} sent with {{channel}} {{outcome}}: list it in the transfer list too.',
      readAfterTransfer: '`{{name}}` is read after {{channel}} transferred {{what}} (line {{line}}): it is detached and empty; read it before.',
      poolTransfer: '`{{option}}` does nothing in a pool of child processes: remove it.',
      sharedThreadCheck: "{{check}} cannot tell this module's own worker from any other thread: check a `workerData` marker.",
      addWorkerDataMarker: 'Set `workerData.{{marker}}` at `new Worker()` and require it in this check.',
      manyValues: '{{values}} in this message do not cross {{channel}} intact: {{remedy}}.',
    },
  },
  create(context, [{ checkLossyJson, workerDataMarker }]) {
    return {
      Program() {
        const analysis = analyze(context);
        // Every report here is about a start, a send() or a thread check that the text names, or
        // a postMessage() to a global channel (a Web Worker, a BroadcastChannel, a MessageChannel).
        if (!analysis.namesHazard) {
          const messages = analysis.sourceCode.text.includes('postMessage') ? allMessages(analysis) : importedMessages(analysis);
          for (const message of messages) reportMessage(analysis, message);
          return;
        }
        if (analysis.references.isEmpty) {
          // A child an imported factory returned is all such a file can send to.
          for (const message of allMessages(analysis)) reportMessage(analysis, message);
          return;
        }
        // Wrong guards and shared thread checks are about self-spawns, which are starters of this file.
        if (analysis.starters.length > 0) {
          for (const wrong of wrongGuards(analysis)) context.report(wrongGuardReport(analysis, wrong));
          for (const shared of sharedThreadChecks(analysis)) {
            const fix = ownWorkerFix(analysis, shared, workerDataMarker);
            context.report({
              node: shared.check,
              messageId: 'sharedThreadCheck',
              data: { check: `\`${analysis.sourceCode.getText(shared.check).replace(/\s+/g, ' ')}\`` },
              suggest: fix ? [{ messageId: 'addWorkerDataMarker', data: { marker: workerDataMarker }, fix }] : [],
            });
          }
        }
        for (const message of allMessages(analysis)) reportMessage(analysis, message);
      },
    };

    function reportMessage(analysis: FileAnalysis, message: ProcessMessage): void {
      const channel = channelText(analysis, message, context.physicalFilename);
      if (message.transfer) {
        if (message.pool) {
          context.report({ node: message.transfer, messageId: 'poolTransfer', data: { option: message.pool.transferOption } });
        } else {
          context.report({ node: message.transfer, messageId: 'transferList', data: { channel } });
        }
      }
      if (message.serialization === 'structured-clone') {
        for (const detached of detachedReads(analysis, message.call)) {
          context.report({
            node: detached.read,
            messageId: 'readAfterTransfer',
            data: { name: detached.read.name, channel, what: `\`${analysis.sourceCode.getText(detached.element)}\``, line: String(message.call.loc.start.line) },
          });
        }
      }
      if (!message.payload) return;
      const transferList = message.serialization === 'structured-clone' ? transferListOf(message.call) : undefined;
      const problems = crossingProblems(analysis, message.payload, message.serialization, transferList).filter(
        (problem) => checkLossyJson || problem.kind !== 'json-lossy',
      );
      const [first] = problems;
      if (!first) return;
      // One report per message, however many values of it break: a generated literal of
      // 100,000 rows is one mistake, not 100,000.
      const node = problems.length === 1 ? first.node : message.payload;
      if (new Set(problems.map(describeValue)).size === 1) {
        context.report({
          node,
          messageId: MESSAGE_FOR[first.kind],
          data: { value: describeValue(first), channel, outcome: first.outcome, advanced: advancedRemedy(message) },
        });
        return;
      }
      const remedy = problems.every((problem) => problem.kind === 'json-lossy' || problem.kind === 'bigint')
        ? `send plain data, or ${advancedRemedy(message)}`
        : 'send plain data';
      context.report({ node, messageId: 'manyValues', data: { values: listValues(problems), channel, remedy } });
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
      consequence: wrong.atLoad ? CONSEQUENCE[spawn.mechanism] : TAKES_PARENT_BRANCH,
      advice: GUARD_ADVICE[spawn.mechanism],
    },
    suggest: swap ? [{ messageId: 'useGuard', data: { guard: swap.guard, wrong: swap.wrong }, fix: swap.apply }] : [],
  };
}

/** The messages the file sends, and those functions, local or imported, send with a value each call passes. */
function allMessages(analysis: FileAnalysis): readonly ProcessMessage[] {
  return [...processMessages(analysis), ...wrappedMessages(analysis), ...importedMessages(analysis)];
}

function channelText(analysis: FileAnalysis, message: ProcessMessage, filename: string): string {
  const { through } = message;
  const sender = `\`${analysis.sourceCode.getText(message.call.callee)}()\``;
  const call = through ? `${through.sender} at ${whereIs(through.point, filename)} through ${through.name}()` : sender;
  return message.channel === 'pool' ? `${call} (the pool runs tasks in child processes)` : call;
}

/** `A \`Set\``, `An \`Error\``, `A BigInt`, `A \`Date\` field \`createdAt\``. */
function describeValue(problem: CrossingProblem): string {
  if (problem.type === 'undefined') return '`undefined` in an array slot';
  if (problem.type === 'arguments') return 'The `arguments` object';
  const name = problem.type === 'BigInt' || problem.type === 'function' ? problem.type : `\`${problem.type}\``;
  const field = problem.field === undefined ? '' : ` field \`${problem.field}\``;
  return `${/^[AEIO]/.test(problem.type) ? 'An' : 'A'} ${name}${field}`;
}

const MAX_LISTED = 4;

/** `A \`Map\`, a BigInt and 2 more`: each kind of value once, the first few. */
function listValues(problems: readonly CrossingProblem[]): string {
  const names = [...new Set(problems.map(describeValue))];
  const listed = names.slice(0, MAX_LISTED).map((name, index) => (index === 0 ? name : name.charAt(0).toLowerCase() + name.slice(1)));
  const rest = names.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  const last = listed.pop() ?? '';
  return listed.length > 0 ? `${listed.join(', ')} and ${last}` : last;
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
    case 'thread':
      // A structured clone keeps every value JSON loses, so no such problem reaches here.
      return 'send plain data';
  }
}
