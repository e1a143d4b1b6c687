import { describe, expect, it } from 'vitest';
import { extractFigures, ungroundedFigures } from '../src/verify/figures.js';

describe('figures', () => {
  it('extracts money, percentages, numbers and words with digits', () => {
    expect(extractFigures('A $13.75 billion stake, up 12% since 2019, in MAI-1 and o1.').map((f) => f.text)).toEqual([
      '$13.75 billion',
      '12%',
      '2019',
      'MAI-1',
      'o1',
    ]);
  });

  it('grounds a figure written another way in the quote', () => {
    expect(ungroundedFigures('a reported $13.75B', ['ballooned to a reported $13.75 billion'])).toEqual([]);
    expect(ungroundedFigures('$1,000 million', ['$1 billion investment'])).toEqual([]);
    expect(ungroundedFigures('late 2022', ['the launch of ChatGPT in late 2022'])).toEqual([]);
    expect(ungroundedFigures('MAI-Voice-1', ['the MAI-Voice 1 and MAI-1-preview'])).toEqual([]);
  });

  it('reports a figure that no quote contains', () => {
    expect(ungroundedFigures('a reported $14 billion in 2023', ['ballooned to a reported $13.75 billion']).map((f) => f.text)).toEqual([
      '$14 billion',
      '2023',
    ]);
    expect(ungroundedFigures('its GPT-5 model', ['GPT-4o']).map((f) => f.text)).toEqual(['GPT-5']);
  });

  it('matches words with digits on whole words only', () => {
    expect(ungroundedFigures('the o1 model', ['grew to 1 billion users']).map((f) => f.text)).toEqual(['o1']);
    expect(ungroundedFigures('MAI-1', ['the MAI-10 model']).map((f) => f.text)).toEqual(['MAI-1']);
    expect(ungroundedFigures('GPT-4', ['GPT-4o model']).map((f) => f.text)).toEqual(['GPT-4']);
    expect(ungroundedFigures('the o1 model', ['its latest reasoning model, o1, was developed'])).toEqual([]);
  });

  it('reads hyphenated amounts and ranges', () => {
    expect(ungroundedFigures('a $13.75-billion stake', ['a reported $13.75 billion'])).toEqual([]);
    expect(ungroundedFigures('from 2019-2025', ['from 2019 to 2025'])).toEqual([]);
    expect(ungroundedFigures('from 2019-2026', ['from 2019 to 2025']).map((f) => f.text)).toEqual(['2026']);
  });

  it('reads currency codes before an amount as that currency, the same as its symbol', () => {
    expect(extractFigures('will cost EUR 15 million and USD 2bn, or CHF 300,000').map((f) => (f.kind === 'money' ? `${f.currency} ${f.value}` : f.text))).toEqual([
      '€ 15000000',
      '$ 2000000000',
      'CHF 300000',
    ]);
    expect(ungroundedFigures('€15 million', ['will cost EUR 15 million'])).toEqual([]);
    expect(ungroundedFigures('EUR 15 million', ['a cost of €15m'])).toEqual([]);
    // The currency still counts: dollars are not euros, and a code is not a word that starts like one.
    expect(ungroundedFigures('$15 million', ['will cost EUR 15 million']).map((f) => f.text)).toEqual(['$15 million']);
    expect(extractFigures('NEUR 15 units').map((f) => f.kind)).toEqual(['number']);
  });

  it('ignores statements without figures', () => {
    expect(ungroundedFigures('Microsoft is hedging its bets.', [])).toEqual([]);
  });
});
