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

  it('copies only what it changes: a clean deck comes back as it was, and the input is never modified', () => {
    const input = deckOf([{ title: 'One', points: ['fine'] }, { title: 'Two', points: ['bad\u0001', 'fine'] }]);
    const before = structuredClone(input);
    const { deck } = xmlSafeDeck(input, 'briefing.yaml');
    expect(input).toEqual(before);
    expect(deck.slides[0]).toBe(input.slides[0]);
    expect(deck.slides[1]).not.toBe(input.slides[1]);
    expect(deck.slides[1]?.notes.talkingPoints).toEqual(['bad', 'fine']);
    expect(deck.slides[1]?.elements).toBe(input.slides[1]?.elements);
    const clean = xmlSafeDeck(before, 'briefing.yaml').deck;
    expect(xmlSafeDeck(clean, 'briefing.yaml').deck.slides.every((s, i) => s === clean.slides[i])).toBe(true);
  });
});
