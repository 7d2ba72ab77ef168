import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sourceFiles } from '../../../src/analysis/project/source-files.js';
import { tempProject, type TempProject } from '../../integration/support.js';

let project: TempProject;

beforeAll(() => {
  project = tempProject(
    {
      'package.json': '{ "name": "app" }',
      'src/a.js': '',
      'src/b.mts': '',
      'src/c.tsx': '',
      'src/types.d.ts': '',
      'src/styles.d.css.ts': '',
      'src/module.d.mts': '',
      'src/data.json': '',
      '.cache/d.js': '',
      'node_modules/dep/index.js': '',
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

describe('source files', () => {
  it('lists the modules under a folder, not declarations, data, dot-folders or installed packages', () => {
    const found = sourceFiles(project.dir).map((file) => path.relative(project.dir, file).split(path.sep).join('/'));
    expect(found.sort()).toEqual(['src/a.js', 'src/b.mts', 'src/c.tsx']);
  });
});
