'use strict';
const path = require('node:path');
const { Worker, MessageChannel, receiveMessageOnPort } = require('node:worker_threads');

function createSyncFormatter() {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  return (text) => {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    worker.postMessage({ signal, text });
    Atomics.wait(signal, 0, 0);
    return receiveMessageOnPort(port1).message;
  };
}

module.exports = { createSyncFormatter };
