// Figures in prose, read as values (figure-parse.ts) and grounded in quotes (figure-ground.ts): a
// statement's figures must be stated by its quotes; a date may instead contain the date of a
// document it cites.
import { pushAll } from '../common/arrays.js';
import { describeFigure, writtenFigure } from './figure-display.js';
import { CURRENCY_SIGNS, DENOMINATORS, MULTIPLE_WORDS, ORDINALS, SCALE_WORDS, TENS, UNITS, VAGUE_PLURALS } from './figure-lexicon.js';
import type { Figure } from './figure-model.js';
import { closestFigure, groundingOf, type FigureGround } from './figure-ground.js';
import { parseFigures } from './figure-parse.js';
import { foldFigureText } from './figure-tokens.js';

export type { DateFigure, DatePrecision, Figure, MoneyFigure, NumberFigure, PercentFigure, QualifierKind } from './figure-model.js';
export type { FigureGround } from './figure-ground.js';
export { describeFigure, writtenFigure };

/**
 * Text as the figure rule reads it: compatibility forms folded (NFKC: full-width ＄２０２１ is
 * $2021) and every Unicode decimal digit (Arabic-Indic ٢٠٢١, Devanagari २०२१…) written as its
 * ASCII digit, so no way of writing a number escapes the rule.
 */
export function figureText(text: string): string {
  return foldFigureText(text).text;
}

// Text with neither a digit nor a number word has no figure: most prose is read with one test.
const NUMBER_WORDS = [...UNITS.keys(), ...TENS.keys(), ...SCALE_WORDS.keys(), ...VAGUE_PLURALS.keys(), ...ORDINALS.keys(), ...DENOMINATORS.keys(), ...MULTIPLE_WORDS.keys(), 'hundred', 'dozen', 'tens', 'both'];
const MAY_HAVE_FIGURES = new RegExp(`\\d|\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'i');

/** Parsed texts: quotes are read once per process however many statements cite them (bounded in texts and characters). */
const parsed = new Map<string, Figure[]>();
const PARSED_LIMIT = 20_000;
const PARSED_CHARACTERS = 16_000_000;
let parsedCharacters = 0;

/** Every figure of a text, in order, with its place (offsets into `written`). The result is shared: do not modify it. */
export function extractFigures(written: string): Figure[] {
  const cached = parsed.get(written);
  if (cached) return cached;
  const figures = MAY_HAVE_FIGURES.test(figureText(written)) ? parseFigures(written) : [];
  if (parsed.size >= PARSED_LIMIT || parsedCharacters + written.length > PARSED_CHARACTERS) {
    parsed.clear();
    parsedCharacters = 0;
  }
  parsed.set(written, figures);
  parsedCharacters += written.length;
  return figures;
}

/**
 * Where the figures of a text are (numbers in words included, with their scale, currency and
 * percentage words), as [start, end) offsets into `written`: for checks of a statement's other
 * words, which leave figures to this rule. Qualifiers ("more than") and unit nouns are not part of a figure's span.
 */
export function figureSpans(written: string): { start: number; end: number }[] {
  return extractFigures(written)
    .filter((f) => !f.quoteOnly)
    .map((f) => ({ start: f.start, end: f.end }));
}

/** What the quotes of a statement offer to ground its figures (and the dates of the documents cited). */
export function groundFromQuotes(quotes: readonly string[], documentDates: readonly string[] = []): FigureGround {
  const ground: FigureGround = { figures: [], words: [], documentDates: [...documentDates] };
  for (const quote of quotes) {
    for (const f of extractFigures(quote)) ground.figures.push(f);
    ground.words.push('');
    pushAll(ground.words, figureText(quote).normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  }
  return ground;
}

/** A figure of a statement that its quotes do not state, or state only with a qualifier it drops. */
export type FigureFinding =
  | { figure: Figure; status: 'ungrounded'; closest?: Figure }
  | { figure: Figure; status: 'qualifier-dropped'; by: Figure };

/** The figures of `text` that `quotes` (or, for a date, `documentDates`) do not ground. */
export function figureFindings(text: string, quotes: readonly string[], documentDates: readonly string[] = []): FigureFinding[] {
  const figures = extractFigures(text);
  if (figures.length === 0) return [];
  const ground = groundFromQuotes(quotes, documentDates);
  const findings: FigureFinding[] = [];
  for (const figure of figures) {
    if (figure.quoteOnly) continue;
    const g = groundingOf(figure, ground);
    if (g.status === 'qualifier-dropped') findings.push({ figure, status: 'qualifier-dropped', by: g.by });
    else if (g.status === 'ungrounded') {
      const closest = closestFigure(figure, ground.figures);
      findings.push(closest ? { figure, status: 'ungrounded', closest } : { figure, status: 'ungrounded' });
    }
  }
  return findings;
}

/** The figures of `text` that none of `quotes` states (nor, for a date, `documentDates`). */
export function ungroundedFigures(text: string, quotes: readonly string[], documentDates: readonly string[] = []): Figure[] {
  return figureFindings(text, quotes, documentDates)
    .filter((f) => f.status === 'ungrounded')
    .map((f) => f.figure);
}

const SIGN_OF_CURRENCY = new Map([...CURRENCY_SIGNS].map(([sign, code]) => [code, sign]));

/** How an amount's currency is shown: its sign for the dollar, euro, pound and yen ("$"), else its ISO code ("CHF"). */
export function currencyShown(code: string): string {
  return ['USD', 'EUR', 'GBP', 'JPY'].includes(code) ? (SIGN_OF_CURRENCY.get(code) as string) : code;
}

/** A figure's value as a key: "$13.75 billion" and "$13.75bn" have one key, "RX-1" and "RX 1" too. */
export function figureKey(f: Figure): string {
  return f.kind === 'token' ? `token ${f.key}` : `${f.kind} ${describeFigure(f)}`;
}

/** `"$5 billion" (USD 5,000,000,000)`: a figure as written, and its value when that says more. */
export function figureWithValue(f: Figure): string {
  const written = writtenFigure(f);
  const value = describeFigure(f);
  return value === written || f.kind === 'token' ? `"${written}"` : `"${written}" (${value})`;
}
