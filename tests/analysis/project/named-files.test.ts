// Which files of a folder name a module as a specifier or a path names it (named-files.ts).
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { namedByFileOutside, namedByOtherFile } from '../../../src/analysis/project/named-files.js';
import { tempProject, type TempProject } from '../../integration/support.js';

let project: TempProject;
const at = (file: string) => path.join(project.dir, file);

beforeAll(() => {
  project = tempProject(
    {
      'package.json': '{ "name": "app" }',
      'src/index.js': "import './imported.js';\nexport const worker = path.join(__dirname, 'worker');\n",
      'src/starter.mjs': "spawn(process.execPath, [`${root}/scripts/run.mjs`]);\nnew Worker(new URL('./pool.worker.js', import.meta.url));\n",
      'src/words.js': "const builder = new StringBuilder();\nconst message = 'clean up the tree';\n",
      'src/self.js': "fork(path.join(__dirname, 'self.js'));\n",
      'src/lib/index.js': '',
      'src/uses-lib.js': "require('./lib');\n",
      'public/index.html': '<script src="renderer.js"></script>\n',
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

describe('the files that name a module', () => {
  it.each<[string, boolean, string]>([
    ['src/imported.js', true, 'an import with its extension'],
    ['src/worker.js', true, 'a part of path.join(), without extension'],
    ['scripts/run.mjs', true, 'the last part of a template'],
    ['src/pool.worker.js', true, 'a name with a dot in it, in new URL()'],
    ['src/lib/index.js', true, "an index by its folder's name"],
    ['src/renderer.js', true, "an HTML page's script"],
    ['src/builder.js', false, 'a word that contains the name'],
    ['src/clean.js', false, 'a word of a sentence in a string'],
    ['src/self.js', false, 'only its own text names it'],
    ['scripts/release.js', false, 'no file names it'],
  ])('%s: %s (%s)', (file, named) => {
    expect(namedByOtherFile(at(file), project.dir)).toBe(named);
  });

  it('tells a name written outside the files a caller claims from one written only inside them', () => {
    const inSrc = (namer: string) => namer.startsWith(at('src'));
    expect(namedByFileOutside(at('src/imported.js'), project.dir, inSrc)).toBe(false);
    expect(namedByFileOutside(at('scripts/run.mjs'), project.dir, inSrc)).toBe(false);
    expect(namedByFileOutside(at('src/renderer.js'), project.dir, inSrc)).toBe(true);
    expect(namedByFileOutside(at('scripts/release.js'), project.dir, inSrc)).toBe(false);
  });

  it('is not known which files name a module when more of them do than the index keeps', () => {
    const texts = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`src/user-${index}.js`, "import './shared.js';\n"]));
    const many = tempProject({ 'package.json': '{ "name": "app" }', ...texts }, []);
    try {
      const shared = path.join(many.dir, 'src/shared.js');
      expect(namedByOtherFile(shared, many.dir)).toBe(true);
      expect(namedByFileOutside(shared, many.dir, () => true)).toBeUndefined();
    } finally {
      many.remove();
    }
  });

  it('is not known when the files hold more text than is read in all', () => {
    const texts = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`dist/chunk-${index}.js`, 'x'.repeat(4 * 1024 * 1024 - 1)]));
    const large = tempProject({ 'package.json': '{ "name": "app" }', ...texts }, []);
    try {
      expect(namedByOtherFile(path.join(large.dir, 'scripts/release.js'), large.dir)).toBeUndefined();
    } finally {
      large.remove();
    }
  });

  it('is not known when a file is too large to read', () => {
    const large = tempProject({ 'package.json': '{ "name": "app" }', 'dist/bundle.js': 'x'.repeat(5 * 1024 * 1024) }, []);
    try {
      expect(namedByOtherFile(path.join(large.dir, 'scripts/release.js'), large.dir)).toBeUndefined();
    } finally {
      large.remove();
    }
  });
});
