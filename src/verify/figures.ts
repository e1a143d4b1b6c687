// Figures in prose: money amounts, percentages, dates, numbers and words written with digits.
// A statement's figures must occur in its quotes; a year, a month or a day may instead be the
// date of a document it cites.
import { DATE_SOURCE, isoDate, monthNumber, parseDate } from '../inputs/dates.js';
import { pushAll } from '../common/arrays.js';

export type Figure =
  | { kind: 'money'; text: string; currency: string; value: number }
  | { kind: 'percent'; text: string; value: number }
  | { kind: 'number'; text: string; value: number }
  /** A month ("September 2023", "2023-09") or a day ("25 September 2023"): key YYYY-MM or YYYY-MM-DD. */
  | { kind: 'date'; text: string; key: string }
  | { kind: 'token'; text: string; key: string };

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12,
};

// A currency is a symbol, or an ISO 4217 code before the amount ("EUR 15 million"); a code that has
// a symbol counts as that symbol, so "€15 million" is grounded by "EUR 15 million".
const CURRENCY_CODES = 'USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|KRW|BRL|MXN|ZAR|SGD|HKD';
const SYMBOL_OF_CODE: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
const MONEY = new RegExp(
  `(?:([$€£¥])\\s?|\\b(${CURRENCY_CODES})\\s?)(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:[\\s-]?(thousand|million|billion|trillion|bn|mn|tn|[kmbt])\\b)?`,
  'gi',
);
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/gi;
const WORD_WITH_DIGIT = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;

