// packages/astro/src/cli/dev/index.ts + background.ts (shape, commit before e8ffef4c)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const isRunByAgent = () => Boolean(process.env.CLAUDECODE || process.env.CURSOR_AGENT);

export function dev(argv) {
  // The guard is an inherited env var, so the relaunched child matches it too
  // and relaunches itself again: unbounded spawn recursion.
  if (argv.includes('--background') || isRunByAgent()) {
    const child = spawn(process.execPath, [self, ...argv], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env },
    });
    child.unref();
    return;
  }
  console.log('dev server listening');
}

if (process.argv[1] === self) dev(process.argv.slice(2));
