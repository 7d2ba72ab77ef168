// `npm ci` installs exactly what package-lock.json records, and refuses to when a dependency's
// declared spec no longer matches what the lock holds. A dist-tag, git or URL spec anywhere in the
// tree can stop matching the day the registry or the remote moves, so none is allowed.
import { readFileSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

interface LockPackage {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, LockPackage> };
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** A spec whose meaning a registry or remote change can move: a dist-tag, a git or URL source. */
function isFloatingSpec(spec: string): boolean {
  const source = spec.startsWith('npm:') ? spec.slice(spec.lastIndexOf('@') + 1) : spec;
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:)/.test(source) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(source)) return true;
  // a dist-tag is any word that is not a semver range ('*', 'x', '' and ranges are not tags)
  return /^[a-z][\w.-]*$/i.test(source) && !/^(x|X)$/.test(source);
}

function floatingSpecs(): string[] {
  const found: string[] = [];
  for (const [at, entry] of Object.entries(lock.packages)) {
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        if (isFloatingSpec(spec)) found.push(`${name}@${spec}, declared by ${at === '' ? 'the root package' : at.replace(/^.*node_modules\//, '')}`);
      }
    }
  }
  return found;
}

describe('package-lock.json', () => {
  it('recognises the specs that can break npm ci', () => {
    expect(['latest', 'next', 'beta', 'github:owner/repo', 'owner/repo#main', 'git+https://example.com/r.git', 'https://example.com/x.tgz', 'npm:other@latest'].map(isFloatingSpec)).toEqual(
      Array(8).fill(true),
    );
    expect(['*', '', 'x', '^1.2.3', '~6.0.3', '1.0.0', '>=2 <3', '1.x', 'npm:eslint@^9.39.5', '1.0.0-beta.0'].map(isFloatingSpec)).toEqual(Array(10).fill(false));
  });

  it('holds no dependency declared with a dist-tag, git or URL spec', () => {
    expect(floatingSpecs()).toEqual([]);
  });

  it('installs nothing at run time: the plugin has no runtime dependency', () => {
    expect(manifest['dependencies']).toBeUndefined();
    const runtime = Object.entries(lock.packages).filter(([at, entry]) => at !== '' && !('dev' in entry) && !('peer' in entry));
    expect(runtime.map(([at]) => at)).toEqual([]);
  });
});

// An aliased older version (eslint-v9, typescript-4.8) ships the same command as the current one;
// npm ci links the current one, but a later `npm install` of the alias can take the command over.
describe('node_modules/.bin', () => {
  it.each([
    ['tsc', 'typescript'],
    ['eslint', 'eslint'],
  ])('%s runs the current %s, not an aliased older one (if not, run npm ci)', (command, owner) => {
    const target = realpathSync(fileURLToPath(new URL(`../node_modules/.bin/${command}`, import.meta.url)));
    expect(target).toContain(['', 'node_modules', owner, ''].join(sep));
  });
});
