import { Worker } from 'node:worker_threads';

export function resize(image) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./resize-worker.mjs', import.meta.url), { workerData: image });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
