// The frame of a quote in its document (src/verify/quote-frame.ts): the rest of its sentence and
// its list's lead-in, which the support check reads for the words that deny, hedge or condition it.
import { describe, expect, it } from 'vitest';
import { quoteFrame } from '../src/verify/quote-frame.js';
import { supportOf } from '../src/verify/support.js';
import { mayFrame } from '../src/verify/support-cues.js';

const at = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return quoteFrame(text, start, start + quote.length);
};

describe('the frame of a quote', () => {
  it('is the rest of its sentence, not the sentences around it', () => {
    const text = 'Talks began in May. Acme will buy Beta, said no one at the firm. Shares fell.';
    expect(at(text, 'Acme will buy Beta')).toEqual({ before: '', after: ', said no one at the firm.' });
    expect(at(text, 'no one at the firm')).toEqual({ before: 'Acme will buy Beta, said ', after: '.' });
    expect(at('A court rejected the claim that Beta cheated Acme.\nNext line.', 'the claim that Beta cheated Acme')).toEqual({ before: 'A court rejected ', after: '.' });
  });

  it('is nothing for a quote that is its whole sentence', () => {
    expect(at('Talks began in May. Acme will buy Beta. Shares fell.', 'Acme will buy Beta.')).toBeUndefined();
    expect(at('Talks began in May. Acme will buy Beta. Shares fell.', 'Acme will buy Beta')).toBeUndefined();
    expect(at('Acme will buy Beta\nShares fell.', 'Acme will buy Beta')).toBeUndefined();
  });

  it('gives an item of a list the lead-in that ends with a colon, across items and blank lines', () => {
    const text = 'Intro.\n\nExperts predict several possible scenarios:\n\n  1. Alliance: status quo\n  2. Acquisition: Acme makes a full buyout offer\n  3. Divergence: Beta goes alone\n';
    expect(at(text, 'Acquisition: Acme makes a full buyout offer')).toEqual({ before: '', after: '', leadIn: 'Experts predict several possible scenarios:' });
    const plain = 'The plant has three lines. They are:\n- steel tubes\n- wire\n';
    expect(at(plain, 'wire')?.leadIn).toBe('They are:');
    // No colon before the items: no lead-in.
    expect(at('Some lines\n- steel tubes\n- wire\n', 'wire')).toEqual({ before: '- ', after: '' });
  });

  it('stays bounded on a document of one huge line: a thousand quotes of a 5 MB line in well under a second', () => {
    const line = 'word '.repeat(1_000_000);
    const text = `Intro:\n- ${line}`;
    const started = performance.now();
    for (let k = 0; k < 1000; k++) {
      const start = 3_000_000 + k * 500;
      const frame = quoteFrame(text, start, start + 20);
      expect(frame?.leadIn).toBeUndefined();
      expect((frame?.before.length ?? 0) + (frame?.after.length ?? 0)).toBeLessThanOrEqual(600);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    // An item's lead-in is looked for within 8,000 characters: a list after a huge line has none from it.
    expect(at(`${line}:\n- wire\n`, 'wire')).toEqual({ before: '- ', after: '' });
  });

  it('reads at most 300 characters on each side of a quote in a sentence without an end', () => {
    const long = `${'word '.repeat(2000)}Acme will buy Beta ${'word '.repeat(2000)}`;
    const frame = at(long, 'Acme will buy Beta');
    expect(frame?.before.length).toBeLessThanOrEqual(300);
    expect(frame?.after.length).toBeLessThanOrEqual(300);
  });
});

describe('the support check reads a quote in its frame', () => {
  const framed = (text: string, quote: string) => ({ text: quote, source: 'x', frame: at(text, quote) });

  it('sees a denial, a condition or a lead-in the quote was cut from', () => {
    const doc = 'Acme will buy Beta, said no one at the firm. If regulators approve, the lender will extend the loan.';
    expect(supportOf('Acme will buy Beta.', [framed(doc, 'Acme will buy Beta')]).findings.map((f) => f.rule)).toEqual(['support-negation']);
    expect(supportOf('The lender will extend the loan.', [framed(doc, 'the lender will extend the loan')]).findings.map((f) => f.rule)).toEqual(['support-hedge']);
    const list = 'Experts predict several possible scenarios:\n  1. Acquisition: Acme makes a full buyout offer\n';
    expect(supportOf('Acme makes a full buyout offer.', [framed(list, 'Acquisition: Acme makes a full buyout offer')]).findings.map((f) => f.rule)).toEqual(['support-hedge']);
    // Without the frame the same quotes raise nothing: the frame is what catches them.
    expect(supportOf('Acme will buy Beta.', ['Acme will buy Beta']).findings).toEqual([]);
    expect(supportOf('Acme makes a full buyout offer.', ['Acquisition: Acme makes a full buyout offer']).findings).toEqual([]);
  });

  it('reads a frame only when it has a word that may deny, condition, hedge or date the quote', () => {
    expect(mayFrame('After a long review, ')).toBe(false);
    expect(mayFrame(' to the borrower, the bank said.')).toBe(false);
    for (const frame of [', said no one at the firm.', 'If regulators approve, ', 'Acme denied that ', ' unless rates rise.', 'Will ', ' doesn’t hold.', 'Acme once ', 'Analysts expected ']) expect(mayFrame(frame), frame).toBe(true);
  });

  it('does not flag a statement whose frame says nothing against it, nor cover its words with the frame', () => {
    const doc = 'After a long review, the lender will extend the loan to the borrower.';
    expect(supportOf('The lender will extend the loan.', [framed(doc, 'the lender will extend the loan')]).findings).toEqual([]);
    // The frame's words cover nothing: a statement cites what it says.
    expect(supportOf('After a review, the lender will extend the loan.', [framed(doc, 'the lender will extend the loan')]).findings.map((f) => f.rule)).toEqual(['support-words']);
  });
});
