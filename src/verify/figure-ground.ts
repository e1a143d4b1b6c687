// Whether a figure of a statement is one its quotes state: the same value, in the same unit or
// currency, of the same kind; a date at least as precise; a bound or an estimate kept as such.
//
// Decisions (docs/checks.md, "each figure in a statement is stated by one of its quotes as a value"):
// - A bare number in a quote never grounds a currency, a percentage or a unit noun the statement
//   adds ("5 billion" does not ground "$5 billion"); a bare number in the statement is grounded by
//   a count or an amount of money of the same value ("5 billion" by "$5 billion").
// - A count with a unit noun needs a quote count of the same value whose words after it share a
//   word with the statement's ("150 employees" by "150 full-time employees", not by "150 staff").
// - A range is grounded by the same range; a quote's range grounds no single value, and a vague
//   quantity ("tens of billions") grounds no precise one; a vague one in the statement is grounded
//   by a precise one inside it.
// - A qualifier must survive: "more than $3 billion" is grounded by "more than $3 billion" or
//   "over $3 billion"; "$3 billion" grounded only by "more than $3 billion" is a warning
//   (figure-qualifier-dropped), "more than $3 billion" grounded by "$3 billion" an error. An
//   estimate ("about $3 billion") may round an exact or nearly figure.
// - A date is grounded by a date of its quotes inside its period ("Q3 2021" by "July 2021" or "the
//   third quarter of 2021", never by "2021"), or by the date of a document cited inside its period.
import type { QualifierKind } from './figure-lexicon.js';
import type { DateFigure, Figure, NumberFigure, OrdinalFigure, Quantity } from './figure-model.js';

/** What a statement's figures are compared with: the figures and words of its quotes, the dates of the documents cited. */
export interface FigureGround {
  figures: Figure[];
  /** The quotes' words, lower case, letters and digits only, in order (quotes separated by ''). */
  words: string[];
  /** YYYY-MM-DD of the documents cited (as the documents give them). */
  documentDates: string[];
}

export type Grounding =
  | { status: 'grounded' }
  /** Grounded only by figures with a qualifier the statement drops. */
  | { status: 'qualifier-dropped'; by: Figure }
  | { status: 'ungrounded' };

export function groundingOf(figure: Figure, ground: FigureGround): Grounding {
  if (figure.kind === 'token') return spelledByWords(figure.key, ground.words) ? { status: 'grounded' } : { status: 'ungrounded' };
  if (figure.kind === 'date' && ground.documentDates.some((d) => dateInside(d, figure))) return { status: 'grounded' };
  let dropped: Figure | undefined;
  for (const q of ground.figures) {
    if (!sameValue(figure, q)) continue;
    const fit = qualifierFit(qualifierOf(figure), qualifierOf(q));
    if (fit === 'ok') return { status: 'grounded' };
    if (fit === 'dropped') dropped ??= q;
  }
  return dropped ? { status: 'qualifier-dropped', by: dropped } : { status: 'ungrounded' };
}

function qualifierOf(f: Figure): QualifierKind | undefined {
  return f.kind === 'date' || f.kind === 'token' ? undefined : f.qualifier?.kind;
}

/** Whether a statement's qualifier agrees with a quote's: the same bound, or an estimate of an exact or nearly figure. */
function qualifierFit(statement: QualifierKind | undefined, quote: QualifierKind | undefined): 'ok' | 'dropped' | 'no' {
  if (statement === quote) return 'ok';
  if (statement === undefined) return 'dropped';
  if (statement === 'about') return quote === undefined || quote === 'nearly' ? 'ok' : 'no';
  return 'no';
}

/** The statement's figure `s` and the quote's figure `q` state the same value. */
function sameValue(s: Figure, q: Figure): boolean {
  switch (s.kind) {
    case 'money':
      return q.kind === 'money' && q.currency === s.currency && sameQuantity(s, q);
    case 'percent':
    case 'points':
      return q.kind === s.kind && sameQuantity(s, q);
    case 'number':
      return sameCount(s, q);
    case 'multiple':
      return q.kind === 'multiple' && q.value === s.value;
    case 'ordinal':
      return q.kind === 'ordinal' && q.value === s.value && unitsAgree(s, q.unit);
    case 'date':
      return q.kind === 'date' ? dateWithin(q, s) : q.kind === 'number' && s.bare !== undefined && q.high === undefined && !q.vague && q.value === s.bare.value && unitsAgree(s.bare, q.unit);
    case 'token':
      return false;
  }
}

