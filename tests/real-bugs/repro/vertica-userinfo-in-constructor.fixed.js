'use strict';
// Connection settings of a database client: the operating-system user is best effort, since
// os.userInfo() throws when the uid has no passwd entry (containers run under arbitrary uids).
const os = require('node:os');

function osUserName() {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

class ConnectionParameters {
  constructor(config = {}) {
    this.host = config.host ?? 'localhost';
    this.port = config.port ?? 5433;
    this.user = config.user;
    this.clientOsUserName = osUserName();
  }
}

module.exports = ConnectionParameters;
