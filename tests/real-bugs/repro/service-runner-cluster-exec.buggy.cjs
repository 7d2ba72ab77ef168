// service-runner.js + lib/master.js (shape, before #97)
const cluster = require('cluster');
const os = require('os');

// Library API: embedders (e.g. a test file) call new ServiceRunner(conf).start().
class ServiceRunner {
  constructor(conf) {
    this.conf = conf;
  }

  start() {
    if (cluster.isMaster) {
      const n = this.conf.numWorkers || os.cpus().length;
      // No setupMaster({ exec }): each worker re-executes process.argv[1],
      // i.e. the embedding script, which builds and starts a runner again.
      for (let i = 0; i < n; i++) cluster.fork();
      return;
    }
    return require(this.conf.app)(this.conf);
  }
}

module.exports = ServiceRunner;
