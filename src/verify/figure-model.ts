// A figure as a value: what the figure rule compares. See figure-parse.ts for how text is read.
import type { QualifierKind } from './figure-lexicon.js';

export type { QualifierKind };
export type DatePrecision = 'year' | 'half' | 'quarter' | 'month' | 'day';

interface FigureBase {
  /** As written in the text (the quantity, without a qualifier). */
  text: string;
  /** Offsets of `text` in the text as written. */
  start: number;
  end: number;
  /** "more than", "about", "up to", "or more"…: the figure is a bound or an estimate (`after`: written after it). */
  qualifier?: { kind: QualifierKind; text: string; after?: boolean };
  /**
   * A figure a quote states without it being one a statement must ground: "both companies" states
   * two companies, "the third round" a rank (ranks in words are words for the support rule).
   */
  quoteOnly?: boolean;
}

/** A quantity: one value, or a range [value, high]; a vague one ("tens of billions") is the range [value, high). */
export interface Quantity {
  value: number;
  high?: number;
  vague?: boolean;
  /** A rate: "$20 a month" is per "month"; "per user per month" is "user/month". */
  per?: string;
  /** An explicit sign: "−5%" is -1 (the value stays 5), "+3%" is 1; none for most figures. */
  sign?: -1 | 1;
}

export type MoneyFigure = FigureBase & Quantity & { kind: 'money'; /** ISO 4217 code. */ currency: string };
/** A share, in percent: "40%", "forty percent", "half of", "one in five" (20), "two-thirds". */
export type PercentFigure = FigureBase & Quantity & { kind: 'percent' };
/** Percentage points ("5 percentage points", "50 basis points" is 0.5): not a share. */
export type PointsFigure = FigureBase & Quantity & { kind: 'points' };
/** A count or a plain number, with the content words that follow it (its unit noun, lemmatised), if any. */
export type NumberFigure = FigureBase & Quantity & { kind: 'number'; unit: string[] };
/** "twice", "tripled", "3x", "tenfold", "five times". */
export type MultipleFigure = FigureBase & { kind: 'multiple'; value: number };
/** "the third round", "21st": a rank, with the words that follow it. */
export type OrdinalFigure = FigureBase & { kind: 'ordinal'; value: number; unit: string[] };
/**
 * A date at the precision written: the period from `from` to `until` (YYYY-MM-DD, inclusive). A
 * day or a part of a year written without its year ("15 March", "the third quarter") has no
 * period but `recurring` ("03-15", "Q3", "H2").
 */
export type DateFigure = FigureBase & {
  kind: 'date';
  precision: DatePrecision;
  from: string;
  until: string;
  recurring?: string;
  /** A fiscal year or a part of one ("fiscal 2021"): not the calendar's. */
  fiscal?: boolean;
  /** A year written as a bare number ("2021"), also read as that number with the words after it. */
  bare?: { value: number; unit: string[] };
};
/** A word written with digits ("RX-1", "XR-4o", "5G"): compared as a word, by its letters and digits (lower case). */
export type TokenFigure = FigureBase & { kind: 'token'; key: string };

export type Figure = MoneyFigure | PercentFigure | PointsFigure | NumberFigure | MultipleFigure | OrdinalFigure | DateFigure | TokenFigure;
export type QuantityFigure = MoneyFigure | PercentFigure | PointsFigure | NumberFigure;
