'use strict';
const path = require('node:path');
const { fork } = require('node:child_process');

function startIndexer(folder) {
  const child = fork(path.join(__dirname, 'indexer.js'), [folder], { stdio: 'inherit' });
  return child;
}

module.exports = { startIndexer };
