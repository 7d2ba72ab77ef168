// packages/astro/src/cli/dev/index.ts + background.ts (shape, after e8ffef4c)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const isRunByAgent = () => Boolean(process.env.CLAUDECODE || process.env.CURSOR_AGENT);

export function dev(argv) {
  // The spawned child carries a marker and runs the foreground server instead.
  const isOurChild = process.env.DEV_BACKGROUND_CHILD === '1';
  if (!isOurChild && (argv.includes('--background') || isRunByAgent())) {
    const child = spawn(process.execPath, [self, ...argv], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, DEV_BACKGROUND_CHILD: '1' },
    });
    child.unref();
    return;
  }
  console.log('dev server listening');
}

if (process.argv[1] === self) dev(process.argv.slice(2));
