import { describe, expect, it } from 'vitest';
import { parseFigures } from '../src/verify/figure-parse.js';
import { describeFigure, extractFigures, figureFindings, figureSpans, figureWithValue, ungroundedFigures } from '../src/verify/figures.js';

/** What a text's figures are, as "kind value…" strings. */
function values(text: string): string[] {
  return extractFigures(text).map((f) => `${f.kind} ${describeFigure(f)}`);
}

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
      'EUR 15000000',
      'USD 2000000000',
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
    // "one", "a" and "an" alone are no figure; a rank in words is a word (the support rule's).
    expect(ungroundedFigures('One article says the first deal was a third-party one.', [])).toEqual([]);
  });
});

describe('figures as values', () => {
  it('reads numbers grouped and separated the ways other typographies write them (red-team pass)', () => {
    // Digit groups joined by a (no-break, narrow, thin, figure) space or an apostrophe are one number.
    expect(values('5\u202F150 staff; 5\u00A0150 staff; 5\u2009150 staff; 5\u2007150 staff; 5 150 staff; 5\'150 staff; 1 000 000 staff')).toEqual([
      ...Array(6).fill('number 5,150'),
      'number 1,000,000',
    ]);
    // Indian grouping, and a decimal comma before one or two digits; a year before a count stays two figures.
    expect(values('1,50,000 staff; 1,5 million staff; 2,25 staff; in 2019 150 staff')).toEqual(['number 150,000', 'number 1,500,000', 'number 2.25', 'date the year 2019', 'number 150']);
    // Points between groups: two groups or more, or one before a decimal comma; "1.500" alone is 1.5.
    expect(values('4.000.000 staff; 1.250,50 staff; 1.500 staff')).toEqual(['number 4,000,000', 'number 1,250.5', 'number 1.5']);
    // A plural scale after digits, a percent sign written first.
    expect(values('4 millions staff; %4 of staff')).toEqual(['number 4,000,000', 'percent 4%']);
    // Lakh and crore, rupees written "Rs", the Arabic percent sign, sign qualifiers.
    expect(values('Rs 200 crore; Rs. 4 lakh; 15\u066A; >40%; \u2264 40%; \u2248 $3 billion')).toEqual([
      'money INR 2,000,000,000',
      'money INR 400,000',
      'percent 15%',
      'percent more than 40%',
      'percent under 40%',
      'money about USD 3,000,000,000',
    ]);
  });

  it('reads each kind of figure with its value, unit or currency and scale', () => {
    expect(values('5 billion dollars, $5bn, USD 5 billion, US$5 billion, five billion dollars')).toEqual(Array(5).fill('money USD 5,000,000,000'));
    expect(values('150 pct, 150 percent, 150 per cent, 150%')).toEqual(Array(4).fill('percent 150%'));
    expect(values('5 percentage points; 50 basis points')).toEqual(['points 5 percentage points', 'points 0.5 percentage points']);
    expect(values('a dozen, twice, half of it, three-quarters, one in five, a third of them')).toEqual([
      'number 12',
      'multiple 2 times',
      'percent 50%',
      'percent 75%',
      'percent 20%',
      'percent 33.333333%',
    ]);
    expect(values('a million users, tens of billions of dollars, forty percent')).toEqual([
      'number 1,000,000',
      'money USD somewhere from 10,000,000,000 to under 100,000,000,000',
      'percent 40%',
    ]);
    expect(values('more than $3 billion; $3 billion or more; up to 40%; about 150 jobs')).toEqual([
      'money more than USD 3,000,000,000',
      'money more than USD 3,000,000,000',
      'percent under 40%',
      'number about 150',
    ]);
    expect(values('$1-2 billion; between 10 and 20 percent; $20 a month; €2.4bn a year')).toEqual([
      'money USD 1,000,000,000–2,000,000,000',
      'percent 10%–20%',
      'money USD 20 per month',
      'money EUR 2,400,000,000 per year',
    ]);
    expect(values('15 Mar 2021, Q3 2021, the third quarter of 2021, H1 2025, 2021-09, in 2021, 3rd')).toEqual([
      'date 2021-03-15',
      'date 2021-Q3',
      'date 2021-Q3',
      'date 2025-H1',
      'date 2021-09',
      'date the year 2021',
      'ordinal rank 3',
    ]);
  });

  it('needs a word boundary after a scale: "a $5 T-shirt" is $5, "$100 M&A" is $100', () => {
    expect(values('a $5 T-shirt')).toEqual(['money USD 5']);
    expect(values('a $100 M&A fee')).toEqual(['money USD 100']);
    expect(values('$5T. $5M, $5 bn; $5 mn')).toEqual(['money USD 5,000,000,000,000', 'money USD 5,000,000', 'money USD 5,000,000,000', 'money USD 5,000,000']);
  });

  it('gives the offsets of every figure, numbers in words included, for the other checks to skip', () => {
    const text = 'Acme paid five billion dollars, more than 40% of ٢٠٢١ sales; both firms agree.';
    const spans = figureSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['five billion dollars', '40%', '٢٠٢١']);
    // Offsets are the text's own, whatever folding changed (full-width and astral digits).
    const wide = 'up ４０％ in 𝟐𝟎𝟐𝟏';
    expect(figureSpans(wide).map((s) => wide.slice(s.start, s.end))).toEqual(['４０％', '𝟐𝟎𝟐𝟏']);
  });

  // Each row: a statement figure its quote must not ground, and a faithful twin of the quote that grounds it.
  const PAIRS: { kind: string; statement: string; bad: string; good: string }[] = [
    { kind: 'money: scale', statement: 'Acme raised 5 billion dollars.', bad: 'Acme raised $5 million.', good: 'Acme raised $5bn.' },
    { kind: 'money: currency', statement: 'Acme raised 5 million euros.', bad: 'Acme raised $5 million.', good: 'Acme raised €5 million.' },
    { kind: 'money: a letter is no scale', statement: 'It cost $5 trillion.', bad: 'It sold a $5 T-shirt.', good: 'It cost $5tn.' },
    { kind: 'money: M&A is no scale', statement: 'A $100 million deal.', bad: 'A $100 M&A fee.', good: 'A $100m deal.' },
    { kind: 'money: symbol and currency', statement: 'It paid $5bn.', bad: 'It paid €5 billion.', good: 'It paid USD 5 billion.' },
    { kind: 'money: bare number grounds no currency', statement: 'It paid $5 billion.', bad: 'It paid 5 billion.', good: 'It paid 5 billion dollars.' },
    { kind: 'money: whose dollar', statement: 'It paid C$40 million.', bad: 'It paid $40 million.', good: 'It paid 40 million Canadian dollars.' },
    { kind: 'money: words', statement: 'It paid five billion dollars.', bad: 'It paid $5 million.', good: 'It paid $5 billion.' },
    { kind: 'money: a billion', statement: 'It paid a billion dollars.', bad: 'It paid $1 million.', good: 'It paid $1bn.' },
    { kind: 'money: a range needs the range', statement: 'It will cost $1-2 billion.', bad: 'It will cost $1 billion.', good: 'It will cost between $1 billion and $2 billion.' },
    { kind: 'money: a range grounds no end', statement: 'It will cost $2 billion.', bad: 'It will cost $1-2 billion.', good: 'It will cost $2bn.' },
    { kind: 'money: a rate', statement: 'It costs $20 a month.', bad: 'It costs $20.', good: 'It costs $20 per month.' },
    { kind: 'money: another rate', statement: 'It costs $20 a month.', bad: 'It costs $20 a year.', good: 'It costs $20/month.' },
    { kind: 'money: vague', statement: 'It raised tens of billions of dollars.', bad: 'It raised billions of dollars.', good: 'It raised $13.75 billion.' },
    { kind: 'money: vague grounds no value', statement: 'It raised $13.75 billion.', bad: 'It raised tens of billions of dollars.', good: 'It raised $13.75bn.' },
    { kind: 'money: a qualifier added', statement: 'It paid more than $3 billion.', bad: 'It paid $3 billion.', good: 'It paid over $3 billion.' },
    { kind: 'money: pounds', statement: 'It paid £2.5 million.', bad: 'It paid €2.5 million.', good: 'It paid 2.5 million pounds.' },
    { kind: 'money: yen', statement: 'It paid ¥500 billion.', bad: 'It paid $500 billion.', good: 'It paid 500 billion yen.' },
    { kind: 'percent: pct', statement: 'Sales rose 150 pct.', bad: 'It hired 150 engineers.', good: 'Sales rose 150%.' },
    { kind: 'percent: a scale is no percent', statement: 'Sales rose 150%.', bad: 'Sales rose by 150 million.', good: 'Sales rose 150 percent.' },
    { kind: 'percent: points are not percent', statement: 'Margins fell 5%.', bad: 'Margins fell 5 percentage points.', good: 'Margins fell 5 per cent.' },
    { kind: 'points: percent is not points', statement: 'Margins fell 5 percentage points.', bad: 'Margins fell 5%.', good: 'Margins fell five percentage points.' },
    { kind: 'percent: words', statement: 'Sales rose forty percent.', bad: 'Sales rose 4%.', good: 'Sales rose 40%.' },
    { kind: 'percent: half', statement: 'It sold half of its stake.', bad: 'It sold a third of its stake.', good: 'It sold 50% of its stake.' },
    { kind: 'percent: three-quarters', statement: 'Three-quarters of staff agreed.', bad: '70% of staff agreed.', good: '75% of staff agreed.' },
    { kind: 'percent: one in five', statement: 'One in five users left.', bad: 'One in four users left.', good: '20% of users left.' },
    { kind: 'percent: a range', statement: 'Prices rose between 10 and 20 percent.', bad: 'Prices rose 10 percent.', good: 'Prices rose 10-20%.' },
    { kind: 'percent: a bound added', statement: 'Fares rise up to 40%.', bad: 'Fares rise 40%.', good: 'Fares could rise by up to 40%.' },
    { kind: 'points: basis points', statement: 'Rates rose 50 basis points.', bad: 'Rates rose 50 percentage points.', good: 'Rates rose 0.5 percentage points.' },
    { kind: 'count: a dozen', statement: 'It closed a dozen depots.', bad: 'It closed ten depots.', good: 'It closed 12 depots.' },
    { kind: 'count: the unit noun', statement: 'It employs 5,150 employees.', bad: 'It uses 5,150 contractors.', good: 'It has 5,150 full-time employees.' },
    { kind: 'count: words against digits', statement: 'It cut three jobs.', bad: 'It cut 300 jobs.', good: 'It cut 3 jobs.' },
    { kind: 'count: a million of what', statement: 'It has a million users.', bad: 'It has a million downloads.', good: 'It has 1 million users.' },
    { kind: 'count: scale in words', statement: 'It is worth five billion.', bad: 'It is worth 5 million.', good: 'It is worth $5 billion.' },
    { kind: 'count: fractions of a scale', statement: 'It has 2.5 million riders.', bad: 'It has 2.5 billion riders.', good: 'It has two and a half million riders.' },
    { kind: 'count: vague', statement: 'It cut hundreds of jobs.', bad: 'It cut dozens of jobs.', good: 'It cut 300 jobs.' },
    { kind: 'multiple: twice', statement: 'Sales grew twice as fast.', bad: 'Sales grew three times as fast.', good: 'Sales doubled.' },
    { kind: 'multiple: 3x', statement: 'It is 3x larger.', bad: 'It is twice as large.', good: 'It grew threefold.' },
    { kind: 'ordinal: a rank in digits', statement: 'It closed its 3rd round.', bad: 'It closed its second round.', good: 'It closed its third round.' },
    { kind: 'date: a day is not its month', statement: 'It was signed on 15 Mar 2021.', bad: 'It was signed in March 2021.', good: 'It was signed on 15 March 2021.' },
    { kind: 'date: a quarter is not its year', statement: 'It closed in Q3 2021.', bad: 'It closed in 2021.', good: 'It closed in the third quarter of 2021.' },
    { kind: 'date: a month outside the quarter', statement: 'It closed in Q3 2021.', bad: 'It closed in October 2021.', good: 'It closed in July 2021.' },
    { kind: 'date: a half', statement: 'It opens in H1 2025.', bad: 'It opens in Q3 2025.', good: 'It opens in Q2 2025.' },
    { kind: 'date: another month', statement: 'It launched in September 2023.', bad: 'It launched in October 2023.', good: 'It launched on 25 September 2023.' },
    { kind: 'date: a year', statement: 'It began in 2021.', bad: 'It began in 2022.', good: 'It began in March 2021.' },
    { kind: 'date: a range at both ends', statement: 'It ran 2019–2023.', bad: 'It began in 2019.', good: 'It ran from 2019 to 2023.' },
    { kind: 'date: a range of months', statement: 'It ran Oct–Dec 2022.', bad: 'It ran in October 2022.', good: 'It ran from October to December 2022.' },
    { kind: 'token: a model name', statement: 'It ships GPT-5.', bad: 'It ships GPT-4o.', good: 'It ships GPT-5 now.' },
    { kind: 'token: whole words', statement: 'The RX-1 train.', bad: 'The RX-10 train.', good: 'The RX 1 train.' },
    { kind: 'digits: any script', statement: 'It began in ٢٠٢٢.', bad: 'It began in 2021.', good: 'It began in 2022.' },
    { kind: 'digits: full-width', statement: 'It paid ＄５ｂｎ.', bad: 'It paid $5m.', good: 'It paid $5 billion.' },
    { kind: 'percent: a decimal without its zero', statement: 'Rates rose 5%.', bad: 'Rates rose .5%.', good: 'Rates rose 5 percent.' },
    { kind: 'percent: a sign', statement: 'Margins were −5%.', bad: 'Margins were 5%.', good: 'Margins were -5%.' },
    { kind: 'money: a sign', statement: 'It made +$2 million.', bad: 'It made -$2 million.', good: 'It made $2 million.' },
    { kind: 'money: a hyphenated compound', statement: 'A $5 billion deal.', bad: 'A five-million-dollar deal.', good: 'A five-billion-dollar deal.' },
    { kind: 'money: a code joined to its amount', statement: 'It raised €15 million.', bad: 'It raised USD15m.', good: 'It raised EUR15m.' },
    { kind: 'percent: hyphenated', statement: 'A 40% stake.', bad: 'A 40-year stake.', good: 'A 40-percent stake.' },
    { kind: 'percent: a fraction in digits', statement: 'It sold 2/3 of the shares.', bad: 'It sold a third of the shares.', good: 'It sold two-thirds of the shares.' },
  ];

  it(`has at least 40 ungrounded pairs (${PAIRS.length})`, () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
  });

  for (const pair of PAIRS) {
    it(`${pair.kind}: "${pair.statement}" is not grounded by "${pair.bad}", and is by "${pair.good}"`, () => {
      const bad = figureFindings(pair.statement, [pair.bad]);
      expect(bad.filter((f) => f.status === 'ungrounded').length, JSON.stringify(bad)).toBeGreaterThan(0);
      expect(figureFindings(pair.statement, [pair.good]), pair.good).toEqual([]);
    });
  }

  it('reads signs, fractions in digits and decimals without their zero', () => {
    expect(values('a loss of −5%, (-$2 million), +3%, .5%, 2/3 of them, 24/7')).toEqual([
      'percent -5%',
      'money USD -2,000,000',
      'percent +3%',
      'percent 0.5%',
      'percent 66.666667%',
      'number 24',
      'number 7',
    ]);
    // A dash between two numbers is a range, not a sign; an unsigned figure is grounded by a signed one ("fell 5%" by "−5%").
    expect(values('10-20%')).toEqual(['percent 10%–20%']);
    expect(ungroundedFigures('Margins fell 5%.', ['margins of −5%'])).toEqual([]);
  });

  it('warns when a statement drops the qualifier of its only figure', () => {
    const [finding] = figureFindings('It paid $3 billion.', ['It paid more than $3 billion.']);
    expect(finding?.status).toBe('qualifier-dropped');
    expect(finding?.status === 'qualifier-dropped' && figureWithValue(finding.by)).toBe('"more than $3 billion" (more than USD 3,000,000,000)');
    // An exact figure beside it grounds it; an estimate may round an exact figure.
    expect(figureFindings('It paid $3 billion.', ['It paid more than $3 billion.', 'In all, $3 billion.'])).toEqual([]);
    expect(figureFindings('It paid about $3 billion.', ['It paid $3 billion.'])).toEqual([]);
    expect(figureFindings('It paid about $3 billion.', ['It paid nearly $3 billion.'])).toEqual([]);
    expect(figureFindings('It paid nearly $3 billion.', ['It paid about $3 billion.']).map((f) => f.status)).toEqual(['ungrounded']);
    // "over five years" is during them: no qualifier.
    expect(figureFindings('It will be repaid over five years.', ['to be repaid in five years'])).toEqual([]);
  });

  it('grounds a date by the date of a cited document inside its period, at its precision', () => {
    expect(ungroundedFigures('In September 2023 it said so.', [], ['2023-09-25'])).toEqual([]);
    expect(ungroundedFigures('In Q3 2023 it said so.', [], ['2023-09-25'])).toEqual([]);
    expect(ungroundedFigures('On 25 Sep 2023 it said so.', [], ['2023-09-25'])).toEqual([]);
    expect(ungroundedFigures('On 24 Sep 2023 it said so.', [], ['2023-09-25']).map((f) => f.text)).toEqual(['24 Sep 2023']);
    expect(ungroundedFigures('In Q4 2023 it said so.', [], ['2023-09-25']).map((f) => f.text)).toEqual(['Q4 2023']);
    expect(ungroundedFigures('In 2024 it said so.', [], ['2023-09-25']).map((f) => f.text)).toEqual(['2024']);
    // A document's date grounds a date, never a number; a number from 1800 to 2199 without a separator reads as a year.
    expect(ungroundedFigures('It has 2,023 stores.', [], ['2023-09-25']).map((f) => f.text)).toEqual(['2,023']);
    expect(ungroundedFigures('Its 2023 results.', [], ['2023-09-25'])).toEqual([]);
  });

  it('counts: "the other two" with no noun refers back to what the statement names; with a noun it is a count', () => {
    expect(ungroundedFigures('MAI-1 leads; the other two are designed for speech.', ['the MAI-Voice 1 and MAI-1-preview'])).toEqual([]);
    expect(ungroundedFigures('The two differ on pricing.', ['pricing differs'])).toEqual([]);
    expect(ungroundedFigures('The two boards agreed.', ['The boards agreed']).map((f) => f.text)).toEqual(['two']);
    expect(ungroundedFigures('Two differ on pricing.', ['pricing differs']).map((f) => f.text)).toEqual(['Two']);
    expect(ungroundedFigures('the other 2 are designed', ['designed']).map((f) => f.text)).toEqual(['2']);
  });

  it('counts: "both" states two; a verb after a number is no unit noun', () => {
    expect(ungroundedFigures('the two differ on pricing', ['Both companies compete fiercely'])).toEqual([]);
    expect(ungroundedFigures('the two companies', ['Both companies compete'])).toEqual([]);
    expect(ungroundedFigures('the two boards', ['Both companies compete']).map((f) => f.text)).toEqual(['two']);
    expect(ungroundedFigures('MAI-Voice 1 is designed for speech', ['the MAI-Voice 1 and MAI-1-preview'])).toEqual([]);
    // A year-like number is also its number: "2000 employees" and "2,000 employees" ground each other.
    expect(ungroundedFigures('It has 2,000 employees.', ['It has 2000 employees.'])).toEqual([]);
    expect(ungroundedFigures('It has 2000 employees.', ['It has 2,000 employees.'])).toEqual([]);
  });

  it('names the closest figure the quotes state', () => {
    const [finding] = figureFindings('Acme raised 5 billion dollars.', ['It said 2021 was a good year.', 'Acme raised $5 million, up 12%.']);
    expect(finding?.status).toBe('ungrounded');
    if (finding?.status !== 'ungrounded') return;
    expect(figureWithValue(finding.figure)).toBe('"5 billion dollars" (USD 5,000,000,000)');
    expect(finding.closest && figureWithValue(finding.closest)).toBe('"$5 million" (USD 5,000,000)');
  });

  it('reads a long text in linear time (16 times the text: under 48 times the time; quadratic would be 256)', () => {
    const sentence = 'In Q3 2021 Acme paid more than $3.5 billion, about forty percent of its 5,150 employees left, and GPT-4o shipped twice. ';
    // CPU time, the fastest of five runs (a busy machine slows single runs), of the parser itself (extractFigures keeps what it read).
    const fastest = (count: number) =>
      Math.min(
        ...[1, 2, 3, 4, 5].map((run) => {
          const text = `${sentence.repeat(count)} ${run}`;
          const started = process.cpuUsage();
          expect(parseFigures(text).length).toBe(6 * count + 1);
          const used = process.cpuUsage(started);
          return used.user + used.system;
        }),
      );
    fastest(200);
    expect(fastest(3200) / fastest(200)).toBeLessThan(48);
  });
});
