// `npm run demo`: the zero-config CLI on examples/, whose findings are the point of the demo.
// The CLI exits with 1 when it finds errors; here that is the expected outcome, so the demo
// says so and exits with 0. Any other outcome fails the demo.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../bin/process-guard.js', import.meta.url));

const { status, error } = spawnSync(process.execPath, [cli, 'examples', '--show-suggestions'], { cwd: root, stdio: 'inherit' });
if (error) throw error;

if (status === 1) {
  console.log('\nDemo: the CLI exited with 1 because examples/ holds these hazards on purpose (next to their correct forms).');
} else if (status === 0) {
  console.error('\nDemo: the CLI reported no errors, but examples/ holds hazards on purpose: something is wrong.');
  process.exitCode = 1;
} else {
  process.exitCode = status ?? 2;
}
