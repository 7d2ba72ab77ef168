// Static export in worker threads: the arguments are reduced to plain data before they are posted,
// since the structured clone behind worker.postMessage rejects functions.
import { Worker } from 'node:worker_threads';

const defaultConfig = {
  distDir: '.next',
  trailingSlash: false,
  generateBuildId: () => null,
};

export function exportPages(userConfig, pages) {
  const nextConfig = { ...defaultConfig, ...userConfig };
  const worker = new Worker(new URL('./export-worker.mjs', import.meta.url));
  const args = JSON.parse(JSON.stringify([{ pages, nextConfig }]));
  worker.postMessage({ method: 'exportPages', args });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
