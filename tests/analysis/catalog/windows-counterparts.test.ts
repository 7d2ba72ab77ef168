import { describe, expect, it } from 'vitest';

import { POSIX_ONLY_PROGRAMS, WINDOWS_SHIMS } from '../../../src/analysis/catalog/platform-apis.js';
import { WINDOWS_COUNTERPARTS } from '../../../src/analysis/catalog/windows-counterparts.js';

describe('Windows counterparts', () => {
  it('are keyed by POSIX-only programs', () => {
    expect([...WINDOWS_COUNTERPARTS.keys()].filter((program) => !POSIX_ONLY_PROGRAMS.has(program))).toEqual([]);
  });

  it('name only programs that are neither POSIX programs nor shims, lower-case and without .exe', () => {
    const counterparts = [...WINDOWS_COUNTERPARTS.values()].flat();
    expect(counterparts.filter((program) => POSIX_ONLY_PROGRAMS.has(program) || WINDOWS_SHIMS.has(program) || program !== program.toLowerCase() || program.endsWith('.exe'))).toEqual([]);
  });
});
