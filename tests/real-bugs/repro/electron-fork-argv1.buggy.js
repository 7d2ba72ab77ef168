'use strict';
// A helper that forks "this script" for background work: in a packaged app process.argv[1] is the
// application itself, so the fork starts the app again, which forks again.
const { fork } = require('node:child_process');

function startIndexer(folder) {
  const child = fork(process.argv[1], ['--indexer', folder], { stdio: 'inherit' });
  return child;
}

module.exports = { startIndexer };
