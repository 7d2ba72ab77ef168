'use strict';
// Memory is shared with a worker thread, which can receive a SharedArrayBuffer.
const { Worker } = require('node:worker_threads');
const path = require('node:path');

function startCounter() {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(path.join(__dirname, 'counter-worker.js'), { workerData: shared });
  return { worker, counter: new Int32Array(shared) };
}

module.exports = { startCounter };
