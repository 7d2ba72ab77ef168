// Runs jobs in a child process (job-worker.cjs) and collects their results.
import { fork } from 'node:child_process';

// spawns on import: every module that imports this file (tests, tools) starts a process
const runner = fork(new URL('./job-worker.cjs', import.meta.url));

export function runJob(job) {
  return new Promise((resolve) => {
    runner.once('message', resolve);
    runner.send(job);
  });
}

// resolved against the working directory, not this file: fails when started from another folder
export function runIsolated(job) {
  const child = fork('./job-worker.cjs');
  child.send(job);
  return child;
}

// correct: the process starts when a caller asks for it, from a path relative to this module
export function startRunner() {
  return fork(new URL('./job-worker.cjs', import.meta.url));
}
