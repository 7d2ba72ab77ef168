/**
 * A progress line on a terminal's stderr for long runs. ESLint's Node API has no progress callback,
 * so a rule that reports nothing counts the files: ESLint creates every rule once per linted file.
 */
import type { ESLint, Linter } from 'eslint';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Below this many files a run is short enough that a progress line would only flicker. */
const SHOW_AFTER_FILES = 300;
const REFRESH_MS = 100;

export interface Progress {
  /** Config objects that make ESLint count files. */
  configs: Linter.Config[];
  /** Clears the progress line, if one was shown. */
  finish(): void;
}

export function createProgress(stream: ProgressStream, now: () => number = Date.now): Progress {
  let files = 0;
  let lastWrite = 0;
  let shown = false;
  const plugin: ESLint.Plugin = {
    meta: { name: 'process-guard-cli' },
    rules: {
      progress: {
        meta: { type: 'suggestion', schema: [], docs: { description: 'Count linted files for the progress line' } },
        create() {
          files++;
          const time = now();
          if (files >= SHOW_AFTER_FILES && time - lastWrite >= REFRESH_MS) {
            stream.write(`\rprocess-guard: ${files} files linted…`);
            lastWrite = time;
            shown = true;
          }
          return {};
        },
      },
    },
  };
  return {
    configs: [{ name: 'process-guard-cli/progress', plugins: { 'process-guard-cli': plugin }, rules: { 'process-guard-cli/progress': 'warn' } }],
    finish() {
      // erase the line so the report starts on a clean one
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
