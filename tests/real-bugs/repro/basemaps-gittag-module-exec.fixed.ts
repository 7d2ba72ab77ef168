// packages/shared/src/cli/git.tag.ts (shape of the merged version)
import { execFileSync } from 'node:child_process';

// Build/version details printed by the CLI.
// Only runs git when a caller actually asks for the values.
export function gitInfo(): { tag: string; commit: string } {
  return {
    tag: execFileSync('git', ['describe', '--tags', '--always']).toString().trim(),
    commit: execFileSync('git', ['rev-parse', 'HEAD']).toString().trim(),
  };
}
