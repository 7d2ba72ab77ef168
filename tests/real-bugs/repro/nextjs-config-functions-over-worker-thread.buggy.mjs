// Static export in worker threads: each worker gets the complete framework config with its
// arguments. The config's defaults include functions (generateBuildId), which the structured clone
// behind worker.postMessage rejects with DataCloneError; child processes had dropped them silently.
import { Worker } from 'node:worker_threads';

const defaultConfig = {
  distDir: '.next',
  trailingSlash: false,
  generateBuildId: () => null,
};

export function exportPages(userConfig, pages) {
  const nextConfig = { ...defaultConfig, ...userConfig };
  const worker = new Worker(new URL('./export-worker.mjs', import.meta.url));
  worker.postMessage({ method: 'exportPages', args: [{ pages, nextConfig }] });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
