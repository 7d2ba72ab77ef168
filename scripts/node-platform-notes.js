// @ts-check
/**
 * `node scripts/node-platform-notes.js`: prints, as JSON, every note on a platform or environment
 * difference in Node's documentation of the modules the rules know (module, API, the supported Node
 * majors whose documentation has it, its first sentence), read from `@types/node` per major
 * (scripts/lib/node-platform-notes.js).
 */
import { extractPlatformNotes } from './lib/node-platform-notes.js';

process.stdout.write(`${JSON.stringify(extractPlatformNotes(), undefined, 2)}\n`);
