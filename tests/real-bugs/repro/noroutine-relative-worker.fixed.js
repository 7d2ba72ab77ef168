'use strict';
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const WORKER_PATH = path.join(__dirname, 'lib', 'worker.js');
const workers = [];

const init = (options) => {
  for (let i = 0; i < options.pool; i++) {
    const worker = new Worker(WORKER_PATH, { workerData: options.modules });
    workers.push(worker);
  }
};

module.exports = { init };
