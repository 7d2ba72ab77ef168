'use strict';
// Shared memory for a child process: a SharedArrayBuffer sent over the fork() channel arrives as
// a plain object, so the parent never sees what the child writes.
const { fork } = require('node:child_process');
const path = require('node:path');

function startCounter() {
  const shared = new SharedArrayBuffer(4);
  const child = fork(path.join(__dirname, 'counter-child.js'));
  child.send(shared);
  return { child, counter: new Int32Array(shared) };
}

module.exports = { startCounter };
