// packages/kit/src/core/postbuild/analyse.js + utils/fork.js (shape, between #9919 and #9941)
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

async function analyse(opts) {
  return { routes: opts.routes.length };
}

// Child branch: assumes ANY non-main thread is our own forked copy.
// Loaded inside a vitest worker thread, this hijacks vitest's parentPort.
if (!isMainThread && parentPort) {
  parentPort.once('message', async (opts) => parentPort.postMessage(await analyse(opts)));
}

export function analyseInWorker(opts) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { env: { ...process.env } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(opts);
  });
}
