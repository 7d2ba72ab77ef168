'use strict';
// One transport per process, made on first use and kept for later loads of the module.
const pino = require('pino');

const TRANSPORT = Symbol.for('app.logger.transport');

function sharedTransport() {
  globalThis[TRANSPORT] ??= pino.transport({ target: 'pino-pretty', options: { colorize: true } });
  return globalThis[TRANSPORT];
}

module.exports = function createLogger() {
  return pino({ level: process.env.LOG_LEVEL || 'info' }, sharedTransport());
};
