// Parent of a benchmark: forks worker processes and hands each its config over IPC.
import { fork } from 'node:child_process';

export function startWorker(workerScript, config) {
  const child = fork(workerScript, [], { stdio: 'inherit' });
  // config carries a bigint field (e.g. a fee bump percentage); the default
  // 'json' IPC serialization throws "Do not know how to serialize a BigInt".
  child.send({ type: 'START', config });
  return child;
}
