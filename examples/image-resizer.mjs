// Resizes images on worker threads: this module is both the coordinator and the worker script.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, Worker } from 'node:worker_threads';

// correct: only the main thread starts workers, so a worker running this file does not start more
if (isMainThread) {
  const files = process.argv.slice(2);
  const threads = Math.min(files.length, availableParallelism());
  for (let index = 0; index < threads; index++) {
    const worker = new Worker(new URL(import.meta.url), { workerData: files.filter((_, i) => i % threads === index) });
    worker.on('message', (line) => console.log(line));
  }
} else {
  for (const file of workerData) parentPort.postMessage(`resized ${file}`);
}

// resolved against the working directory, not this file
export function startThumbnailer() {
  return new Worker('./thumbnailer.mjs');
}

// correct: a URL relative to this module
export function startPreviewer() {
  return new Worker(new URL('./previewer.mjs', import.meta.url));
}
