// packages/kit/src/core/postbuild/analyse.js + utils/fork.js (shape, after #9941)
import { fileURLToPath } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';

async function analyse(opts) {
  return { routes: opts.routes.length };
}

// Child branch only when the parent marked this thread as its own fork.
if (process.env.KIT_FORK === fileURLToPath(import.meta.url) && parentPort) {
  parentPort.once('message', async (opts) => parentPort.postMessage(await analyse(opts)));
}

export function analyseInWorker(opts) {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(self, { env: { ...process.env, KIT_FORK: self } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(opts);
  });
}
