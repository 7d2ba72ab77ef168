// src/lib/upgrade.ts (shape of the version before the Windows fix)
import { spawn } from 'node:child_process';

// The package managers a global install can come from: a string-literal union,
// so every value that reaches spawn() below is one of these four names.
type PackageManager = 'npm' | 'pnpm' | 'bun' | 'yarn';

// Runs a command and collects its output.
function runCommand(command: string, args: string[]): Promise<{ stdout: string; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.resume();
    child.on('close', (code) => resolve({ stdout: stdout.trim(), exitCode: code ?? 1 }));
    child.on('error', reject);
  });
}

// Asks one package manager whether it installed the CLI globally.
async function installedWith(pm: PackageManager): Promise<boolean> {
  const args = pm === 'yarn' ? ['global', 'list', '--depth=0'] : ['list', '-g', 'sentry'];
  const { stdout, exitCode } = await runCommand(pm, args);
  return exitCode === 0 && stdout.includes('sentry@');
}

export async function detectPackageManager(): Promise<PackageManager | undefined> {
  const candidates: PackageManager[] = ['npm', 'pnpm', 'bun', 'yarn'];
  for (const pm of candidates) {
    if (await installedWith(pm)) return pm;
  }
  return undefined;
}

// Upgrades through the package manager that installed the CLI. On Windows
// npm, pnpm and yarn are .cmd shims, which spawn() without a shell cannot run
// (ENOENT, or EINVAL on Node releases with the CVE-2024-27980 fix).
export function upgradeWith(pm: PackageManager, version: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = pm === 'yarn' ? ['global', 'add', `sentry@${version}`] : ['install', '-g', `sentry@${version}`];
    const child = spawn(pm, args, { stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${pm} exited with ${code}`))));
    child.on('error', reject);
  });
}
