'use strict';
// A library that runs functions in a pool of worker threads: the worker script is named relative
// to the package, but Node.js resolves it against the working directory of the program using it.
const { Worker } = require('node:worker_threads');

const workers = [];

const init = (options) => {
  for (let i = 0; i < options.pool; i++) {
    const worker = new Worker('./lib/worker.js', { workerData: options.modules });
    workers.push(worker);
  }
};

module.exports = { init };
