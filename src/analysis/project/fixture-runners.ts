/**
 * Who runs a fixture. A test runner does not load a file in a `fixtures` folder (file-model.ts):
 * the tests that name it start it (`runMocha('signals-sigabrt.fixture.js', …)`,
 * `fork(path.join(__dirname, 'fixtures', 'kill.js'))`). When every string that names it sits under
 * a platform test (`if (os.platform() !== 'win32') { … }`), it runs on those platforms only.
 *
 * The source files under the fixture's runners folder whose text names the fixture are parsed like
 * the linted file and read through the same analysis. Unknown (undefined) when no file names it, a
 * file names it but not in a whole string, or more than MAX_RUNNERS files name it. Nothing throws.
 */
import path from 'node:path';

import { PLATFORMS, type Platform } from '../catalog/platform-apis.js';
import { readText } from './fs-cache.js';
import { sourceFiles } from './source-files.js';
import { possiblePlatforms } from '../file/guards/facts.js';
import type { GuardEvaluator } from '../file/guards/guards.js';
import { inspectModule, type AnalysisContext, type LintEnvironment } from './summary-store.js';

/** What the runners' analysis gives: the facts at a node, and where the file mentions a string. */
export interface RunnerAnalysis {
  readonly guards: Pick<GuardEvaluator, 'factsAt' | 'mentions'>;
}

/** Files that name one fixture, parsed to answer for it. */
const MAX_RUNNERS = 8;
const MAX_TEXT_BYTES = 512 * 1024;

/** The platforms the files that name `fixture` run it on; undefined when unknown or all. */
export function fixtureRunnerPlatforms(
  fixture: string,
  folder: string,
  environment: LintEnvironment,
  analyze: (context: AnalysisContext) => RunnerAnalysis,
): ReadonlySet<Platform> | undefined {
  const base = path.basename(fixture);
  const stem = base.slice(0, base.length - path.extname(base).length) || base;
  const names = (value: string): boolean => [base, stem].some((name) => value === name || value.endsWith(`/${name}`) || value.endsWith(`\\${name}`));
  const runners = sourceFiles(folder).filter((file) => file !== fixture && readText(file, MAX_TEXT_BYTES)?.includes(stem));
  if (runners.length === 0 || runners.length > MAX_RUNNERS) return undefined;
  const platforms = new Set<Platform>();
  for (const runner of runners) {
    const text = readText(runner, MAX_TEXT_BYTES) ?? '';
    const found = inspectModule(runner, text, environment, (context) => platformsNaming(analyze(context), names), undefined);
    // A file that names the fixture but not in a whole string starts it in a way not seen here.
    if (!found) return undefined;
    for (const platform of found) platforms.add(platform);
  }
  return platforms.size > 0 && platforms.size < PLATFORMS.length ? platforms : undefined;
}

/** The platforms on which the strings naming the fixture can be reached; undefined when none does. */
function platformsNaming(analysis: RunnerAnalysis, names: (value: string) => boolean): ReadonlySet<Platform> | undefined {
  const { strings } = analysis.guards.mentions();
  let named = false;
  const platforms = new Set<Platform>();
  for (const [value, nodes] of strings) {
    if (!names(value)) continue;
    for (const node of nodes) {
      named = true;
      for (const platform of possiblePlatforms(analysis.guards.factsAt(node))) platforms.add(platform);
    }
  }
  return named ? platforms : undefined;
}
