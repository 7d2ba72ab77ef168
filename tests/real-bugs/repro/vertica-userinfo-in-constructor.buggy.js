'use strict';
// Connection settings of a database client: the constructor records the operating-system user
// for the server's audit log. In a container run under a uid with no passwd entry,
// os.userInfo() throws a SystemError (uv_os_get_passwd ENOENT), so no connection can be made.
const os = require('node:os');

class ConnectionParameters {
  constructor(config = {}) {
    this.host = config.host ?? 'localhost';
    this.port = config.port ?? 5433;
    this.user = config.user;
    this.clientOsUserName = os.userInfo().username;
  }
}

module.exports = ConnectionParameters;
