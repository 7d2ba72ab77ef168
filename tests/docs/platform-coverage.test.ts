/**
 * docs/platform-coverage.md is generated (`npm run docs:coverage`) from the notes in Node's
 * documentation and the catalog's decisions on them: every note has a decision, every decision a
 * note, every catalog entry a decision names exists, and the committed page is what they render to.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import * as platformApis from '../../src/analysis/catalog/platform-apis.js';
import { DOCUMENTED_NOTES, NOTE_DECISIONS } from '../../src/analysis/catalog/platform-notes.js';
import { rules } from '../../src/rules/index.js';
import { extractPlatformNotes, NODE_MAJORS } from '../../scripts/lib/node-platform-notes.js';
import { matchNotes, renderCoverage } from '../../scripts/lib/platform-coverage.js';

const notes = [...extractPlatformNotes(), ...DOCUMENTED_NOTES];
const label = (note: { module: string; api: string; text: string }) => `${note.module} ${note.api}: ${note.text}`;

describe('platform coverage', () => {
  it('reads notes from every supported Node major', () => {
    for (const major of NODE_MAJORS) expect(notes.some((note) => note.majors.includes(major))).toBe(true);
    expect(notes.some((note) => note.api === 'userInfo' && note.text.includes('SystemError'))).toBe(true);
  });

  it('has a decision for every note, in the catalog or out of scope', () => {
    expect(matchNotes(notes, NOTE_DECISIONS).unhandled.map(label)).toEqual([]);
  });

  it('has a note for every decision', () => {
    expect(matchNotes(notes, NOTE_DECISIONS).unused.map((decision) => `${decision.module} ${decision.api} ${decision.match ?? ''}`)).toEqual([]);
  });

  it('names rules and catalog entries that exist', () => {
    for (const { handling } of NOTE_DECISIONS) {
      if (!('rule' in handling)) continue;
      expect(Object.keys(rules)).toContain(handling.rule);
      const entry = handling.entry.split(' ')[0]!;
      // A catalog constant, or a check of the rule named by its message.
      if (/^[A-Z_]+$/.test(entry)) expect(Object.keys(platformApis)).toContain(entry);
      else expect(Object.keys(rules[handling.rule as keyof typeof rules].meta.messages)).toContain(entry);
    }
  });

  it('matches the committed page (run `npm run docs:coverage`)', () => {
    const committed = readFileSync(new URL('../../docs/platform-coverage.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCoverage(notes, NOTE_DECISIONS));
  });
});
