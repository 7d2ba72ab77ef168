import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { reset } from '../../../src/analysis/project/fs-cache.js';
import { pnpmIntegrities, textLockfileIntegrity, yarnIntegrities } from '../../../src/analysis/project/text-lockfiles.js';
import { tempFolder } from '../../support/temp-folder.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lockfiles/${name}`, import.meta.url), 'utf8');
/** The integrities a lockfile leaves in no doubt. */
const known = (table: ReadonlyMap<string, string | null>) => Object.fromEntries([...table].filter(([, integrity]) => integrity !== null));

beforeEach(() => reset());

describe('pnpm-lock.yaml', () => {
  it.each(['pnpm-v9.yaml', 'pnpm-v6.yaml', 'pnpm-v5.yaml'])('reads the packages of %s, peers dropped from the keys', (name) => {
    const table = known(pnpmIntegrities(fixture(name)));
    expect(table).toMatchObject({ 'detect-libc@1.0.3': 'sha512-libc==', '@scope/tool@2.1.0': 'sha512-tool==' });
    expect(Object.keys(table).every((key) => !key.includes('(') && !key.startsWith('/'))).toBe(true);
  });

  it('leaves a tarball source without an integrity unknown, and reads nothing outside `packages:`', () => {
    const table = pnpmIntegrities(fixture('pnpm-v9.yaml'));
    expect(table.get('from-git@1.0.0')).toBeNull();
    expect(known(table)).toEqual({ '@scope/tool@2.1.0': 'sha512-tool==', 'detect-libc@1.0.3': 'sha512-libc==', 'react@18.2.0': 'sha512-react==' });
  });

  it.each([
    ['empty', ''],
    ['no packages section', 'lockfileVersion: 9.0\nimporters:\n  .:\n    dependencies: {}\n'],
    ['a flow-style packages map', 'packages: {a@1.0.0: {resolution: {integrity: sha512-a}}}\n'],
    ['cut off in an entry', 'packages:\n\n  a@1.0.0:\n    resolution: {integ'],
    ['a resolution on its own lines', 'packages:\n  a@1.0.0:\n    resolution:\n      integrity: sha512-a\n'],
    ['binary garbage', '\u0000\u0001packages:\u0000\n\u00ff\u00fe  :\n    resolution: {integrity: }\n'],
  ])('reads nothing from %s', (_name, text) => {
    expect(known(pnpmIntegrities(text))).toEqual({});
  });

  it('leaves a package listed twice with another integrity unknown', () => {
    const text = 'packages:\n  /a@1.0.0(b@1.0.0):\n    resolution: {integrity: sha512-one}\n  /a@1.0.0(b@2.0.0):\n    resolution: {integrity: sha512-two}\n';
    expect(pnpmIntegrities(text).get('a@1.0.0')).toBeNull();
  });
});

describe('yarn.lock', () => {
  it('reads classic entries: the first descriptor names the package, the fields give version and integrity', () => {
    const table = yarnIntegrities(fixture('yarn-classic.lock'));
    expect(known(table)).toEqual({ '@scope/tool@2.1.0': 'sha512-tool==', 'detect-libc@1.0.3': 'sha512-libc==' });
    expect(table.get('from-git@1.0.0')).toBeNull();
  });

  it('reads berry checksums, and leaves a patched package (listed twice) unknown', () => {
    const table = yarnIntegrities(fixture('yarn-berry.lock'));
    expect(known(table)).toEqual({ '@scope/tool@2.1.0': '10c0/tool', 'detect-libc@1.0.3': '10c0/libc' });
    expect(table.get('resolve@1.22.8')).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['only comments', '# yarn lockfile v1\n'],
    ['a version without a header', '  version "1.0.0"\n  integrity sha512-a\n'],
    ['a header without a version', 'a@^1.0.0:\n  integrity sha512-a\n'],
    ['cut off in a header', '"a@^1.0.0", "a@'],
    ['deeper fields only', 'a@^1.0.0:\n    version "1.0.0"\n    integrity sha512-a\n'],
  ])('reads nothing from %s', (_name, text) => {
    expect(known(yarnIntegrities(text))).toEqual({});
  });
});

describe('textLockfileIntegrity', () => {
  const { root, write } = tempFolder('text-lockfiles');
  const pnpm = path.join(root, 'pnpm');
  const yarn = path.join(root, 'yarn');
  write({ 'pnpm/pnpm-lock.yaml': fixture('pnpm-v6.yaml'), 'yarn/yarn.lock': fixture('yarn-classic.lock'), 'huge/yarn.lock': 'x'.repeat(33 * 1024 * 1024) });
  const store = (entry: string, name: string) => path.join(pnpm, 'node_modules', '.pnpm', entry, 'node_modules', ...name.split('/'));

  it("takes pnpm's lockfile for a package in its store, peer suffixes included", () => {
    expect(textLockfileIntegrity(pnpm, store('detect-libc@1.0.3', 'detect-libc'), 'detect-libc', '1.0.3')).toBe('sha512-libc==');
    expect(textLockfileIntegrity(pnpm, store('@scope+tool@2.1.0_react@18.2.0', '@scope/tool'), '@scope/tool', '2.1.0')).toBe('sha512-tool==');
    expect(textLockfileIntegrity(pnpm, store('@scope+tool@2.1.0(react@18.2.0)', '@scope/tool'), '@scope/tool', '2.1.0')).toBe('sha512-tool==');
  });

  it('knows no integrity for a patched copy, another version, or a folder outside the store', () => {
    expect(textLockfileIntegrity(pnpm, store('detect-libc@1.0.3_patch_hash=abc', 'detect-libc'), 'detect-libc', '1.0.3')).toBeUndefined();
    expect(textLockfileIntegrity(pnpm, store('detect-libc@2.0.0', 'detect-libc'), 'detect-libc', '2.0.0')).toBeUndefined();
    expect(textLockfileIntegrity(pnpm, path.join(pnpm, 'node_modules', 'detect-libc'), 'detect-libc', '1.0.3')).toBeUndefined();
  });

  it("takes yarn's lockfile by name and version, and nothing from a lockfile over the size cap", () => {
    expect(textLockfileIntegrity(yarn, path.join(yarn, 'node_modules', 'detect-libc'), 'detect-libc', '1.0.3')).toBe('sha512-libc==');
    expect(textLockfileIntegrity(yarn, path.join(yarn, 'node_modules', 'detect-libc'), 'detect-libc', '1.0.4')).toBeUndefined();
    const huge = path.join(root, 'huge');
    expect(textLockfileIntegrity(huge, path.join(huge, 'node_modules', 'detect-libc'), 'detect-libc', '1.0.3')).toBeUndefined();
  });
});
