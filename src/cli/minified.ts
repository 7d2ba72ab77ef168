/**
 * Minified files: generated bundles (a vendored `dist/index.js`, an obfuscated build) whose source
 * lives elsewhere. A finding there cannot be acted on in the file, and renamed or folded code hides
 * the guards the rules read. A file of at least 2 KiB is one when its average line is over 200
 * characters, the measure the corpus script skips such files by, or when one of its lines is over
 * 10,000 characters: a bundle of ordinary lines that inlines a minified library or data on one, which
 * no hand-written source does. A short one-liner is real code and linted.
 */
const MIN_BYTES = 2048;
const MAX_AVERAGE_LINE = 200;
const MAX_LINE = 10_000;

export function isMinified(code: string): boolean {
  if (code.length < MIN_BYTES) return false;
  let lines = 1;
  let start = 0;
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', start)) {
    if (index - start > MAX_LINE) return true;
    lines += 1;
    start = index + 1;
  }
  return code.length - start > MAX_LINE || code.length / lines > MAX_AVERAGE_LINE;
}
