import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { taskRunnerFolder } from '../../../src/analysis/project/package-importers.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

let project: TempProject;

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', private: true, scripts: { build: 'gulp build' } }),
      'gulpfile.js': "require('./tasks/build');\nrequire('./tasks/shared');\nrequire('./tasks/cycle-a');\nrequire('./tasks/deep1');\n",
      'tasks/build.js': "require('./format');\n",
      'tasks/format.js': 'module.exports = () => {};\n',
      // A declaration file loads nothing, whatever it names.
      'types/tasks.d.ts': "declare module 'tasks' {\n  export function format(): void;\n}\n",
      'tasks/shared.js': 'module.exports = () => {};\n',
      'scripts/release.js': "require('../tasks/shared');\n",
      // A cycle below the gulpfile.
      'tasks/cycle-a.js': "require('./cycle-b');\n",
      'tasks/cycle-b.js': "require('./cycle-a');\n",
      // A chain longer than the bound.
      'tasks/deep1.js': "require('./deep2');\n",
      'tasks/deep2.js': "require('./deep3');\n",
      'tasks/deep3.js': "require('./deep4');\n",
      'tasks/deep4.js': 'module.exports = 1;\n',
      'tools/Gruntfile.js': "require('./grunt-task');\n",
      'tools/grunt-task.js': 'module.exports = 1;\n',
      'lonely.js': 'module.exports = 1;\n',
      'loaded-otherwise.js': 'module.exports = 1;\n',
      'dynamic.js': "const name = process.env.X;\nrequire(name);\nrequire('./loaded-otherwise');\n",
      'other/gulpfile.js': "require('../loaded-otherwise');\n",
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

const folderOf = (file: string) => taskRunnerFolder(path.join(project.dir, file), project.dir, lintEnvironment());

describe("a task runner's folder", () => {
  it('is the folder of a gulpfile or Gruntfile', () => {
    expect(folderOf('gulpfile.js')).toBe(project.dir);
    expect(folderOf('tools/Gruntfile.js')).toBe(path.join(project.dir, 'tools'));
  });

  it('is the folder of the task runner that alone loads a module, directly or through others', () => {
    expect(folderOf('tasks/build.js')).toBe(project.dir);
    expect(folderOf('tasks/format.js')).toBe(project.dir);
    expect(folderOf('tools/grunt-task.js')).toBe(path.join(project.dir, 'tools'));
    expect(folderOf('tasks/cycle-a.js')).toBe(project.dir);
    expect(folderOf('tasks/deep3.js')).toBe(project.dir);
  });

  it('is unknown when something else loads the module, nothing does, or the chain is longer than the bound', () => {
    expect(folderOf('tasks/shared.js')).toBeUndefined();
    expect(folderOf('lonely.js')).toBeUndefined();
    expect(folderOf('loaded-otherwise.js')).toBeUndefined();
    expect(folderOf('tasks/deep4.js')).toBeUndefined();
  });
});
