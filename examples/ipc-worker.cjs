// Counts words in a forked copy of this module and sends the totals back over IPC.
const { fork } = require('node:child_process');
const { isMainThread } = require('node:worker_threads');

// wrong guard: isMainThread is also true in a forked child, so every child forks again
if (isMainThread) {
  const child = fork(__filename);
  const stopWords = new Map([['the', 0], ['a', 0]]);
  // a Map arrives as {} over the default JSON channel
  child.send({ stopWords });
  // correct: a plain object survives JSON
  child.send({ stopWords: Object.fromEntries(stopWords) });
} else {
  process.on('message', (message) => console.log(Object.keys(message.stopWords)));
}

// correct: `serialization: 'advanced'` carries Maps and Sets
function startCounter() {
  const counter = fork(__filename, ['--child'], { serialization: 'advanced' });
  counter.send({ seen: new Set(['a']) });
  return counter;
}

module.exports = { startCounter };
