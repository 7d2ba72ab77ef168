/** A temporary folder for one test file, removed after its tests, and a writer of files into it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll } from 'vitest';

export interface TempFolder {
  readonly root: string;
  /** Writes each file (a path relative to the root) with its text, making its folders. */
  write(files: Record<string, string>): void;
}

export function tempFolder(prefix: string): TempFolder {
  const root = mkdtempSync(path.join(tmpdir(), `process-guard-${prefix}-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    write(files) {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
    },
  };
}
