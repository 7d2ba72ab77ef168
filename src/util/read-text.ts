import { readFileSync } from 'node:fs';

/** The UTF-8 text of a file, or undefined when it cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
