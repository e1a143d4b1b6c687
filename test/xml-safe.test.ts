// xmlSafeDeck remembers long strings it found clean (talking points repeated on every continued
// slide are searched once); what it removes, and where it says it did, stay the same.
import { describe, expect, it } from 'vitest';
import type { PlacedDeck, PlacedSlide } from '../src/deck/elements.js';
import { xmlSafeDeck } from '../src/deck/xml-safe.js';

const long = (tag: string) => `${tag}: ${'a talking point long enough to be remembered once found clean '.repeat(2)}`;

function deckOf(slides: { title: string; points: string[] }[]): PlacedDeck {
  return {
    meta: { title: 'T', subject: 'S' },
    fonts: { heading: 'Arimo', body: 'Arimo' },
    background: 'FFFFFF',
    slides: slides.map(({ title, points }) => ({ layout: 'bullets', title, cites: [], sources: [], elements: [], notes: { talkingPoints: points, citations: [] } }) as PlacedSlide),
  } as unknown as PlacedDeck;
}

describe('xmlSafeDeck', () => {
  it('cleans and reports each slide, the same long strings repeated on several slides', () => {
    const clean = long('clean');
    const dirty = `${long('dirty')}\u000C`;
    const points = [clean, dirty, clean];
    const { deck, diagnostics } = xmlSafeDeck(deckOf([{ title: 'One', points }, { title: 'Two (2/3)', points }, { title: 'Three', points: [clean] }]), 'briefing.yaml');
    expect(deck.slides.map((s) => s.notes.talkingPoints)).toEqual([
      [clean, long('dirty'), clean],
      [clean, long('dirty'), clean],
      [clean],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'removed from slide 1 ("One") characters that XML (and so PowerPoint) does not allow: U+000C (form feed)',
      'removed from slide 2 ("Two (2/3)") characters that XML (and so PowerPoint) does not allow: U+000C (form feed)',
    ]);
  });
});
