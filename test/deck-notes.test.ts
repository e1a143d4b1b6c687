// The writer adds speaker notes only where notesText() has something to show, and makes their
// text only when pptxgenjs writes them (so a deck of thousands of slides never holds them all).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacedNotes } from '../src/deck/elements.js';
import { hasNotes, notesText } from '../src/deck/pptx-writer.js';
import type { CitationRef } from '../src/model/types.js';

const citation = (n: number) => ({ n, doc: '001', docTitle: 'A title', file: '001.txt', place: 'line 3', quote: 'a passage' }) as unknown as CitationRef;

describe('speaker notes', () => {
  it('hasNotes says whether notesText has more than white space', () => {
    const points = fc.array(fc.constantFrom('', ' ', '\n', '\t \n', 'x', ' point ', '• a\n• b'), { maxLength: 4 });
    fc.assert(
      fc.property(points, fc.nat({ max: 2 }), (talkingPoints, cites) => {
        const notes: PlacedNotes = { talkingPoints, citations: Array.from({ length: cites }, (_, k) => citation(k + 1)) };
        expect(hasNotes(notes)).toBe(notesText(notes).trim() !== '');
      }),
    );
  });
});
