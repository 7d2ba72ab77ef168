// The CLI's .gitignore reader on hostile trees: files that are not files, huge files, and a
// .gitignore above a project that is not a repository.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { gitignoreConfigs } from '../../src/cli/ignore-files.js';
import { tempFolder } from '../support/temp-folder.js';

const { root, write } = tempFolder('ignore');

/** The .gitignore files the configs come from, relative to the temporary folder. */
function sources(targets: readonly string[], from = path.dirname(targets[0]!)): string[] {
  return gitignoreConfigs(
    targets.map((target) => path.join(root, target)),
    path.join(root, from),
  )
    .flatMap((config) => (config.name?.startsWith('process-guard-cli/gitignore:') ? [path.relative(root, config.name.slice('process-guard-cli/gitignore:'.length))] : []))
    .sort();
}

describe('gitignoreConfigs', () => {
  it('skips a .gitignore that is a folder, a FIFO or a link to a device, and one past the size cap', () => {
    write({ 'odd/.git/HEAD': '', 'odd/a.js': '', 'odd/.gitignore/x': '', 'odd/fifo/a.js': '', 'odd/zero/a.js': '', 'odd/huge/a.js': '', 'odd/fine/.gitignore': 'x/\n' });
    execFileSync('mkfifo', [path.join(root, 'odd/fifo/.gitignore')]);
    symlinkSync('/dev/zero', path.join(root, 'odd/zero/.gitignore'));
    writeFileSync(path.join(root, 'odd/huge/.gitignore'), `${'x'.repeat(1023)}\n`.repeat(3 * 1024));
    expect(sources(['odd/a.js'])).toEqual([]);
    expect(sources(['odd/fifo/a.js', 'odd/zero/a.js', 'odd/huge/a.js'])).toEqual([]);
    expect(sources(['odd'], 'odd')).toEqual(['odd/fine/.gitignore']);
  });

  it('reads the .gitignore files up to the repository root, not above it', () => {
    write({ '.gitignore': '*.js\n', 'repo/.git/HEAD': '', 'repo/.gitignore': 'dist/\n', 'repo/src/.gitignore': 'gen/\n', 'repo/src/a.js': '' });
    expect(sources(['repo/src/a.js'])).toEqual(['repo/.gitignore', 'repo/src/.gitignore']);
  });

  it('outside a repository, reads only up to the folder linted from or the package folder', () => {
    write({ 'loose/.gitignore': '*.js\n', 'loose/pkg/package.json': '{}', 'loose/pkg/.gitignore': 'dist/\n', 'loose/pkg/src/a.js': '', 'loose/bare/a.js': '' });
    expect(sources(['loose/pkg/src/a.js'])).toEqual(['loose/pkg/.gitignore']);
    expect(sources(['loose/pkg'], 'loose/pkg')).toEqual(['loose/pkg/.gitignore']);
    expect(sources(['loose/bare/a.js'])).toEqual([]);
    expect(sources(['loose/bare/a.js'], 'loose')).toEqual(['loose/.gitignore']);
  });
});
