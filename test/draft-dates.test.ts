// The dates a sentence gives, resolved against its document's date (src/draft/dates.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { datesIn, loadDateParser } from '../src/draft/dates.js';

describe('datesIn', () => {
  beforeAll(() => loadDateParser());

  const cases: [string, string | undefined, string[]][] = [
    ['Microsoft invested $1 billion in 2019.', undefined, ['2019']],
    ['It launched in late 2022 and grew in June 2024.', undefined, ['2022', '2024-06']],
    ['The two companies said on Tuesday.', '2024-06-26', ['2024-06-25']],
    ['The note turned into shares in December.', '2025-02-21', ['2024-12']],
    ['The note is to convert into shares in December.', '2024-06-26', ['2024-12']],
    ['The deal was agreed last September.', '2024-06-26', ['2023-09']],
    ['Sales fell last year.', '2025-03-11', ['2024']],
    // Without a document date, a relative date is not resolved.
    ['The two companies said on Tuesday.', undefined, []],
    // A number is not a year; a range's end is not read as a year of its own.
    ['It employs 1,000 people and 2019-2020 was hard.', undefined, []],
  ];
  for (const [text, date, keys] of cases) {
    it(`"${text}" (${date ?? 'undated'}) → ${keys.join(', ') || 'nothing'}`, () => {
      expect(datesIn(text, date).map((d) => d.key)).toEqual(keys);
    });
  }

  it('gives each date its offset and words', () => {
    expect(datesIn('Agreed on Monday, the firms said.', '2024-03-18')).toEqual([{ key: '2024-03-18', at: 10, text: 'Monday' }]);
  });
});
