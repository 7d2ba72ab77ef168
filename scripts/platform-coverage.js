// @ts-check
/**
 * `npm run docs:coverage`: writes docs/platform-coverage.md, the table of every platform or
 * environment note in Node's documentation and what the rules do with it
 * (scripts/lib/platform-coverage.js). Fails, writing nothing, when a note has no decision in
 * src/analysis/catalog/platform-notes.ts or a decision matches no note.
 */
import { writeFileSync } from 'node:fs';

import { createJiti } from 'jiti';

import { extractPlatformNotes } from './lib/node-platform-notes.js';
import { matchNotes, renderCoverage } from './lib/platform-coverage.js';

const jiti = createJiti(import.meta.url);
/** @type {typeof import('../src/analysis/catalog/platform-notes.js')} */
const { DOCUMENTED_NOTES, NOTE_DECISIONS } = await jiti.import('../src/analysis/catalog/platform-notes.ts');

const notes = [...extractPlatformNotes(), ...DOCUMENTED_NOTES];
const { unhandled, unused } = matchNotes(notes, NOTE_DECISIONS);
for (const note of unhandled) console.error(`no decision: ${note.module} ${note.api}: ${note.text}`);
for (const decision of unused) console.error(`no note: ${decision.module} ${decision.api}${decision.match ? ` (${decision.match})` : ''}`);
if (unhandled.length > 0 || unused.length > 0) process.exit(1);
writeFileSync(new URL('../docs/platform-coverage.md', import.meta.url), renderCoverage(notes, NOTE_DECISIONS));
