/**
 * The editor: VS Code's ESLint language server (vscode-langservers-extracted), driven over stdio as
 * the ESLint extension drives it, on a project set up as the README's VS Code section says. The
 * finding arrives as a diagnostic, its suggestion as a quick fix, and the applied quick fix is a
 * module that parses and runs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import * as espree from 'espree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LspClient } from './lsp-client.js';
import { ROOT, runNode, type TempProject, tempProject } from './support.js';

const SERVER = path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

const CONFIG = `import processGuard from 'eslint-plugin-process-guard';

export default [processGuard.configs.recommended];
`;

// Runs `node --version` while the module is imported: the lazy-accessor quick fix defers it.
const VERSION = `import { execFileSync } from 'node:child_process';
const version = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' });
export function nodeVersion() {
  return version.trim();
}
`;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  code?: string | number;
  message: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}
interface CodeAction {
  title: string;
  command?: { command: string; arguments?: unknown[] };
}

/** The settings the ESLint extension sends for a workspace folder, with flat config and lint on type. */
function settings(folder: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: path.basename(folder), uri: pathToFileURL(folder).href },
  };
}

/** The text with LSP edits applied (positions in UTF-16 units, as JavaScript strings count). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = ({ line, character }: Position) => (lineStarts[line] ?? text.length) + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

describe('VS Code ESLint language server', () => {
  let project: TempProject;
  let client: LspClient;

  beforeAll(async () => {
    project = tempProject({ 'package.json': '{ "type": "module" }\n', 'eslint.config.js': CONFIG, 'version.js': VERSION }, ['eslint-plugin-process-guard', 'eslint']);
    client = new LspClient(process.execPath, [SERVER, '--stdio'], project.dir);
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings(project.dir)));
    const rootUri = pathToFileURL(project.dir).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'project' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
    });
    client.notify('initialized', {});
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    project?.remove();
  });

  it('shows the finding, offers its suggestion as a quick fix, and the fixed module runs', async () => {
    const uri = pathToFileURL(path.join(project.dir, 'version.js')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: VERSION } });
    // The server answers pull requests for diagnostics (LSP 3.17), as VS Code asks for them.
    const { items: diagnostics } = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 45_000);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'process-guard/no-top-level-spawn');
    expect(finding, JSON.stringify(diagnostics)).toBeDefined();
    expect(finding!.range.start.line).toBe(1);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: finding!.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    });
    const quickFix = actions.find((action) => action.title.includes('on first use'));
    expect(quickFix, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    // The quick fix is a command: the server answers it with a workspace edit for the client to apply.
    const applied: WorkspaceEdit[] = [];
    client.onRequest('workspace/applyEdit', (params) => {
      applied.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    await client.request('workspace/executeCommand', quickFix!.command);
    const edits = applied.flatMap((edit) => edit.changes?.[uri] ?? edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? []);
    expect(edits.length, JSON.stringify(applied)).toBeGreaterThan(0);
    const fixed = applyEdits(VERSION, edits);

    expect(() => espree.parse(fixed, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    expect(fixed).not.toBe(VERSION);
    const fixedFile = path.join(project.dir, 'fixed.js');
    writeFileSync(fixedFile, fixed);
    const run = await runNode(['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(fixedFile).href)}); console.log(m.nodeVersion());`], { cwd: project.dir });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(process.version);
  }, 90_000);
});
