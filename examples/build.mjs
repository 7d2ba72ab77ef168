#!/usr/bin/env node
// Build script: cleans, compiles and tests the project.
import { execSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// POSIX-only program: there is no `rm` on Windows
spawnSync('rm', ['-rf', 'dist'], { stdio: 'inherit' });
// correct: the portable Node API
rmSync('dist', { recursive: true, force: true });

// npm is a .cmd shim on Windows: without a shell this fails with ENOENT (or EINVAL for npm.cmd)
spawnSync('npm', ['run', 'compile'], { stdio: 'inherit' });
// correct: execSync always runs through a shell, which finds npm.cmd
execSync('npm test', { stdio: 'inherit' });
