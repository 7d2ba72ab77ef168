import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fileStamp, forgetFileStamps, STAMP_LIFETIME_MS } from '../../../src/analysis/project/file-stamp.js';

describe('fileStamp', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pg-stamp-'));
    file = path.join(dir, 'run.js');
    writeFileSync(file, 'export {};\n');
    utimesSync(file, 1_000, 1_000);
    forgetFileStamps();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('trusts a stamp for its lifetime, then reads the file again', () => {
    const now = 5_000_000;
    expect(fileStamp(file, now)?.mtimeMs).toBe(1_000_000);
    utimesSync(file, 2_000, 2_000);
    // Within the lifetime: the stamp taken before (one lint asks about a module for every importer).
    expect(fileStamp(file, now + STAMP_LIFETIME_MS - 1)?.mtimeMs).toBe(1_000_000);
    // After it: the change is seen.
    expect(fileStamp(file, now + STAMP_LIFETIME_MS)?.mtimeMs).toBe(2_000_000);
  });

  it('reads again when the clock goes back, and gives undefined for a missing file', () => {
    expect(fileStamp(file, 10_000)?.size).toBe(11);
    utimesSync(file, 3_000, 3_000);
    expect(fileStamp(file, 9_000)?.mtimeMs).toBe(3_000_000);
    expect(fileStamp(path.join(dir, 'missing.js'), 10_000)).toBeUndefined();
  });
});