function sameQuantity(s: Quantity, q: Quantity): boolean {
  if (s.per !== q.per) return false;
  // A sign the statement writes must be the quote's: "−5%" is not grounded by "5%" (nor "+5%" by "−5%"); "fell 5%" by "−5%" is.
  if ((s.sign === -1 && q.sign !== -1) || (s.sign === 1 && q.sign === -1)) return false;
  if (s.vague) {
    // "tens of billions" is stated by the same vague quantity, or by one value inside it.
    if (q.vague) return q.value === s.value && q.high === s.high;
    return q.high === undefined && q.value >= s.value && q.value < (s.high as number);
  }
  return !q.vague && q.value === s.value && q.high === s.high;
}

function sameCount(s: NumberFigure, q: Figure): boolean {
  if (q.kind === 'number') return sameQuantity(s, q) && unitsAgree(s, q.unit);
  // A bare number of the statement is stated by an amount of money of that value ("5 billion" by "$5 billion").
  if (q.kind === 'money') return s.unit.length === 0 && sameQuantity(s, q);
  // "2,000 employees" by "2000 employees" (a year-like number is also its number).
  if (q.kind === 'date' && q.bare) return s.high === undefined && !s.vague && s.per === undefined && s.value === q.bare.value && unitsAgree(s, q.bare.unit);
  return false;
}

/** A statement's unit words agree with a quote's when it has none, or they share one. */
function unitsAgree(s: Pick<NumberFigure | OrdinalFigure, 'unit'>, quoteUnit: readonly string[]): boolean {
  return s.unit.length === 0 || s.unit.some((u) => quoteUnit.includes(u));
}

/** Quote date `q` lies within the statement's date `s`: at least as precise, inside its period. */
function dateWithin(q: DateFigure, s: DateFigure): boolean {
  if (Boolean(q.fiscal) !== Boolean(s.fiscal)) return false;
  if (s.recurring !== undefined) {
    if (q.recurring !== undefined) return q.recurring === s.recurring && q.precision === s.precision;
    if (s.precision === 'day') return q.precision === 'day' && q.from.slice(5) === s.recurring;
    // "the third quarter" (no year) by "Q3 2021" or "August 2021".
    const [first, last] = recurringMonths(s.recurring);
    const from = Number(q.from.slice(5, 7));
    const until = Number(q.until.slice(5, 7));
    return q.from.slice(0, 4) === q.until.slice(0, 4) && from >= first && until <= last;
  }
  if (q.recurring !== undefined) return false;
  return q.from >= s.from && q.until <= s.until;
}

function recurringMonths(key: string): [number, number] {
  const n = Number(key.slice(1));
  const size = key[0] === 'Q' ? 3 : 6;
  return [(n - 1) * size + 1, n * size];
}

/** A document's date (YYYY-MM-DD) inside a statement's date: "September 2023" or "Q3 2023" of a document dated 2023-09-25. */
function dateInside(day: string, s: DateFigure): boolean {
  if (s.fiscal) return false;
  if (s.recurring !== undefined) return s.precision === 'day' ? day.slice(5) === s.recurring : false;
  return day >= s.from && day <= s.until;
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

/** Figures of another kind are not named as the closest ("7" is not near "$2 billion"). */
const OTHER_KIND = 10;

/** The figure of the quotes closest to `figure`: of its kind (and currency) first, then nearest in value or date; none of its kind, none. */
export function closestFigure(figure: Figure, candidates: readonly Figure[]): Figure | undefined {
  let best: Figure | undefined;
  let bestScore = OTHER_KIND;
  for (const q of candidates) {
    const score = distance(figure, q);
    if (score < bestScore) {
      best = q;
      bestScore = score;
    }
  }
  return best;
}

function distance(s: Figure, q: Figure): number {
  const kindGap = s.kind === q.kind ? 0 : (s.kind === 'number' && q.kind === 'money') || (s.kind === 'money' && q.kind === 'number') ? 5 : OTHER_KIND;
  if (s.kind === 'token' || q.kind === 'token') return kindGap;
  if (s.kind === 'date' || q.kind === 'date') {
    if (s.kind !== 'date' || q.kind !== 'date') return OTHER_KIND;
    const a = s.from || '2000-01-01';
    const b = q.from || '2000-01-01';
    return kindGap + Math.min(4, Math.abs(Date.parse(a) - Date.parse(b)) / (365.25 * 86_400_000));
  }
  const currencyGap = s.kind === 'money' && q.kind === 'money' && s.currency !== q.currency ? 2 : 0;
  const ratio = Math.abs(Math.log10((Math.abs(s.value) + 1e-9) / (Math.abs(q.value) + 1e-9)));
  // A count and an amount of money are near only when their values are ("5 billion", "$5 billion").
  if (kindGap > 0 && ratio > 1) return OTHER_KIND;
  return kindGap + currencyGap + Math.min(4, ratio / 4);
}
