/**
 * Minified files: generated bundles (a vendored `dist/index.js`, an obfuscated build) whose source
 * lives elsewhere. A finding there cannot be acted on in the file, and renamed or folded code hides
 * the guards the rules read. A file of at least 2 KiB whose average line is over 200 characters is
 * one, the measure the corpus script skips such files by; a short one-liner is real code and linted.
 */
const MIN_BYTES = 2048;
const MAX_AVERAGE_LINE = 200;

export function isMinified(code: string): boolean {
  if (code.length < MIN_BYTES) return false;
  let lines = 1;
  for (let index = code.indexOf('\n'); index !== -1 && code.length / lines > MAX_AVERAGE_LINE; index = code.indexOf('\n', index + 1)) lines += 1;
  return code.length / lines > MAX_AVERAGE_LINE;
}
