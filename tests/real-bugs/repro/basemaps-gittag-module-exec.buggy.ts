// packages/shared/src/cli/git.tag.ts (shape of the reviewed PR revision)
import { execFileSync } from 'node:child_process';

// Build/version details printed by the CLI.
// Object literal at module scope: both git processes run the moment any
// file imports this module, even if the values are never read.
export const GitInfo = {
  tag: execFileSync('git', ['describe', '--tags', '--always']).toString().trim(),
  commit: execFileSync('git', ['rev-parse', 'HEAD']).toString().trim(),
};
