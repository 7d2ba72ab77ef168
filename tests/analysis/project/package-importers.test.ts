import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hiddenFromOtherPackages, loadedOnlyThroughStartedFiles, packageImporters, taskRunnerFolder } from '../../../src/analysis/project/package-importers.js';
import { nearestManifest } from '../../../src/analysis/project/package-manifest.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

let project: TempProject;

const step = (index: number) => `step-${String(index).padStart(2, '0')}`;

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', private: true, scripts: { build: 'gulp build' } }),
      'gulpfile.js': "require('./tasks/build');\nrequire('./tasks/shared');\nrequire('./tasks/cycle-a');\nrequire('./tasks/computed');\nrequire('./tasks/step-01');\n",
      'tasks/build.js': "require('./format');\n",
      'tasks/format.js': 'module.exports = () => {};\n',
      // A declaration file loads nothing, whatever it names.
      'types/tasks.d.ts': "declare module 'tasks' {\n  export function format(): void;\n}\n",
      'tasks/shared.js': 'module.exports = () => {};\n',
      'scripts/release.js': "require('../tasks/shared');\n",
      // A cycle below the gulpfile.
      'tasks/cycle-a.js': "require('./cycle-b');\n",
      'tasks/cycle-b.js': "require('./cycle-a');\n",
      // A chain of modules up to the gulpfile, and one longer than the bound.
      ...Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`tasks/${step(index + 1)}.js`, `require('./${step(index + 2)}');\n`])),
      [`tasks/${step(18)}.js`]: 'module.exports = 1;\n',
      'tools/Gruntfile.js': "require('./grunt-task');\n",
      'tools/grunt-task.js': 'module.exports = 1;\n',
      'lonely.js': 'module.exports = 1;\n',
      'loaded-otherwise.js': 'module.exports = 1;\n',
      'dynamic.js': "const name = process.env.X;\nrequire(name);\nrequire('./loaded-otherwise');\n",
      'other/gulpfile.js': "require('../loaded-otherwise');\n",
      // A module the gulpfile's module loads by a computed path.
      'tasks/computed.js': "const root = require('path').resolve(__dirname, '..');\nrequire(root + '/tasks/computed-target');\n",
      'tasks/computed-target.js': 'module.exports = 1;\n',
      // More files than the bound use a word that contains the module's name: none names it.
      'builder.js': 'module.exports = 1;\n',
      'uses-builder.js': "require('./builder');\n",
      ...Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`words/${index}.js`, 'const StringBuilder = require(process.env.X);\nnew StringBuilder();\n'])),
      // TypeScript drops an import whose names are read only as types: it loads nothing.
      'entry.ts': 'export interface Options { name: string }\nexport function run() {}\n',
      'types-only.ts': "import { Options } from './entry';\nexport function describe(options: Options): string {\n  return options.name;\n}\n",
      'entry-used.ts': 'export interface Options { name: string }\nexport function run() {}\n',
      'value-use.ts': "import { Options, run } from './entry-used';\nexport const go = (options: Options) => run();\n",
      'entry-decorated.ts': 'export class Options {}\n',
      'decorated.ts': "import { Options } from './entry-decorated';\nclass Service {\n  constructor(@Inject() options: Options) {}\n}\n",
      // A folder's index module, named by its folder.
      'certs/index.js': 'module.exports = 1;\n',
      'loads-certs.js': "require('./certs');\n",
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
    expect(folderOf('tasks/computed-target.js')).toBe(project.dir);
    expect(folderOf(`tasks/${step(15)}.js`)).toBe(project.dir);
  });

  it('is unknown when something else loads the module, nothing does, or more modules than the bound are between', () => {
    expect(folderOf('tasks/shared.js')).toBeUndefined();
    expect(folderOf('lonely.js')).toBeUndefined();
    // A file that may load anything and that nothing loads: who runs it is not known.
    expect(folderOf('loaded-otherwise.js')).toBeUndefined();
    expect(folderOf(`tasks/${step(17)}.js`)).toBeUndefined();
  });

  it("finds the importers of a module by its name in a specifier, and of a folder's index by the folder's", () => {
    const importersOf = (file: string) => packageImporters(path.join(project.dir, file), project.dir, lintEnvironment())?.map((other) => path.relative(project.dir, other));
    expect(importersOf('builder.js')).toEqual(['uses-builder.js']);
    expect(importersOf('certs/index.js')).toEqual(['loads-certs.js']);
  });

  it('leaves out a TypeScript import whose names are read only as types, unless decorators may emit them', () => {
    const importersOf = (file: string) => packageImporters(path.join(project.dir, file), project.dir, lintEnvironment('ts'))?.map((other) => path.relative(project.dir, other));
    expect(importersOf('entry.ts')).toEqual([]);
    expect(importersOf('entry-used.ts')).toEqual(['value-use.ts']);
    expect(importersOf('entry-decorated.ts')).toEqual(['decorated.ts']);
  });
});

