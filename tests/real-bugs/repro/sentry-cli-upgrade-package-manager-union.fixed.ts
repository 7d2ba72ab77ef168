// src/lib/upgrade.ts (shape of the merged fix)
import { spawn } from 'node:child_process';

type PackageManager = 'npm' | 'pnpm' | 'bun' | 'yarn';

// Package managers are .cmd shims on Windows: run them through the shell there.
const shell = process.platform === 'win32';

function runCommand(command: string, args: string[]): Promise<{ stdout: string; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.resume();
    child.on('close', (code) => resolve({ stdout: stdout.trim(), exitCode: code ?? 1 }));
    child.on('error', reject);
  });
}

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

export function upgradeWith(pm: PackageManager, version: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = pm === 'yarn' ? ['global', 'add', `sentry@${version}`] : ['install', '-g', `sentry@${version}`];
    const child = spawn(pm, args, { stdio: 'inherit', shell });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${pm} exited with ${code}`))));
    child.on('error', reject);
  });
}
