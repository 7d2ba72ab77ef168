// service-runner.js + lib/master.js (shape, after #97)
const cluster = require('cluster');
const os = require('os');

// Workers execute this module itself, never the embedding script.
if (cluster.isMaster) cluster.setupMaster({ exec: __filename });

class ServiceRunner {
  constructor(conf) {
    this.conf = conf;
  }

  start() {
    if (cluster.isMaster) {
      const n = this.conf.numWorkers || os.cpus().length;
      for (let i = 0; i < n; i++) cluster.fork({ SR_CONF: JSON.stringify(this.conf) });
      return;
    }
    return require(this.conf.app)(this.conf);
  }
}

module.exports = ServiceRunner;
if (cluster.isWorker && require.main === module) new ServiceRunner(JSON.parse(process.env.SR_CONF)).start();
