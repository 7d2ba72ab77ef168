'use strict';
// A synchronous wrapper that blocks on a worker: the worker file is passed as a relative string.
const { Worker, MessageChannel, receiveMessageOnPort } = require('node:worker_threads');

function createSyncFormatter() {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker('./worker.js', { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  return (text) => {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    worker.postMessage({ signal, text });
    Atomics.wait(signal, 0, 0);
    return receiveMessageOnPort(port1).message;
  };
}

module.exports = { createSyncFormatter };
