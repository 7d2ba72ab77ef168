// packages/upload-media/src/store/utils/canvas.ts (shape)
// Worker is constructed while the module is being imported, so every page
// (and every test) that imports these helpers boots a worker it may never use.
const blurhashWorker = new Worker(new URL('./workers/blurhash.js', import.meta.url), {
  type: 'module',
});

export function getBlurHash(pixels: ArrayBuffer): Promise<string> {
  return new Promise((resolve) => {
    blurhashWorker.addEventListener('message', (e) => resolve(e.data), { once: true });
    blurhashWorker.postMessage(pixels, [pixels]);
  });
}
