'use strict';
// The table crosses as its entries; the worker rebuilds the Map.
const cluster = require('node:cluster');

function startWorkers(routes, count) {
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    worker.send({ type: 'routes', table: [...new Map(routes)] });
  }
}

module.exports = { startWorkers };
