// An application module in a nested folder starts its worker with a path relative to itself;
// started from the project root, the worker fails with "Cannot find module".
import { Worker } from 'node:worker_threads';

export function resize(image) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('./resize-worker.mjs', { workerData: image });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
