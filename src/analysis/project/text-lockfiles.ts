/**
 * The integrity pnpm and yarn record for an installed package, by name and version: `pnpm-lock.yaml`
 * (`packages:` entries' `resolution: {integrity: …}`, lockfile versions 5 to 9) for a package in
 * pnpm's `node_modules/.pnpm/` store, `yarn.lock` (classic `integrity`, berry `checksum`) for any
 * other. Both are read line by line, once per change and up to a size cap, without a YAML parser:
 * what the lines do not say plainly is unknown. So is a name and version listed twice with another
 * integrity or once without one (a patch, a git or tarball source): an identity is never guessed.
 * Nothing here throws.
 */
import path from 'node:path';

import { DerivedCache, readText } from './fs-cache.js';

/** Lockfiles of large projects run to megabytes: read once per change, up to this size. */
export const MAX_LOCKFILE_BYTES = 32 * 1024 * 1024;

/** `name@version` → its integrity, or null when the lockfile leaves it in doubt. */
type Integrities = ReadonlyMap<string, string | null>;

/** `pnpm\0<project>`, `yarn\0<project>` → the lockfile's integrities. */
const lockfiles = new DerivedCache<Integrities>();

/** The integrity of `name@version` installed in `folder` (a real path in the project `root`), or undefined. */
export function textLockfileIntegrity(root: string, folder: string, name: string, version: string): string | undefined {
  const key = `${name}@${version}`;
  const store = isPnpmStoreFolder(root, folder, name, version);
  const kind = store ? 'pnpm' : 'yarn';
  const integrities = lockfiles.get(`${kind}\0${root}`, () => {
    const text = readText(path.join(root, store ? 'pnpm-lock.yaml' : 'yarn.lock'), MAX_LOCKFILE_BYTES);
    return text === undefined ? new Map() : store ? pnpmIntegrities(text) : yarnIntegrities(text);
  });
  return integrities.get(key) ?? undefined;
}

/**
 * `node_modules/.pnpm/<name>@<version>/node_modules/<name>` (a scope's `/` is a `+` there), with
 * peer suffixes (`_…`, `(…)`) but no patch: a patched copy has the integrity of the unpatched one.
 */
function isPnpmStoreFolder(root: string, folder: string, name: string, version: string): boolean {
  const parts = path.relative(root, folder).split(path.sep);
  const [modules, pnpm, entry = '', inner] = parts;
  const own = `${name.replace('/', '+')}@${version}`;
  if (modules !== 'node_modules' || pnpm !== '.pnpm' || inner !== 'node_modules' || parts.slice(4).join('/') !== name) return false;
  return (entry === own || entry.startsWith(`${own}_`) || entry.startsWith(`${own}(`)) && !entry.includes('patch_hash');
}

/** The `packages:` section: two-space keys (`/a@1.0.0`, `'@s/b@2.0.0(peer@1.0.0)'`, v5's `/a/1.0.0`). */
export function pnpmIntegrities(text: string): Integrities {
  const table = new Map<string, string | null>();
  let inPackages = false;
  let entry: { key: string | undefined; integrity: string | undefined } | undefined;
  const finish = () => {
    if (entry?.key !== undefined) record(table, entry.key, entry.integrity);
    entry = undefined;
  };
  for (const { line, content, indent } of meaningfulLines(text)) {
    if (indent === 0) {
      finish();
      inPackages = line === 'packages:';
    } else if (inPackages && indent === 2) {
      finish();
      entry = { key: pnpmKey(content), integrity: undefined };
    } else if (entry && indent === 4 && content.startsWith('resolution:')) {
      entry.integrity = /[{,]\s*integrity:\s*([^,}\s]+)/.exec(content)?.[1];
    }
  }
  finish();
  return table;
}

function pnpmKey(content: string): string | undefined {
  if (!content.endsWith(':')) return undefined;
  let key = unquote(content.slice(0, -1));
  if (key.startsWith('/')) key = key.slice(1);
  const peers = key.indexOf('(');
  if (peers !== -1) key = key.slice(0, peers);
  const at = key.lastIndexOf('@');
  const scoped = key.startsWith('@');
  if (at > 0 && key.slice(0, at).split('/').length === (scoped ? 2 : 1)) return key;
  // Lockfile v5: `/name/version`, `/@scope/name/version_peer` (a peer's own `/` written `+`).
  const parts = key.split('/');
  const version = parts.at(-1)?.split('_')[0] ?? '';
  return parts.length === (scoped ? 3 : 2) && version !== '' ? `${parts.slice(0, -1).join('/')}@${version}` : undefined;
}

/**
 * Entries start unindented with their descriptors (`"a@^1.0.0", a@~1.0.1:`, berry's
 * `"a@npm:1.0.0":`); the name is the first descriptor's, the version and integrity are fields.
 */
export function yarnIntegrities(text: string): Integrities {
  const table = new Map<string, string | null>();
  let entry: { name: string | undefined; version: string | undefined; integrity: string | undefined } | undefined;
  const finish = () => {
    if (entry?.name !== undefined && entry.version !== undefined) record(table, `${entry.name}@${entry.version}`, entry.integrity);
    entry = undefined;
  };
  for (const { line, content, indent } of meaningfulLines(text)) {
    if (indent === 0) {
      finish();
      entry = { name: line.endsWith(':') ? descriptorName(line.slice(0, -1)) : undefined, version: undefined, integrity: undefined };
      continue;
    }
    const field = indent === 2 && entry ? /^(version|integrity|checksum):? +"?([^"\s]+)"?$/.exec(content) : null;
    if (!field || !entry) continue;
    if (field[1] === 'version') entry.version = field[2];
    else entry.integrity = field[2];
  }
  finish();
  return table;
}

/** `"@s/a@^1.0.0", "@s/a@^1.2.0"` → `@s/a`; `a@patch:a@npm%3A1.0.0#…` → `a`. */
function descriptorName(descriptors: string): string | undefined {
  // Berry quotes the whole list, classic each descriptor.
  const first = (descriptors.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
  const at = first.indexOf('@', 1);
  return at === -1 ? undefined : first.slice(0, at);
}

function unquote(text: string): string {
  const quote = text[0];
  return (quote === '"' || quote === "'") && text.endsWith(quote) && text.length > 1 ? text.slice(1, -1) : text;
}

/** The lines of a lockfile that say something (not blank, not a comment), with their indentation. */
function* meaningfulLines(text: string): Generator<{ line: string; content: string; indent: number }> {
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) yield { line, content, indent: line.length - content.length };
  }
}

/** A second entry of the same name and version with another integrity (or none) leaves it in doubt. */
function record(table: Map<string, string | null>, key: string, integrity: string | undefined): void {
  const known = table.has(key);
  table.set(key, known && table.get(key) !== integrity ? null : (integrity ?? null));
}
