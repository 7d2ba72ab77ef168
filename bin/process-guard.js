#!/usr/bin/env node
// Launcher for the zero-config CLI (dist/cli.js); the exit code follows ESLint's.
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
