'use strict';
// A forked child has an IPC channel: process.send is what tells it from its parent.
const { fork } = require('node:child_process');

if (process.send === undefined) {
  const child = fork(__filename);
  child.on('message', (result) => console.log(result));
  child.send({ task: 'resize' });
} else {
  process.on('message', (task) => process.send({ done: task.task }));
}

module.exports = {};
