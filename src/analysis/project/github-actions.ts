/**
 * GitHub Actions written in JavaScript: a package folder with an `action.yml` (or `action.yaml`)
 * whose `runs.using` is a Node runtime (`node20`, `node24`). The runner starts the files its `runs`
 * names (`main`, `pre`, `post`) for the workflows that use it; no package imports it, so it is an
 * application (package-manifest.ts `isApplicationPackage`). Read from the text by indentation,
 * without a YAML parser: the `using:` key of the top-level `runs:` block.
 */
import * as path from 'node:path';

import { DerivedCache, readText } from './fs-cache.js';

const MAX_ACTION_BYTES = 256 * 1024;
const ACTION_FILES = ['action.yml', 'action.yaml'];
/** The top-level `runs:` key, and the lines indented under it. */
const RUNS_BLOCK = /^runs:[ \t]*(?:#.*)?\r?\n((?:(?:[ \t]+.*|[ \t]*)(?:\r?\n|$))*)/m;
const NODE_USING = /^[ \t]+using:[ \t]*(['"]?)node\d*\1[ \t]*(?:#.*)?$/m;

const actions = new DerivedCache<boolean>();

/** Whether `folder` holds a JavaScript action's metadata file. */
export function isNodeAction(folder: string): boolean {
  return actions.get(folder, () =>
    ACTION_FILES.some((name) => {
      const block = RUNS_BLOCK.exec(readText(path.join(folder, name), MAX_ACTION_BYTES) ?? '')?.[1];
      return block !== undefined && NODE_USING.test(block);
    }),
  );
}