const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATES = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${DATE_SOURCE})|(${MONTH_WORD})\\s+((?:1[89]|2\\d)\\d\\d)|((?:1[89]|2\\d)\\d\\d)-(0[1-9]|1[0-2]))(?![\\p{L}\\p{N}]|-\\d)`, 'giu');

/** Dates written out to the month or the day, as figures; the rest of the text with them blanked. */
function extractDates(text: string): { figures: Figure[]; rest: string } {
  const figures: Figure[] = [];
  const rest = text.replace(DATES, (match, full?: string, month?: string, year?: string, isoYear?: string, isoMonth?: string) => {
    let key: string | undefined;
    if (full !== undefined) key = parseDate(full);
    else if (month !== undefined) key = isoDate(Number(year), monthNumber(month) ?? 0, 1)?.slice(0, 7);
    else key = `${isoYear}-${isoMonth}`;
    if (key === undefined) return match;
    figures.push({ kind: 'date', text: match, key });
    return ' '.repeat(match.length);
  });
  return { figures, rest };
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Text as the figure rule reads it: compatibility forms folded (NFKC: full-width ＄２０２１ is
 * $2021) and every Unicode decimal digit (Arabic-Indic ٢٠٢١, Devanagari २०२१…) written as its
 * ASCII digit, so no way of writing a number escapes the rule.
 */
export function figureText(text: string): string {
  const folded = text.normalize('NFKC');
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(folded)) return folded;
  return folded.replace(/\p{Nd}/gu, (digit) => {
    if (digit >= '0' && digit <= '9') return digit;
    // Decimal digits come in runs of ten, zero first: the value is the place in the run.
    const code = digit.codePointAt(0) as number;
    let start = code;
    while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  });
}

export function extractFigures(written: string): Figure[] {
  const text = figureText(written);
  // Every figure is written with a digit (a date too: its year); most prose has none.
  if (!/\d/.test(text)) return [];
  const dated = extractDates(text);
  const figures: Figure[] = [...dated.figures];
  let rest = dated.rest;
  rest = rest.replace(MONEY, (match, symbol: string | undefined, code: string | undefined, amount: string, scale: string | undefined) => {
    const upper = code?.toUpperCase();
    const currency = symbol ?? SYMBOL_OF_CODE[upper as string] ?? (upper as string);
    const value = Number(amount.replace(/,/g, '')) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
    figures.push({ kind: 'money', text: match.trim(), currency, value: round(value) });
    return ' '.repeat(match.length);
  });
  rest = rest.replace(PERCENT, (match, amount: string) => {
    figures.push({ kind: 'percent', text: match.trim(), value: Number(amount) });
    return ' '.repeat(match.length);
  });
  rest = rest.replace(/(\d),(\d{3})\b/g, '$1$2');
  for (const match of rest.matchAll(WORD_WITH_DIGIT)) {
    const word = match[0];
    if (!/\d/.test(word)) continue;
    if (/^\d+(?:\.\d+)?$/.test(word)) figures.push({ kind: 'number', text: word, value: Number(word) });
    else if (/^\d+(?:-\d+)+$/.test(word)) {
      // A range written with hyphens, "2019-2025": each end is a number of its own.
      for (const part of word.split('-')) figures.push({ kind: 'number', text: part, value: Number(part) });
    } else figures.push({ kind: 'token', text: word, key: compact(word) });
  }
  return figures;
}

/** What the quotes of a statement offer to ground its figures. */
export interface FigureGround {
  money: Set<string>;
  percents: Set<number>;
  numbers: Set<number>;
  /** Years of the cited documents' dates: they ground a year, never another number. */
  years: Set<number>;
  /** Months (YYYY-MM) and days (YYYY-MM-DD) the quotes write or the cited documents are dated. */
  dates: Set<string>;
  /** The quotes' words, lower case, letters and digits only, in order (quotes separated by ''). */
  words: string[];
}

export function groundFromQuotes(quotes: readonly string[], documentDates: readonly string[] = []): FigureGround {
  const ground: FigureGround = { money: new Set(), percents: new Set(), numbers: new Set(), years: new Set(), dates: new Set(), words: [] };
  const addDate = (key: string) => {
    ground.dates.add(key);
    ground.dates.add(key.slice(0, 7));
  };
  for (const date of documentDates) {
    ground.years.add(Number(date.slice(0, 4)));
    addDate(date);
  }
  for (const written of quotes) {
    const quote = figureText(written);
    for (const figure of extractFigures(quote)) {
      if (figure.kind === 'date') {
        addDate(figure.key);
        ground.numbers.add(Number(figure.key.slice(0, 4)));
      }
      if (figure.kind === 'money') ground.money.add(moneyKey(figure.currency, figure.value));
      if (figure.kind === 'percent') ground.percents.add(figure.value);
      if (figure.kind === 'number') ground.numbers.add(figure.value);
    }
    for (const digits of quote.replace(/(\d),(\d{3})\b/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)) {
      ground.numbers.add(Number(digits[0]));
    }
    ground.words.push('');
    pushAll(ground.words, quote.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  }
  return ground;
}

export function isGrounded(figure: Figure, ground: FigureGround): boolean {
  switch (figure.kind) {
    case 'money':
      return ground.money.has(moneyKey(figure.currency, figure.value));
    case 'percent':
      return ground.percents.has(figure.value);
    case 'number':
      return ground.numbers.has(figure.value) || (isYear(figure.text) && ground.years.has(figure.value));
    case 'date':
      return ground.dates.has(figure.key);
    case 'token':
      return spelledByWords(figure.key, ground.words);
  }
}

function isYear(text: string): boolean {
  return /^(?:1[89]|2\d)\d\d$/.test(text);
}

/** The figures of `text` that none of `quotes` contains (nor, for a year or a date, `documentDates`). */
export function ungroundedFigures(text: string, quotes: readonly string[], documentDates: readonly string[] = []): Figure[] {
  const figures = extractFigures(text);
  if (figures.length === 0) return [];
  const ground = groundFromQuotes(quotes, documentDates);
  return figures.filter((f) => !isGrounded(f, ground));
}

/**
 * Whether some run of whole consecutive words spells `key`: "RX-Line-1" is in "RX-Line 1",
 * but "o1" is not in "to 1" and "RX-1" is not in "RX-10".
 */
function spelledByWords(key: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && words[j] !== '' && joined.length < key.length; j++) {
      joined += words[j];
      if (joined === key) return true;
    }
  }
  return false;
}

function moneyKey(currency: string, value: number): string {
  return `${currency}${value}`;
}

function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