describe('modules only the files a package starts load', () => {
  let app: TempProject;
  beforeAll(() => {
    app = tempProject(
      {
        'package.json': JSON.stringify({ name: 'app', private: true, scripts: { start: 'node src/server.js', other: 'node src/worker.js' } }),
        'src/server.js': "require('./bridge');\nrequire('./release');\n",
        'src/bridge.js': "require('./release');\nrequire('./cycle');\n",
        'src/cycle.js': "require('./bridge');\n",
        'src/release.js': 'module.exports = 1;\n',
        // A started file that a module loads too is followed up to that module's loaders.
        'src/worker.js': "require('./shared');\n",
        'src/shared.js': 'module.exports = 1;\n',
        'src/helper.js': "require('./worker');\n",
        'src/dead.js': 'module.exports = 1;\n',
      },
      [],
    );
  });
  afterAll(() => app.remove());
  const only = (file: string) => loadedOnlyThroughStartedFiles(path.join(app.dir, file), app.dir, lintEnvironment());

  it('holds when every chain of loaders, cycles included, starts at a started file nothing loads', () => {
    expect(only('src/release.js')).toBe(true);
    expect(only('src/bridge.js')).toBe(true);
    expect(only('src/cycle.js')).toBe(true);
  });

  it('fails for a started file itself, a chain through a module nothing starts, or no loader at all', () => {
    expect(only('src/server.js')).toBe(false);
    expect(only('src/shared.js')).toBe(false);
    expect(only('src/dead.js')).toBe(false);
  });
});

describe('files of a workspace package that no other package may load', () => {
  let workspace: TempProject;
  beforeAll(() => {
    workspace = tempProject(
      {
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] }),
        'apps/web/package.json': JSON.stringify({ name: 'web', private: true }),
        'apps/web/src/playground.config.js': 'export default {};\n',
        'apps/web/src/routes.js': "import './views.js';\n",
        'apps/web/src/views.js': 'export const views = [];\n',
        'apps/web/src/shared-helper.js': 'export const helper = 1;\n',
        'apps/web/index.js': 'export const web = 1;\n',
        'packages/ui/package.json': JSON.stringify({ name: 'ui', private: true, main: 'src/main.js' }),
        'packages/ui/src/main.js': "import { helper } from '../../../apps/web/src/shared-helper.js';\nexport const ui = helper;\n",
        'scripts/report.js': "console.log(require.resolve('web/src/report-data'));\n",
        'apps/web/src/report-data.js': 'module.exports = 1;\n',
        // More files of other packages name `common` than the index keeps: who does is not known.
        ...Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`packages/ui/src/uses-${index}.js`, "import '../../../apps/web/src/common.js';\n"])),
        'apps/web/src/common.js': 'export const common = 1;\n',
        // Exposed by an `exports` pattern, which other packages import by a subpath that names the file.
        'packages/kit/package.json': JSON.stringify({ name: 'kit', private: true, exports: { '.': './src/main.js', './*': './src/*.js' } }),
        'packages/kit/src/main.js': 'export const kit = 1;\n',
        'packages/kit/src/tool.js': 'export const tool = 1;\n',
      },
      [],
    );
  });
  afterAll(() => workspace.remove());
  const hidden = (file: string) => {
    const at = path.join(workspace.dir, file);
    const manifest = nearestManifest(at);
    if (!manifest) throw new Error(`no package.json for ${file}`);
    return hiddenFromOtherPackages(at, manifest);
  };

  it('holds for a file only its own package names, or that nothing names', () => {
    expect(hidden('apps/web/src/playground.config.js')).toBe(true);
    expect(hidden('apps/web/src/views.js')).toBe(true);
    expect(hidden('packages/kit/src/tool.js')).toBe(true);
  });

  it('fails for a file another package names by path or by the package name, an entry point, or a name too many files write', () => {
    expect(hidden('apps/web/src/shared-helper.js')).toBe(false);
    expect(hidden('apps/web/src/report-data.js')).toBe(false);
    expect(hidden('apps/web/index.js')).toBe(false);
    expect(hidden('packages/ui/src/main.js')).toBe(false);
    expect(hidden('packages/kit/src/main.js')).toBe(false);
    expect(hidden('apps/web/src/common.js')).toBe(false);
  });

  it('holds outside a workspace', () => {
    const single = tempProject({ 'package.json': JSON.stringify({ name: 'one' }), 'src/a.js': 'export const a = 1;\n' }, []);
    try {
      const file = path.join(single.dir, 'src/a.js');
      expect(hiddenFromOtherPackages(file, nearestManifest(file) as NonNullable<ReturnType<typeof nearestManifest>>)).toBe(true);
    } finally {
      single.remove();
    }
  });
});
