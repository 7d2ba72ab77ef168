import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { DerivedCache, isFile, LIFETIME_MS, listFolder, notCacheable, readText, recordReads, reset, stat } from '../../../src/analysis/project/fs-cache.js';

let dir: string;
let file: string;
const NOW = 5_000_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dir = mkdtempSync(path.join(os.tmpdir(), 'pg-fs-cache-'));
  file = path.join(dir, 'run.js');
  writeFileSync(file, 'export {};\n');
  utimesSync(file, 1_000, 1_000);
  reset();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** Rewrites `file` with `text` and a later modification time. */
function change(text: string, seconds: number): void {
  writeFileSync(file, text);
  utimesSync(file, seconds, seconds);
}

describe('stamps', () => {
  it('trusts a stamp for its lifetime, then reads the file again', () => {
    expect(stat(file)).toMatchObject({ kind: 'file', mtimeMs: 1_000_000, size: 11 });
    change('export {};\n', 2_000);
    vi.setSystemTime(NOW + LIFETIME_MS - 1);
    expect(stat(file)?.mtimeMs).toBe(1_000_000);
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect(stat(file)?.mtimeMs).toBe(2_000_000);
  });

  it('reads again when the clock goes back, and gives undefined for a missing path', () => {
    expect(stat(file)?.mtimeMs).toBe(1_000_000);
    change('export {};\n', 3_000);
    vi.setSystemTime(NOW - 1);
    expect(stat(file)?.mtimeMs).toBe(3_000_000);
    expect(stat(path.join(dir, 'missing.js'))).toBeUndefined();
    expect(stat(path.join(file, 'inside.js'))).toBeUndefined();
  });

  it('sees a new file once the lifetime is over', () => {
    const added = path.join(dir, 'added.js');
    expect(isFile(added)).toBe(false);
    writeFileSync(added, '');
    expect(isFile(added)).toBe(false);
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect(isFile(added)).toBe(true);
    expect(isFile(dir)).toBe(false);
  });
});

describe('readText', () => {
  it('keeps a text while its stamp holds and reads a changed file again', () => {
    expect(readText(file, 1024)).toBe('export {};\n');
    change('export const a = 1;\n', 2_000);
    expect(readText(file, 1024)).toBe('export {};\n');
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect(readText(file, 1024)).toBe('export const a = 1;\n');
  });

  it('reads nothing over the size cap, and never a folder or a FIFO', () => {
    expect(readText(file, 10)).toBeUndefined();
    expect(readText(file, 11)).toBe('export {};\n');
    expect(readText(dir, 1024)).toBeUndefined();
    if (process.platform === 'win32') return;
    const fifo = path.join(dir, 'pipe.js');
    execFileSync('mkfifo', [fifo]);
    expect(stat(fifo)?.kind).toBe('other');
    // Opening it for reading would wait for a writer: it is not opened.
    expect(readText(fifo, 1024)).toBeUndefined();
    expect(isFile(fifo)).toBe(false);
  });
});

describe('listFolder', () => {
  it('lists files and folders, and lists again when the folder changes', () => {
    mkdirSync(path.join(dir, 'lib'));
    const first = listFolder(dir);
    expect([...first.files]).toEqual(['run.js']);
    expect([...first.folders]).toEqual(['lib']);
    writeFileSync(path.join(dir, 'new.js'), '');
    utimesSync(dir, 9_000, 9_000);
    expect(listFolder(dir).names.has('new.js')).toBe(false);
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect(listFolder(dir).names.has('new.js')).toBe(true);
    expect(listFolder(path.join(dir, 'missing')).names.size).toBe(0);
  });
});

describe('DerivedCache', () => {
  it('serves a value while the files it was read from hold, through the values it used', () => {
    const inner = new DerivedCache<string | undefined>();
    const outer = new DerivedCache<string>();
    let computed = 0;
    const lengthOf = () =>
      outer.get('run', () => {
        computed += 1;
        return String(inner.get(file, () => readText(file, 1024))?.length);
      });
    expect(lengthOf()).toBe('11');
    expect(lengthOf()).toBe('11');
    expect(computed).toBe(1);
    change('export const a = 1;\n', 2_000);
    vi.setSystemTime(NOW + LIFETIME_MS);
    // The outer value read the file only through the inner one: it is computed again all the same.
    expect(lengthOf()).toBe('20');
    expect(computed).toBe(2);
  });

  it('notices a file that appears where none was', () => {
    const cache = new DerivedCache<boolean>();
    const added = path.join(dir, 'added.js');
    expect(cache.get('added', () => isFile(added))).toBe(false);
    writeFileSync(added, '');
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect(cache.get('added', () => isFile(added))).toBe(true);
  });

  it('keeps neither a value cut short nor the values computed from it', () => {
    const inner = new DerivedCache<number>();
    const outer = new DerivedCache<number>();
    let computed = 0;
    const ask = () =>
      outer.get('outer', () => {
        computed += 1;
        return inner.get('inner', () => {
          notCacheable();
          return 1;
        });
      });
    ask();
    ask();
    expect(computed).toBe(2);
    expect(inner.peek('inner')).toBeUndefined();
  });

  it('keeps values computed together under their reads, and forgets them together', () => {
    const cache = new DerivedCache<number>();
    const { value, reads } = recordReads(() => readText(file, 1024)?.length ?? 0);
    cache.keep('a', value, reads);
    cache.keep('b', value + 1, reads);
    expect([cache.peek('a'), cache.peek('b')]).toEqual([11, 12]);
    change('export const a = 1;\n', 2_000);
    vi.setSystemTime(NOW + LIFETIME_MS);
    expect([cache.peek('a'), cache.peek('b')]).toEqual([undefined, undefined]);
  });

  it('keeps nothing of values computed together when one was cut short', () => {
    const cache = new DerivedCache<number>();
    const { reads } = recordReads(() => notCacheable());
    cache.keep('a', 1, reads);
    expect(cache.peek('a')).toBeUndefined();
  });

  it('forgets everything on reset', () => {
    const cache = new DerivedCache<number>();
    cache.get('a', () => 1);
    expect(cache.peek('a')).toBe(1);
    reset();
    expect(cache.peek('a')).toBeUndefined();
  });
});
