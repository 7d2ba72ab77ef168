// packages/upload-media/src/store/utils/canvas.ts (shape)
let blurhashWorker: Worker | undefined;

// Created on first use instead of at import time.
function getBlurhashWorker(): Worker {
  blurhashWorker ??= new Worker(new URL('./workers/blurhash.js', import.meta.url), {
    type: 'module',
  });
  return blurhashWorker;
}

export function getBlurHash(pixels: ArrayBuffer): Promise<string> {
  const worker = getBlurhashWorker();
  return new Promise((resolve) => {
    worker.addEventListener('message', (e) => resolve(e.data), { once: true });
    worker.postMessage(pixels, [pixels]);
  });
}
