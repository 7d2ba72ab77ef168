// no-spawn-in-constructor on an application's classes, through the real ESLint class on throwaway
// projects: a private package or a VS Code extension is imported by no code outside the project, so
// its exported class is constructed on purpose by its own code; a published package's is not.
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';

import { findingsOf, loadBuiltPlugin, tempProject, type TempProject } from './support.js';

const projects: TempProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

async function lint(files: Record<string, string>): Promise<string[]> {
  const project = tempProject(files, []);
  projects.push(project);
  const plugin = await loadBuiltPlugin();
  const configs: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    { plugins: { 'process-guard': plugin }, rules: { 'process-guard/no-spawn-in-constructor': 'error' } },
  ];
  const results = await new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: configs }).lintFiles(['.']);
  return findingsOf(results, project.dir).map(({ file, line }) => `${file}:${line}`);
}

const DAEMON = `import { spawn, type ChildProcess } from 'node:child_process';

export class Daemon {
  private readonly proc: ChildProcess;
  constructor() {
    this.proc = spawn('flutter', ['daemon']);
  }
  stop(): void {
    this.proc.kill();
  }
}
`;

describe('classes of an application', () => {
  it('leaves alone the exported class of a private package and of a VS Code extension', async () => {
    const findings = await lint({
      'app/package.json': JSON.stringify({ name: 'app', private: true, main: 'dist/main.js' }),
      'app/src/daemon.ts': DAEMON,
      'extension/package.json': JSON.stringify({ name: 'extension', publisher: 'someone', main: './out/extension.js', engines: { vscode: '^1.90.0' } }),
      'extension/src/daemon.ts': DAEMON,
    });
    expect(findings).toEqual([]);
  });

  it('reports it in a published package, and where the application constructs it on import', async () => {
    const findings = await lint({
      'library/package.json': JSON.stringify({ name: 'library', main: 'dist/index.js' }),
      'library/src/daemon.ts': DAEMON,
      'app/package.json': JSON.stringify({ name: 'app', private: true }),
      'app/src/daemon.ts': `${DAEMON}export const shared = new Daemon();\n`,
      // `engines` without `vscode` is no extension
      'tool/package.json': JSON.stringify({ name: 'tool', engines: { node: '>=20' } }),
      'tool/src/daemon.ts': DAEMON,
    });
    expect(findings).toEqual(['app/src/daemon.ts:6', 'library/src/daemon.ts:6', 'tool/src/daemon.ts:6']);
  });
});
