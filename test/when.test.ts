import { describe, expect, it } from 'vitest';
import { byWhen, looksLikeDate, parseWhen } from '../src/inputs/when.js';

describe('when: halves and quarters of a year', () => {
  it('reads YYYY-H1/H2 and YYYY-Q1…Q4 as the months they cover, shown as people write them', () => {
    expect(parseWhen('2025-H1')).toMatchObject({ start: '2025-01-01', end: '2025-06-30', display: 'H1 2025', years: ['2025'] });
    expect(parseWhen('2025-h2')).toMatchObject({ start: '2025-07-01', end: '2025-12-31', display: 'H2 2025' });
    expect(parseWhen('2024-Q1')).toMatchObject({ start: '2024-01-01', end: '2024-03-31', display: 'Q1 2024' });
    expect(parseWhen('2023-Q3')).toMatchObject({ start: '2023-07-01', end: '2023-09-30', display: 'Q3 2023' });
    expect(parseWhen('2023-Q4')).toMatchObject({ start: '2023-10-01', end: '2023-12-31' });
  });

  it('takes them in ranges, and a range of two years', () => {
    expect(parseWhen('2025-Q1/2025-Q3')).toMatchObject({ start: '2025-01-01', end: '2025-09-30', display: 'Q1–Q3 2025' });
    expect(parseWhen('2024-H2/2025-H1')).toMatchObject({ start: '2024-07-01', end: '2025-06-30', display: 'H2 2024–H1 2025', years: ['2024', '2025'] });
    expect(parseWhen('2024/2025')).toMatchObject({ start: '2024-01-01', end: '2025-12-31', display: '2024–2025' });
  });

  it('refuses halves and quarters that do not exist, which still look like dates (an error, not an undated event)', () => {
    for (const bad of ['2025-H3', '2025-Q5', '2025-Q0', '2025-H0']) {
      expect(parseWhen(bad)).toBeUndefined();
      expect(looksLikeDate(bad)).toBe(true);
    }
  });

  it('sorts a quarter among months and years by the day it starts', () => {
    const items = ['2024', '2023-Q3', '2023-08', '2023-H1'];
    expect(byWhen(items, parseWhen)).toEqual(['2023-H1', '2023-Q3', '2023-08', '2024']);
  });
});
