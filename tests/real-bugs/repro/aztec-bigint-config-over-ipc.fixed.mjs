// Parent of a benchmark: forks worker processes and hands each its config over IPC.
import { fork } from 'node:child_process';

export function startWorker(workerScript, config) {
  const child = fork(workerScript, [], { stdio: 'inherit' });
  // Drop the bigint field before the message crosses the JSON IPC channel;
  // the worker falls back to its own default for it.
  const { priceBumpPercentage, ...ipcConfig } = config;
  child.send({ type: 'START', config: ipcConfig });
  return child;
}
