'use strict';
// One module for both sides of a farm: the parent forks this file, and the child is meant to take
// the other branch. cluster.isMaster is true in a process started by child_process.fork(), so the
// child forks again, without end.
const cluster = require('node:cluster');
const { fork } = require('node:child_process');

if (cluster.isMaster) {
  const child = fork(__filename);
  child.on('message', (result) => console.log(result));
  child.send({ task: 'resize' });
} else {
  process.on('message', (task) => process.send({ done: task.task }));
}

module.exports = {};
