'use strict';
// A shared logger module: the pretty-printing transport is created when the module loads, and
// each transport is a worker thread. Test files that reset the module registry load it again and
// again, leaving one running worker behind per load.
const pino = require('pino');

const transport = pino.transport({ target: 'pino-pretty', options: { colorize: true } });

module.exports = pino({ level: process.env.LOG_LEVEL || 'info' }, transport);
