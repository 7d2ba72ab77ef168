import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyze } from '../../../src/analysis/model/analyze.js';
import { fixtureRunnerPlatforms } from '../../../src/analysis/project/fixture-runners.js';
import { tempProject, type TempProject } from '../../integration/support.js';
import { lintEnvironment } from '../../support/lint-environment.js';

let project: TempProject;

const GUARDED = `import { fork } from 'node:child_process';
import os from 'node:os';
if (os.platform() !== 'win32') {
  fork('fixtures/posix-only.fixture.js');
}
fork('fixtures/everywhere.fixture.js');
`;

beforeAll(() => {
  project = tempProject(
    {
      'package.json': JSON.stringify({ name: 'app', type: 'module', scripts: { test: 'node --test' } }),
      // The CI tests Windows: the tests run everywhere but where their own guards say.
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    runs-on: windows-latest\n    steps:\n      - run: npm test\n',
      'test/run.spec.js': GUARDED,
      'test/other.spec.js': 'const name = `fixtures/partly.fixture.${extension}`;\n',
      'test/fixtures/posix-only.fixture.js': 'process.kill(process.pid, "SIGABRT");\n',
      'test/fixtures/everywhere.fixture.js': 'process.exit(1);\n',
      'test/fixtures/partly.fixture.js': 'process.exit(1);\n',
      'test/fixtures/unnamed.fixture.js': 'process.exit(1);\n',
    },
    [],
  );
});

afterAll(() => {
  project.remove();
});

function platformsOf(fixture: string): string[] | undefined {
  const found = fixtureRunnerPlatforms(path.join(project.dir, 'test/fixtures', fixture), path.join(project.dir, 'test'), lintEnvironment(), analyze);
  return found && [...found].sort();
}

describe('the platforms a fixture runs on', () => {
  it('are those of the platform test around the string that names it', () => {
    const platforms = platformsOf('posix-only.fixture.js');
    expect(platforms).toBeDefined();
    expect(platforms).not.toContain('win32');
    expect(platforms).toContain('linux');
  });

  it.each<[string, string]>([
    ['named outside any platform test: every platform', 'everywhere.fixture.js'],
    ['named by no file', 'unnamed.fixture.js'],
    ['named, but not in a whole string', 'partly.fixture.js'],
  ])('are unknown for a fixture %s', (_name, fixture) => {
    expect(platformsOf(fixture)).toBeUndefined();
  });

  it('are unknown when the runners folder does not exist', () => {
    const found = fixtureRunnerPlatforms(path.join(project.dir, 'test/fixtures/posix-only.fixture.js'), path.join(project.dir, 'missing'), lintEnvironment(), analyze);
    expect(found).toBeUndefined();
  });
});
