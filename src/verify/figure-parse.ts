// Reading figures out of prose as values: money with its currency and scale, shares, percentage
// points, counts with their unit nouns, multiples, ranks, dates at the precision written, and
// words written with digits. Numbers in words ("five billion dollars", "forty percent", "a dozen",
// "two-thirds", "one in five", "twice") are read like numbers in digits.
//
// Decisions (README, "Figures are values"):
// - "one", "a" and "an" alone are no figure ("one article says"); with a scale, a percentage or a
//   fraction they are ("one billion", "one percent", "one in five", "a third of").
// - A scale abbreviation needs a word boundary: "$5bn", "$5B"; a single letter only attached to the
//   digits and not followed by "-" or "&" and a letter ("a $5 T-shirt" is $5, "$100 M&A" is $100).
// - A four-digit number from 1800 to 2199 written without a separator is a year; it is also the
//   number itself for grounding a count ("2000 employees").
// - Ordinals are figures ("the third round" needs a third round in its quotes), except in
//   "third party", "first-hand", "second-hand", "at first", "first of all", "a second" (time).
// - A range is "X-Y", "X–Y", "between X and Y", or "X to Y" where X has no unit of its own
//   ("10 to 20 percent"); "from X to Y" and "2% to 51%" are two figures. A range of dates is its two ends.
// - Vague quantities ("tens of billions", "hundreds of jobs", "dozens of") are ranges marked vague.
import {
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SIGNS,
  DENOMINATORS,
  DOLLAR_ADJECTIVES,
  DOLLAR_PREFIXES,
  DURATION_UNITS,
  lemma,
  looksPlural,
  MONTH_NAMES,
  MULTIPLE_WORDS,
  ORDINALS,
  POSTFIX_QUALIFIERS,
  QUALIFIERS,
  RATE_ADVERBS,
  RATE_UNITS,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  STOP_WORDS,
  TENS,
  TIME_UNITS,
  UNIT_MODIFIERS,
  UNITS,
  VAGUE_PLURALS,
  type QualifierKind,
} from './figure-lexicon.js';
import type { DateFigure, DatePrecision, Figure } from './figure-model.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A figure before its text is cut from the text as written; offsets in the folded text. */
type Unplaced = DistributiveOmit<Figure, 'text'>;
import { foldFigureText, tokenize, type Token } from './figure-tokens.js';

const YEAR_MIN = 1800;
const YEAR_MAX = 2199;
const DASHES = new Set(['-', '–', '—', '‒']);
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
/** Letters that may touch digits in a figure ("5bn", "3rd", "10x", "5pc"); any other makes the word a token ("GPT-4o", "5G"). */
const NUMERIC_SUFFIXES = new Set([...SCALE_ABBREVIATIONS.keys(), ...ORDINAL_SUFFIX, 'x', 'pc', 'pct', 'pp', 'ppt', 'bps', 'bp']);
const YEAR_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late']);
const HALF_FOLLOWERS = new Set(['of', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'that', 'this', 'those', 'these']);

/** What a quantity's suffix made it. */
type Kind = 'money' | 'percent' | 'points' | 'number' | 'multiple' | 'ordinal';

interface NumberRead {
  value: number;
  /** The number before its last scale ("2" of "2 billion") and that scale (1 when none). */
  raw: number;
  factor: number;
  next: number;
  /** The number was "one" alone. */
  lone: boolean;
  scaled: boolean;
}

interface AmountRead {
  kind: Kind;
  value: number;
  high?: number;
  vague?: boolean;
  currency?: string;
  per?: string;
  unit?: string[];
  /** A year-like number with nothing that makes it a quantity. */
  yearLike: boolean;
  /** Offsets in the folded text, and the next token. */
  start: number;
  end: number;
  next: number;
  postfix?: { kind: QualifierKind; start: number; end: number };
}

const DAY_MS = 86_400_000;

const QUALIFIERS_BY_FIRST_WORD = new Map<string, (readonly [readonly string[], QualifierKind])[]>();
for (const entry of QUALIFIERS) {
  const first = entry[0][0] as string;
  QUALIFIERS_BY_FIRST_WORD.set(first, [...(QUALIFIERS_BY_FIRST_WORD.get(first) ?? []), entry]);
}

/** Words a figure may start with (lower case); any other word starts one only with a digit or a "$" joined to it. */
const TRIGGER_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_NAMES.keys(),
  ...ORDINALS.keys(),
  ...UNITS.keys(),
  ...TENS.keys(),
  ...MULTIPLE_WORDS.keys(),
  ...VAGUE_PLURALS.keys(),
  ...QUALIFIERS.map(([words]) => words[0] as string),
  'a',
  'an',
  'half',
  'both',
  'tens',
]);

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

function isYearNumber(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'num' && !t.separated && t.text.length === 4 && t.value >= YEAR_MIN && t.value <= YEAR_MAX;
}

class FigureReader {
  readonly figures: Figure[] = [];
  private readonly n: number;

  constructor(
    private readonly tokens: Token[],
    private readonly folded: string,
    private readonly toWritten: (offset: number) => number,
    private readonly written: string,
  ) {
    this.n = tokens.length;
  }

  read(): Figure[] {
    for (let i = 0; i < this.n; ) i = this.skippable(i) ? i + 1 : (this.group(i) ?? this.date(i) ?? this.quantity(i) ?? this.wordFigure(i) ?? i + 1);
    return this.figures;
  }

  /** A token no figure starts with: a sign that is no currency, a word that is no number, month, qualifier or currency, and has no digit joined to it. */
  private skippable(i: number): boolean {
    const t = this.tokens[i] as Token;
    if (t.kind === 'num') return false;
    if (t.kind === 'sign') return !CURRENCY_SIGNS.has(t.text) && t.text !== '~';
    if (TRIGGER_WORDS.has(t.lower) || (t.text.length === 3 && CURRENCY_CODES.has(t.text)) || t.text === 'Q' || t.text === 'H') return false;
    const next = this.tokens[i + 1];
    return next === undefined || next.space;
  }

  // ——— tokens ———

  private word(i: number, ...words: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'word' && words.includes(t.lower);
  }

  private sign(i: number, ...signs: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'sign' && signs.includes(t.text);
  }

  /** Token `i` touches the one before it (no white space between). */
  private attached(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && i > 0 && !t.space;
  }

  /** A dash between two tokens, with or without spaces: the index after it, or undefined. */
  private dashAt(i: number): number | undefined {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'sign' && DASHES.has(t.text) ? i + 1 : undefined;
  }

  /** A hyphen joining token i-1 and i+1 (no spaces). */
  private hyphenJoin(i: number): boolean {
    return this.sign(i, '-', '‐', '‑') && this.attached(i) && this.attached(i + 1);
  }

  private push(figure: Unplaced, qualifier?: { kind: QualifierKind; start: number; end: number }): void {
    const out = figure as Figure;
    const start = this.toWritten(figure.start);
    const end = this.toWritten(figure.end);
    out.start = start;
    out.end = end;
    out.text = this.written.slice(start, end);
    if (qualifier) {
      const qs = this.toWritten(qualifier.start);
      const qe = this.toWritten(qualifier.end);
      out.qualifier = { kind: qualifier.kind, text: this.written.slice(qs, qe), ...(qs >= end ? { after: true } : {}) };
    }
    this.figures.push(out);
  }

  // ——— words with digits ———

  /** The end (exclusive) of the run of letters and digits starting at `i`, joined directly or by "-" or ".". */
  private groupEnd(i: number): number {
    let j = i + 1;
    while (j < this.n) {
      const t = this.tokens[j] as Token;
      if (t.kind !== 'sign' && !t.space) j++;
      else if (t.kind === 'sign' && (DASHES.has(t.text) || t.text === '.') && !t.space && this.tokens[j + 1]?.kind !== 'sign' && this.tokens[j + 1] !== undefined && !(this.tokens[j + 1] as Token).space) j += 2;
      else break;
    }
    return j;
  }

  /** Whether token i continues the run of letters and digits before it ("4" of "RX-4"). */
  private continuesRun(i: number): boolean {
    const t = this.tokens[i] as Token;
    const prev = this.tokens[i - 1];
    if (!prev || t.space) return false;
    if (prev.kind !== 'sign') return true;
    return (DASHES.has(prev.text) || prev.text === '.') && !prev.space && this.tokens[i - 2] !== undefined && this.tokens[i - 2]?.kind !== 'sign';
  }

  /** A word written with digits that is no number ("RX-1", "GPT-4o", "5G", "COVID-19"): one token figure. */
  private group(i: number): number | undefined {
    const first = this.tokens[i] as Token;
    if (first.kind === 'sign' || this.continuesRun(i)) return undefined;
    const end = this.groupEnd(i);
    const run = this.tokens.slice(i, end);
    if (!run.some((t) => t.kind === 'num') || !run.some((t) => t.kind === 'word')) return undefined;
    if (this.numericRun(run)) return undefined;
    const last = run[run.length - 1] as Token;
    this.push({ kind: 'token', key: compactKey(this.folded.slice(first.start, last.end)), start: first.start, end: last.end });
    return end;
  }

  /** Whether a run of letters and digits is a number with its suffix or prefix ("5bn", "3rd", "Q3", "20-year", "mid-2023"). */
  private numericRun(run: Token[]): boolean {
    for (let k = 0; k < run.length; k++) {
      const t = run[k] as Token;
      if (t.kind !== 'word') continue;
      const before = run[k - 1];
      const after = run[k + 1];
      const quarterOrHalf = (t.lower === 'q' || t.lower === 'h') && t.text === t.text.toUpperCase();
      // A letter touching digits.
      if (before?.kind === 'num' && !t.space) {
        if (NUMERIC_SUFFIXES.has(t.lower)) continue;
        if (quarterOrHalf && before.value >= 1 && before.value <= 4 && !before.separated) continue;
        return false;
      }
      if (after?.kind === 'num' && !after.space) {
        if (quarterOrHalf && after.value >= 1 && after.value <= 4 && !after.separated) continue;
        return false;
      }
      // Joined by a hyphen or a dot.
      if (before?.kind === 'sign') {
        const num = run[k - 2];
        if (before.text === '.' || num?.kind !== 'num') return false;
        // "20-year", "13.75-billion", "3-fold": a lower-case word after a number.
        if (t.text !== t.lower || t.text.length < 2) {
          if (!(quarterOrHalf && isYearNumber(num))) return false;
        }
        continue;
      }
      if (after?.kind === 'sign') {
        const num = run[k + 2];
        if (after.text === '.' || num?.kind !== 'num') continue;
        if (YEAR_PREFIXES.has(t.lower) && isYearNumber(num)) continue;
        return false;
      }
    }
    return true;
  }

  // ——— dates ———

  private date(i: number): number | undefined {
    const days = this.dayRange(i);
    if (days !== undefined) return days;
    const first = this.point(i, true);
    if (!first) return undefined;
    let { next } = first;
    const connector = this.rangeConnector(next);
    if (connector !== undefined) {
      const second = this.point(connector, true);
      if (second && second.date.precision === first.date.precision && !first.hasYear && second.hasYear) {
        // "Oct–Dec 2022", "Q1–Q3 2025", "15–17 March 2021": the first end takes the year of the second.
        const dated = withYear(first.date, Number(second.date.from.slice(0, 4)));
        if (dated) {
          this.push(dated);
          this.push(second.date);
          return second.next;
        }
      }
    }
    if (!first.hasYear && !first.standalone) return undefined;
    this.push(first.date);
    return next;
  }

  /** "15–17 March 2021": two days of one month. */
  private dayRange(i: number): number | undefined {
    const a = this.dayAt(i);
    const dash = a ? this.dashAt(a.next) : undefined;
    const b = dash !== undefined ? this.dayAt(dash) : undefined;
    if (!a || !b || b.day <= a.day) return undefined;
    const m = this.monthAt(b.next);
    const y = m ? this.yearAfter(m.next) : undefined;
    if (!m || !y || !realDay(y.year, m.month, a.day) || !realDay(y.year, m.month, b.day)) return undefined;
    const first = iso(y.year, m.month, a.day);
    const second = iso(y.year, m.month, b.day);
    this.push(dateFigure('day', first, first, (this.tokens[i] as Token).start, (this.tokens[a.next - 1] as Token).end));
    this.push(dateFigure('day', second, second, (this.tokens[dash as number] as Token).start, y.end));
    return y.next;
  }

  private rangeConnector(i: number): number | undefined {
    const dash = this.dashAt(i);
    if (dash !== undefined) return dash;
    if (this.sign(i, '/')) return i + 1;
    if (this.word(i, 'to', 'through', 'until', 'and')) return i + 1;
    return undefined;
  }

  /**
   * A date starting at token i: the date, the next token, whether it has a year, and whether it
   * stands as a figure without one (a day "15 March", a part "Q3"; a month alone is no figure).
   */
  private point(i: number, allowNoYear: boolean): { date: DateFigure & { start: number; end: number }; next: number; hasYear: boolean; standalone: boolean } | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'num') return this.numericDate(i) ?? this.dayMonth(i, allowNoYear) ?? this.partDate(i) ?? this.yearDate(i);
    if (t.kind === 'word') return this.monthFirst(i, allowNoYear) ?? this.partDate(i) ?? this.prefixedYear(i);
    return undefined;
  }

  /** "2021-03-15", "2021/03/15", "2021-03", "2025-Q3", "2025-H1". */
  private numericDate(i: number) {
    const y = this.tokens[i];
    if (!isYearNumber(y)) return undefined;
    const sep = this.tokens[i + 1];
    if (!sep || sep.kind !== 'sign' || sep.space || !(sep.text === '-' || sep.text === '/')) return undefined;
    const a = this.tokens[i + 2];
    if (!a || a.space) return undefined;
    const year = y.value;
    if (a.kind === 'word' && (a.text === 'Q' || a.text === 'H') && sep.text === '-') {
      const part = this.tokens[i + 3];
      if (part?.kind !== 'num' || part.space) return undefined;
      const date = partPeriod(year, a.text, part.value);
      return date ? { date: { ...date, start: y.start, end: part.end }, next: i + 4, hasYear: true, standalone: true } : undefined;
    }
    if (a.kind !== 'num' || a.text.length !== 2) return undefined;
    const month = a.value;
    const sep2 = this.tokens[i + 3];
    const d = this.tokens[i + 4];
    if (sep2 && sep2.kind === 'sign' && sep2.text === sep.text && !sep2.space && d?.kind === 'num' && !d.space && d.text.length === 2) {
      if (!realDay(year, month, d.value)) return undefined;
      const day = iso(year, month, d.value);
      return { date: dateFigure('day', day, day, y.start, d.end), next: i + 5, hasYear: true, standalone: true };
    }
    if (sep.text !== '-' || month < 1 || month > 12) return undefined;
    // "2019-20" is no month; "2019-2025" is read as two years.
    return { date: dateFigure('month', iso(year, month, 1), iso(year, month, lastDay(year, month)), y.start, a.end), next: i + 3, hasYear: true, standalone: true };
  }

  /** A month's name at token i (capitalised: "may" is a verb), and the token after it (and its dot). */
  private monthAt(i: number): { month: number; next: number } | undefined {
    const t = this.tokens[i];
    if (t?.kind !== 'word' || t.text[0] !== t.text[0]?.toUpperCase()) return undefined;
    const month = MONTH_NAMES.get(t.lower);
    if (month === undefined) return undefined;
    return { month, next: this.sign(i + 1, '.') && !(this.tokens[i + 1] as Token).space ? i + 2 : i + 1 };
  }

  /** A year after a month or a day, with an optional comma or "of" before it. */
  private yearAfter(i: number): { year: number; end: number; next: number; fiscal: boolean } | undefined {
    let j = i;
    if (this.sign(j, ',') || this.word(j, 'of')) j++;
    let fiscal = false;
    if (this.word(j, 'fiscal')) {
      fiscal = true;
      j++;
      if (this.word(j, 'year')) j++;
    }
    const y = this.tokens[j];
    if (!isYearNumber(y)) return undefined;
    return { year: y.value, end: y.end, next: j + 1, fiscal };
  }

  /** A day number (1–31, "15th") at token i, and the token after it. */
  private dayAt(i: number): { day: number; next: number } | undefined {
    const t = this.tokens[i];
    if (t?.kind !== 'num' || t.separated || t.text.length > 2 || t.value < 1 || t.value > 31) return undefined;
    const suffix = this.tokens[i + 1];
    if (suffix?.kind === 'word' && !suffix.space && ORDINAL_SUFFIX.has(suffix.lower)) return { day: t.value, next: i + 2 };
    return { day: t.value, next: i + 1 };
  }

  /** "15 March 2021", "15th Mar. 2021", "15 March" (a day without its year). */
  private dayMonth(i: number, allowNoYear: boolean) {
    const d = this.dayAt(i);
    if (!d) return undefined;
    // "15–17 March 2021": a day, then a range of days.
    const m = this.monthAt(d.next);
    if (!m) return undefined;
    const start = (this.tokens[i] as Token).start;
    const y = this.yearAfter(m.next);
    if (y) {
      if (!realDay(y.year, m.month, d.day)) return undefined;
      const day = iso(y.year, m.month, d.day);
      return { date: { ...dateFigure('day', day, day, start, y.end), ...(y.fiscal ? { fiscal: true } : {}) }, next: y.next, hasYear: true, standalone: true };
    }
    if (!realDay(2000, m.month, d.day)) return undefined;
    const end = (this.tokens[m.next - 1] as Token).end;
    return { date: recurring('day', `${pad(m.month)}-${pad(d.day)}`, start, end), next: m.next, hasYear: false, standalone: allowNoYear };
  }

  /** "March 2021", "Mar. 2021", "March of 2021", "March 15, 2021", "March 15" (no year), "March" (only as a range's start). */
  private monthFirst(i: number, allowNoYear: boolean) {
    const m = this.monthAt(i);
    if (!m) return undefined;
    const start = (this.tokens[i] as Token).start;
    const d = this.dayAt(m.next);
    if (d && !this.sign(d.next, '%')) {
      const y = this.yearAfter(d.next);
      if (y) {
        if (!realDay(y.year, m.month, d.day)) return undefined;
        const day = iso(y.year, m.month, d.day);
        return { date: dateFigure('day', day, day, start, y.end), next: y.next, hasYear: true, standalone: true };
      }
      if (realDay(2000, m.month, d.day) && !isYearNumber(this.tokens[m.next])) {
        const end = (this.tokens[d.next - 1] as Token).end;
        return { date: recurring('day', `${pad(m.month)}-${pad(d.day)}`, start, end), next: d.next, hasYear: false, standalone: allowNoYear };
      }
    }
    const y = this.yearAfter(m.next);
    if (y) {
      const date = dateFigure('month', iso(y.year, m.month, 1), iso(y.year, m.month, lastDay(y.year, m.month)), start, y.end);
      return { date: y.fiscal ? { ...date, fiscal: true } : date, next: y.next, hasYear: true, standalone: true };
    }
    const end = (this.tokens[m.next - 1] as Token).end;
    return { date: recurring('month', pad(m.month), start, end), next: m.next, hasYear: false, standalone: false };
  }

  /** "Q3 2021", "3Q 2021", "H1 2025", "the third quarter of 2021", "first-half 2025"; without a year, a recurring part ("Q3"). */
  private partDate(i: number) {
    const part = this.partAt(i);
    if (!part) return undefined;
    const start = (this.tokens[i] as Token).start;
    const y = this.yearAfter(part.next);
    if (y) {
      const date = partPeriod(y.year, part.kind, part.n);
      if (!date) return undefined;
      return { date: { ...date, start, end: y.end, ...(y.fiscal || part.fiscal ? { fiscal: true } : {}) }, next: y.next, hasYear: true, standalone: true };
    }
    const end = (this.tokens[part.next - 1] as Token).end;
    return { date: recurring(part.kind === 'Q' ? 'quarter' : 'half', `${part.kind}${part.n}`, start, end), next: part.next, hasYear: false, standalone: true };
  }

  /** A half or a quarter: "Q3", "3Q", "H1", "1H", "third quarter", "first-half", "second half". */
  private partAt(i: number): { kind: 'Q' | 'H'; n: number; next: number; fiscal: boolean } | undefined {
    const t = this.tokens[i] as Token;
    const b = this.tokens[i + 1];
    if (t.kind === 'word' && (t.text === 'Q' || t.text === 'H') && b?.kind === 'num' && !b.space && !b.separated) {
      return validPart(t.text, b.value, i + 2);
    }
    if (t.kind === 'num' && !t.separated && b?.kind === 'word' && !b.space && (b.text === 'Q' || b.text === 'H')) return validPart(b.text, t.value, i + 2);
    if (t.kind === 'word') {
      const n = ORDINALS.get(t.lower);
      if (n === undefined || n > 4) return undefined;
      let j = i + 1;
      if (this.hyphenJoin(j)) j++;
      const kind = this.word(j, 'quarter') ? 'Q' : this.word(j, 'half') ? 'H' : undefined;
      if (!kind) return undefined;
      // "the second half of fiscal 2021"
      return validPart(kind, n, j + 1);
    }
    return undefined;
  }

  /** A year on its own ("in 2021", "mid-2023", "fiscal 2021"), also read as its number with the words after it. */
  private yearDate(i: number) {
    const y = this.tokens[i];
    if (!isYearNumber(y) || this.quantityFollows(i + 1) || this.quantityBefore(i)) return undefined;
    const fiscal = this.word(i - 1, 'fiscal') || (this.word(i - 1, 'year') && this.word(i - 2, 'fiscal'));
    const date = dateFigure('year', iso(y.value, 1, 1), iso(y.value, 12, 31), y.start, y.end);
    return { date: { ...date, ...(fiscal ? { fiscal: true } : {}), bare: { value: y.value, unit: this.unitAt(i + 1).unit } }, next: i + 1, hasYear: true, standalone: true };
  }

  /** "mid-2023", "pre-2020": the year. */
  private prefixedYear(i: number) {
    if (!YEAR_PREFIXES.has((this.tokens[i] as Token).lower) || !this.hyphenJoin(i + 1)) return undefined;
    const y = this.tokens[i + 2];
    if (!isYearNumber(y)) return undefined;
    const date = dateFigure('year', iso(y.value, 1, 1), iso(y.value, 12, 31), y.start, y.end);
    return { date, next: i + 3, hasYear: true, standalone: true };
  }

  /** A percent sign, scale or currency name right after a number: it is a quantity, not a year. */
  private quantityFollows(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    if (t.kind === 'sign') return t.text === '%' || (t.text === '+' && !t.space);
    if (t.kind !== 'word') return false;
    if (!t.space && (NUMERIC_SUFFIXES.has(t.lower) || t.lower === 's')) return true;
    return SCALE_WORDS.has(t.lower) || t.lower === 'percent' || t.lower === 'pct' || CURRENCY_NAMES.has(t.lower) || (t.text.length === 3 && CURRENCY_CODES.has(t.text)) || this.word(i, 'per') && this.word(i + 1, 'cent');
  }

  private quantityBefore(i: number): boolean {
    const p = this.tokens[i - 1];
    if (!p) return false;
    if (p.kind === 'sign') return CURRENCY_SIGNS.has(p.text) || p.text === '#';
    return p.text.length === 3 && CURRENCY_CODES.has(p.text);
  }

  // ——— quantities ———

  /** A quantity at token i, with a qualifier before it ("more than $3 billion") or after it ("or more"). */
  private quantity(i: number): number | undefined {
    const q = this.qualifierAt(i);
    const at = q?.next ?? i;
    const from = this.word(at - 1, 'from');
    const between = this.word(at - 1, 'between');
    const read = this.amount(at, { from, between });
    if (!read) return undefined;
    const list = Array.isArray(read) ? read : [read];
    if (list.length === 0) return undefined;
    list.forEach((a, k) => {
      // "over five years" is during them, not more than.
      const duration = a.kind === 'number' && a.unit?.some((u) => DURATION_UNITS.has(u));
      const qual = k === 0 && q && !(q.kind === 'over' && duration) ? { kind: q.kind, start: (this.tokens[i] as Token).start, end: (this.tokens[q.next - 1] as Token).end } : undefined;
      const post = a.postfix ? { kind: a.postfix.kind, start: a.postfix.start, end: a.postfix.end } : undefined;
      this.push(figureOf(a), qual ?? post);
    });
    return (list[list.length - 1] as AmountRead).next;
  }

  private qualifierAt(i: number): { kind: QualifierKind; next: number } | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'sign') return t.text === '~' ? { kind: 'about', next: i + 1 } : undefined;
    if (t.kind !== 'word') return undefined;
    const candidates = QUALIFIERS_BY_FIRST_WORD.get(t.lower);
    if (!candidates) return undefined;
    for (const [words, kind] of candidates) if (this.words(i, words)) return { kind, next: i + words.length };
    return undefined;
  }

  /** Whether the tokens from i on are these words. */
  private words(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) {
      const t = this.tokens[i + k];
      if (t === undefined || t.kind !== 'word' || t.lower !== words[k]) return false;
    }
    return true;
  }

  /** A currency written before an amount: "$", "US$", "€", "USD ". */
  private currencyBefore(i: number): { currency: string; next: number } | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'sign') {
      const currency = CURRENCY_SIGNS.get(t.text);
      return currency ? { currency, next: i + 1 } : undefined;
    }
    if (t.kind !== 'word') return undefined;
    const dollar = this.tokens[i + 1];
    if (dollar?.kind === 'sign' && dollar.text === '$' && !dollar.space && t.text === t.text.toUpperCase()) {
      const currency = DOLLAR_PREFIXES.get(t.lower);
      if (currency) return { currency, next: i + 2 };
    }
    if (t.text.length === 3 && t.text === t.text.toUpperCase() && CURRENCY_CODES.has(t.text) && this.tokens[i + 1]?.kind === 'num') return { currency: t.text, next: i + 1 };
    return undefined;
  }

  /** A number in digits (with its scale) or in words, at token i. */
  private number(i: number): NumberRead | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'num') {
      const scale = this.scaleAt(i + 1);
      const more = scale ? this.wordNumberScale(scale.next) : undefined;
      const factor = (scale?.factor ?? 1) * (more?.factor ?? 1);
      return { value: round(t.value * factor), raw: t.value, factor, next: more?.next ?? scale?.next ?? i + 1, lone: false, scaled: scale !== undefined };
    }
    if (t.kind === 'word') return this.wordNumber(i);
    return undefined;
  }

  /** A scale after digits: "bn" or "B" attached, " billion", "-billion", " bn". */
  private scaleAt(i: number): { factor: number; next: number } | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'word' && !t.space) {
      const factor = SCALE_ABBREVIATIONS.get(t.lower) ?? SCALE_WORDS.get(t.lower);
      if (factor === undefined) return undefined;
      // A letter is a scale only at a word boundary: "$5 T-shirt", "$100 M&A", "5m's" are not.
      const after = this.tokens[i + 1];
      if (after && !after.space && after.kind !== 'sign') return undefined;
      if (after && !after.space && (after.text === '&' || after.text === '’' || after.text === "'" || DASHES.has(after.text)) && this.tokens[i + 2] && !(this.tokens[i + 2] as Token).space && this.tokens[i + 2]?.kind === 'word' && !this.word(i + 2, 'plus')) return undefined;
      return { factor, next: i + 1 };
    }
    if (t.kind === 'sign' && DASHES.has(t.text) && !t.space) {
      const w = this.tokens[i + 1];
      if (w?.kind === 'word' && !w.space && SCALE_WORDS.has(w.lower)) return { factor: SCALE_WORDS.get(w.lower) as number, next: i + 2 };
      return undefined;
    }
    if (t.kind === 'word') {
      if (SCALE_WORDS.has(t.lower)) return { factor: SCALE_WORDS.get(t.lower) as number, next: i + 1 };
      if (t.lower === 'hundred') return { factor: 100, next: i + 1 };
      if (t.lower === 'dozen') return { factor: 12, next: i + 1 };
      // Abbreviations of two letters or more after a space: "5 bn", "2.4 mn" (never "5 M&A").
      if (t.lower.length >= 2 && SCALE_ABBREVIATIONS.has(t.lower) && t.text === t.lower) {
        const after = this.tokens[i + 1];
        if (after && !after.space && after.kind !== 'sign') return undefined;
        return { factor: SCALE_ABBREVIATIONS.get(t.lower) as number, next: i + 1 };
      }
    }
    return undefined;
  }

  /** "hundred thousand": scale words after a scale. */
  private wordNumberScale(i: number): { factor: number; next: number } | undefined {
    const t = this.tokens[i];
    if (t?.kind !== 'word' || !SCALE_WORDS.has(t.lower)) return undefined;
    return { factor: SCALE_WORDS.get(t.lower) as number, next: i + 1 };
  }

  /** A number in words: "five", "twenty-five", "a hundred and twenty", "two and a half million", "half a billion", "a dozen". */
  private wordNumber(i: number): NumberRead | undefined {
    let total = 0;
    let current = 0;
    let factor = 1;
    let j = i;
    // What was read last: it decides what may follow ("five hundred", not "hundred five hundred").
    let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
    const first = (this.tokens[i] as Token).lower;
    if ((first === 'a' || first === 'an') && this.isScaleWord(i + 1)) {
      current = 1;
      last = 'unit';
      j = i + 1;
    } else if (first === 'half' && this.word(i + 1, 'a', 'an') && this.isScaleWord(i + 2)) {
      current = 0.5;
      last = 'unit';
      j = i + 2;
    }
    for (;;) {
      const t = this.tokens[j];
      if (t?.kind !== 'word') break;
      const w = t.lower;
      const unit = UNITS.get(w);
      const tens = TENS.get(w);
      if (unit !== undefined && (last === 'none' || last === 'hundred' || last === 'scale' || (last === 'tens' && unit >= 1 && unit <= 9))) {
        current += unit;
        last = 'unit';
        factor = 1;
        j++;
      } else if (tens !== undefined && (last === 'none' || last === 'hundred' || last === 'scale')) {
        current += tens;
        last = 'tens';
        factor = 1;
        j++;
        const u = this.hyphenJoin(j) ? UNITS.get((this.tokens[j + 1] as Token).lower) : undefined;
        if (u !== undefined && u >= 1 && u <= 9) {
          current += u;
          last = 'unit';
          j += 2;
        }
      } else if (w === 'hundred' && last === 'unit' && current > 0 && current < 100) {
        current *= 100;
        factor = 100;
        last = 'hundred';
        j++;
        const after = this.tokens[j + 1]?.lower ?? '';
        if (this.word(j, 'and') && (UNITS.has(after) || TENS.has(after))) j++;
      } else if ((SCALE_WORDS.has(w) || w === 'dozen') && (last === 'unit' || last === 'tens' || last === 'hundred') && current > 0) {
        const scale = w === 'dozen' ? 12 : (SCALE_WORDS.get(w) as number);
        total += current * scale;
        factor = scale;
        current = 0;
        last = 'scale';
        j++;
        if (w === 'dozen') break;
      } else if (w === 'and' && this.word(j + 1, 'a') && this.word(j + 2, 'half') && (last === 'unit' || last === 'tens') && current > 0) {
        current += 0.5;
        j += 3;
      } else break;
    }
    if (last === 'none') return undefined;
    const value = round(total + current);
    const lone = j === i + 1 && first === 'one';
    return { value, raw: round(value / factor), factor, next: j, lone, scaled: factor !== 1 };
  }

  private isScaleWord(i: number): boolean {
    return this.word(i, 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen');
  }

  /** What kind of quantity the words after a number make it: "%", "percent", "percentage points", "dollars", "times"… */
  private suffixAt(i: number, hasCurrency: boolean): { kind: Kind; factor?: number; currency?: string; next: number } | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'sign') {
      if (t.text === '%') return { kind: 'percent', next: i + 1 };
      if (t.text === '×') return { kind: 'multiple', next: i + 1 };
      // "10-fold"
      if (this.hyphenJoin(i) && this.word(i + 1, 'fold')) return { kind: 'multiple', next: i + 2 };
      return undefined;
    }
    if (t.kind !== 'word') return undefined;
    const w = t.lower;
    if (!t.space) {
      if (w === 'pc' || w === 'pct') return { kind: 'percent', next: i + 1 };
      if (w === 'pp' || w === 'ppt') return { kind: 'points', next: i + 1 };
      if (w === 'bps' || w === 'bp') return { kind: 'points', factor: 0.01, next: i + 1 };
      if (w === 'x') return { kind: 'multiple', next: i + 1 };
      if (ORDINAL_SUFFIX.has(w) && !hasCurrency) return { kind: 'ordinal', next: i + 1 };
    }
    if (w === 'percent' || w === 'pct') return { kind: 'percent', next: i + 1 };
    if (w === 'per' && this.word(i + 1, 'cent')) return { kind: 'percent', next: i + 2 };
    if (w === 'percentage' && this.word(i + 1, 'point', 'points')) return { kind: 'points', next: i + 2 };
    if (w === 'basis' && this.word(i + 1, 'point', 'points')) return { kind: 'points', factor: 0.01, next: i + 2 };
    if (w === 'bps' || (w === 'pp' && t.text === 'pp')) return w === 'bps' ? { kind: 'points', factor: 0.01, next: i + 1 } : { kind: 'points', next: i + 1 };
    if ((w === 'times' || (w === 'fold' && !t.space)) && !hasCurrency) return { kind: 'multiple', next: i + 1 };
    if (!hasCurrency) {
      const name = this.currencyNameAt(i);
      if (name) return { kind: 'money', currency: name.currency, next: name.next };
    }
    return undefined;
  }

  /** "dollars", "US dollars", "Canadian dollars", "euros", "USD" after an amount. */
  private currencyNameAt(i: number): { currency: string; next: number } | undefined {
    const t = this.tokens[i] as Token;
    if (t.kind !== 'word') return undefined;
    if (t.text.length === 3 && t.text === t.text.toUpperCase() && CURRENCY_CODES.has(t.text)) return { currency: t.text, next: i + 1 };
    const name = CURRENCY_NAMES.get(t.lower);
    if (name) return { currency: name, next: i + 1 + (this.word(i + 1, 'sterling') ? 1 : 0) };
    const adjective = DOLLAR_ADJECTIVES.get(t.lower);
    if (adjective && this.word(i + 1, 'dollar', 'dollars')) return { currency: adjective, next: i + 2 };
    // "U.S. dollars"
    if (t.text === 'U' && this.sign(i + 1, '.') && this.word(i + 2, 's') && this.sign(i + 3, '.') && this.word(i + 4, 'dollar', 'dollars')) return { currency: 'USD', next: i + 5 };
    if (t.lower === 'swiss' && this.word(i + 1, 'franc', 'francs')) return { currency: 'CHF', next: i + 2 };
    if (t.lower === 'hong' && this.word(i + 1, 'kong') && this.word(i + 2, 'dollar', 'dollars')) return { currency: 'HKD', next: i + 3 };
    if (t.lower === 'new' && this.word(i + 1, 'zealand') && this.word(i + 2, 'dollar', 'dollars')) return { currency: 'NZD', next: i + 3 };
    return undefined;
  }

  /** A rate after an amount: "a month", "per share", "/month", "per user per month", "annually". */
  private perAt(i: number): { per: string; next: number } | undefined {
    const parts: string[] = [];
    let j = i;
    for (let k = 0; k < 2; k++) {
      const t = this.tokens[j];
      const w = this.tokens[j + 1];
      if (t?.kind === 'word' && RATE_ADVERBS.has(t.lower)) {
        parts.push(RATE_ADVERBS.get(t.lower) as string);
        j += 1;
        continue;
      }
      if (w?.kind !== 'word') break;
      const unit = lemma(w.lower);
      if (this.word(j, 'per') || (this.sign(j, '/') && !w.space)) {
        parts.push(unit);
        j += 2;
      } else if (this.word(j, 'a', 'an', 'each', 'every') && (TIME_UNITS.has(unit) || RATE_UNITS.has(unit))) {
        parts.push(unit);
        j += 2;
      } else if (this.word(j, 'per') && this.word(j + 1, 'annum')) {
        parts.push('year');
        j += 2;
      } else break;
    }
    if (parts.length === 0) return undefined;
    return { per: parts.map((p) => (p === 'annum' ? 'year' : p)).join('/'), next: j };
  }

  /**
   * The unit noun after a count: a plural noun right after it ("150 employees", "150 new
   * employees", "150 full-time employees"; a singular one after one or a rank), or the word of a
   * compound ("five-year" → "year"); up to two nouns. A verb or a preposition after the number ends
   * it ("the two differ": no unit). A rate among them ends them too ("5 million users a month").
   */
  private unitAt(i: number, singular = false): { unit: string[]; per?: string; next: number } {
    const unit: string[] = [];
    let j = i;
    // "five-year": the word joined to the number is its unit, whatever its number.
    if (this.hyphenJoin(j) && this.tokens[j + 1]?.kind === 'word') {
      unit.push(lemma((this.tokens[j + 1] as Token).lower));
      j += 2;
    }
    while (unit.length < 2 && j < this.n) {
      const per = this.perAt(j);
      if (per) return { unit, per: per.per, next: per.next };
      const t = this.tokens[j] as Token;
      if (t.kind !== 'word') break;
      if (this.hyphenJoin(j + 1) && this.tokens[j + 2]?.kind === 'word') {
        // "full-time employees": a compound before the noun.
        j += 3;
        continue;
      }
      if (UNIT_MODIFIERS.has(t.lower)) {
        j++;
        continue;
      }
      if (STOP_WORDS.has(t.lower) || t.lower.length < 2 || !(singular || looksPlural(t.text))) break;
      unit.push(lemma(t.lower));
      j++;
    }
    return { unit, next: i };
  }

  /** "tens of billions of dollars", "hundreds of millions", "hundreds of jobs", "dozens of": a vague quantity [low, high). */
  private vagueAt(i: number): { value: number; high: number; next: number } | undefined {
    const t = this.tokens[i];
    if (t?.kind !== 'word') return undefined;
    if ((t.lower === 'tens' || t.lower === 'hundreds') && this.word(i + 1, 'of')) {
      const times = t.lower === 'tens' ? 10 : 100;
      const scale = VAGUE_PLURALS.get((this.tokens[i + 2] as Token | undefined)?.lower ?? '');
      if (scale !== undefined && scale >= 1e3) return { value: times * scale, high: times * scale * 10, next: i + 3 };
      return { value: times, high: times * 10, next: i + 1 };
    }
    const scale = VAGUE_PLURALS.get(t.lower);
    if (scale === undefined || !this.word(i + 1, 'of', 'in')) return undefined;
    if (t.lower === 'dozens') return { value: 24, high: 144, next: i + 1 };
    return { value: scale, high: scale * 1000, next: i + 1 };
  }

  /** Fractions after a number: "one in five", "3 out of 4", "two-thirds", "one half": a share in percent. */
  private fractionAt(i: number, num: NumberRead): { value: number; next: number } | undefined {
    const t = this.tokens[i];
    if (!t || num.scaled || num.value <= 0 || !Number.isInteger(num.value) || num.value > 100) return undefined;
    if (this.word(i, 'in') || (this.word(i, 'out') && this.word(i + 1, 'of'))) {
      const at = this.word(i, 'in') ? i + 1 : i + 2;
      const d = this.number(at);
      // "1 in 2021" is a rank in a year, not a share.
      if (!d || d.scaled || !Number.isInteger(d.value) || d.value <= num.value || isYearNumber(this.tokens[at])) return undefined;
      return { value: round((num.value / d.value) * 100), next: d.next };
    }
    const j = this.hyphenJoin(i) ? i + 1 : i;
    const den = this.tokens[j]?.kind === 'word' ? DENOMINATORS.get((this.tokens[j] as Token).lower) : undefined;
    if (den === undefined || num.value >= den || num.value > 10) return undefined;
    return { value: round((num.value / den) * 100), next: j + 1 };
  }

  /** "a third of", "a quarter of", "a fifth of": a share; "a third round" is a rank, "a quarter" alone a time. */
  private articleFraction(i: number): { value: number; next: number } | undefined {
    if (!this.word(i, 'a', 'an') || !this.word(i + 2, 'of')) return undefined;
    const den = DENOMINATORS.get((this.tokens[i + 1] as Token | undefined)?.lower ?? '');
    return den === undefined ? undefined : { value: round(100 / den), next: i + 2 };
  }

  /**
   * An amount at token i: money, a share, percentage points, a count, a multiple or a rank, one
   * value or a range. Two amounts for "from X to Y". Undefined when there is none (or it is a year).
   */
  private amount(i: number, context: { from: boolean; between: boolean }): AmountRead | AmountRead[] | undefined {
    const start = this.tokens[i];
    if (!start) return undefined;
    const vague = this.vagueMoney(i);
    if (vague) return vague;
    const share = this.articleFraction(i);
    if (share) return this.finish({ kind: 'percent', value: share.value, yearLike: false, start: start.start, end: this.endOf(share.next), next: share.next });
    const pre = this.currencyBefore(i);
    const at = pre?.next ?? i;
    if (pre && this.tokens[at]?.kind !== 'num') return undefined;
    const low = this.number(at);
    if (!low) return undefined;
    const lowToken = this.tokens[at] as Token;
    if (!pre) {
      const fraction = this.fractionAt(low.next, low);
      if (fraction) return this.finish({ kind: 'percent', value: fraction.value, yearLike: false, start: start.start, end: this.endOf(fraction.next), next: fraction.next });
    }
    let kind: Kind = pre ? 'money' : 'number';
    let factor = 1;
    let currency = pre?.currency;
    const lowSuffix = this.suffixAt(low.next, currency !== undefined);
    // "one" alone is no figure ("one article says"); "one percent", "one dollar" are.
    if (low.lone && (!lowSuffix || lowSuffix.kind === 'ordinal')) return undefined;
    let next = low.next;
    if (lowSuffix) {
      kind = lowSuffix.kind;
      factor = lowSuffix.factor ?? 1;
      currency ??= lowSuffix.currency;
      next = lowSuffix.next;
    }
    // A range: "$1-2 billion", "10–20%", "between 10 and 20 percent", "10 to 20 percent"; "from 49 to 51 percent" is two figures.
    const connector = this.amountConnector(next, context.between, pre !== undefined || lowSuffix !== undefined, context.from);
    const other = connector === undefined ? undefined : this.rangeEnd(connector, currency, lowSuffix?.kind);
    if (other) {
      if (other.currency !== undefined) {
        currency ??= other.currency;
        if (kind === 'number') kind = 'money';
      }
      if (other.suffix && !lowSuffix) {
        kind = other.suffix.kind;
        factor = other.suffix.factor ?? 1;
        currency ??= other.suffix.currency;
      }
    }
    // "$1-2 billion": the scale of the high end is the low end's too.
    const lowValue = other && !low.scaled && other.number.scaled ? round(low.value * other.number.factor) : low.value;
    const money = currency ? { currency } : {};
    if (other && context.from && !context.between) {
      const firstNext = lowSuffix?.next ?? low.next;
      const first: AmountRead = { kind, value: round(lowValue * factor), yearLike: false, start: start.start, end: this.endOf(firstNext), next: firstNext, ...money };
      const second: AmountRead = { kind, value: round(other.number.value * factor), yearLike: false, start: (this.tokens[connector as number] as Token).start, end: this.endOf(other.next), next: other.next, ...money };
      return [this.withUnit(first, false), this.finish(second)];
    }
    const range = other !== undefined && other.number.value > lowValue;
    if (range) next = other.next;
    else if (lowToken.kind === 'num' && isYearNumber(lowToken) && !pre && !lowSuffix && !low.scaled) return undefined;
    return this.finish({
      kind,
      value: round((range ? lowValue : low.value) * factor),
      yearLike: false,
      start: start.start,
      end: this.endOf(next),
      next,
      ...money,
      ...(range ? { high: round(other.number.value * factor) } : {}),
    });
  }

  /** The high end of a range after its connector: its currency, number and suffix, when they agree with the low end's. */
  private rangeEnd(connector: number, currency: string | undefined, lowKind: Kind | undefined) {
    const pre = this.currencyBefore(connector);
    if (pre && currency !== undefined && pre.currency !== currency) return undefined;
    const number = this.number(pre?.next ?? connector);
    if (!number || number.lone) return undefined;
    const suffix = this.suffixAt(number.next, (pre?.currency ?? currency) !== undefined);
    if (lowKind && suffix && suffix.kind !== lowKind) return undefined;
    return { currency: pre?.currency, number, suffix, next: suffix?.next ?? number.next };
  }

  /** "tens of billions of dollars", "$ billions" is not written; "hundreds of millions in funding". */
  private vagueMoney(i: number): AmountRead | undefined {
    const pre = this.currencyBefore(i);
    const v = this.vagueAt(pre?.next ?? i);
    if (!v) return undefined;
    let next = v.next;
    let currency = pre?.currency;
    if (!currency && this.word(next, 'of', 'in')) {
      const name = this.currencyNameAt(next + 1);
      if (name) {
        currency = name.currency;
        next = name.next;
      }
    }
    const start = (this.tokens[i] as Token).start;
    if (currency) return { kind: 'money', value: v.value, high: v.high, vague: true, currency, yearLike: false, start, end: this.endOf(next), next };
    const unit = this.word(next, 'of') ? this.unitAt(next + 1) : this.unitAt(next);
    return { kind: 'number', value: v.value, high: v.high, vague: true, unit: unit.unit, yearLike: false, start, end: this.endOf(next), next, ...(unit.per ? { per: unit.per } : {}) };
  }

  private amountConnector(i: number, between: boolean, ownUnit: boolean, from: boolean): number | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'sign' && DASHES.has(t.text)) return i + 1;
    if (between && this.word(i, 'and')) return i + 1;
    if (this.word(i, 'to') && (from || !ownUnit)) return i + 1;
    return undefined;
  }

  /** The end offset of the token before `next`. */
  private endOf(next: number): number {
    return (this.tokens[next - 1] as Token).end;
  }

  /** A read amount completed with its rate, its unit (a count) and a qualifier after it. */
  private finish(read: AmountRead): AmountRead {
    return this.withUnit(read, true);
  }

  private withUnit(read: AmountRead, trailing: boolean): AmountRead {
    let next = read.next;
    let out = read;
    if (trailing && (out.kind === 'money' || out.kind === 'percent' || out.kind === 'points' || out.kind === 'number')) {
      const per = out.kind === 'number' ? undefined : this.perAt(next);
      if (per) {
        out = { ...out, per: per.per, end: this.endOf(per.next), next: per.next };
        next = per.next;
      }
    }
    if (out.kind === 'number' || out.kind === 'ordinal') {
      const unit = this.unitAt(next, out.kind === 'ordinal' || (out.value === 1 && out.high === undefined));
      out = { ...out, unit: unit.unit, ...(unit.per && out.kind === 'number' ? { per: unit.per } : {}) };
    }
    if (trailing) {
      if (this.word(next, 'or')) {
        const postfix = POSTFIX_QUALIFIERS.find(([words]) => this.words(next, words));
        if (postfix) out = { ...out, postfix: { kind: postfix[1], start: (this.tokens[next] as Token).start, end: (this.tokens[next + postfix[0].length - 1] as Token).end } };
      }
      const plus = this.tokens[next];
      if (!out.postfix && plus && this.sign(next, '+') && !plus.space) out = { ...out, postfix: { kind: 'over', start: plus.start, end: plus.end }, next: next + 1 };
      else if (!out.postfix && plus && this.hyphenJoin(next) && this.word(next + 1, 'plus')) out = { ...out, postfix: { kind: 'over', start: plus.start, end: (this.tokens[next + 1] as Token).end }, next: next + 2 };
    }
    return out;
  }

  // ——— words that are figures on their own ———

  /** "twice", "tripled", "tenfold"; "half of"; ordinals ("the third round"). */
  private wordFigure(i: number): number | undefined {
    const t = this.tokens[i] as Token;
    if (t.kind !== 'word') return undefined;
    if (t.lower === 'both') {
      // "both companies" states two companies (and "the two" is grounded by it).
      const unit = this.unitAt(i + 1);
      this.push({ kind: 'number', value: 2, unit: unit.unit, quoteOnly: true, start: t.start, end: t.end });
      return i + 1;
    }
    const multiple = MULTIPLE_WORDS.get(t.lower);
    if (multiple !== undefined) {
      this.push({ kind: 'multiple', value: multiple, start: t.start, end: t.end });
      return i + 1;
    }
    if (t.lower === 'half' && (this.word(i + 1, ...HALF_FOLLOWERS) || this.word(i - 1, 'by')) && !this.word(i - 1, 'a', 'an', 'first', 'second', 'one')) {
      this.push({ kind: 'percent', value: 50, start: t.start, end: t.end });
      return i + 1;
    }
    return this.ordinal(i);
  }

  private ordinal(i: number): number | undefined {
    const t = this.tokens[i] as Token;
    let value = ORDINALS.get(t.lower);
    let next = i + 1;
    // "twenty-first"
    const tens = TENS.get(t.lower);
    if (tens !== undefined && this.hyphenJoin(i + 1)) {
      const u = ORDINALS.get((this.tokens[i + 2] as Token | undefined)?.lower ?? '');
      if (u !== undefined && u < 10) {
        value = tens + u;
        next = i + 3;
      }
    }
    if (value === undefined) return undefined;
    if (this.idiom(i, next)) return undefined;
    // A rank in words is a word the support rule checks; in a quote it grounds a rank in digits ("3rd").
    const unit = this.unitAt(next, true);
    this.push({ kind: 'ordinal', value, unit: unit.unit, quoteOnly: true, start: t.start, end: (this.tokens[next - 1] as Token).end });
    return next;
  }

  /** Ordinal words that state no rank: "third party", "first-hand", "at first", "first of all", "a second" (of time). */
  private idiom(i: number, next: number): boolean {
    const w = (this.tokens[i] as Token).lower;
    const after = this.hyphenJoin(next) ? next + 1 : next;
    if (this.word(after, 'party', 'parties', 'hand', 'handed')) return true;
    if (w === 'first' && (this.word(i - 1, 'at') || (this.word(next, 'of') && this.word(next + 1, 'all')))) return true;
    if (w === 'second' && (this.word(i - 1, 'a', 'per', 'split', 'every', 'one') || this.tokens[i - 1]?.kind === 'num' || this.word(next, 'ago'))) return true;
    return false;
  }
}

function figureOf(a: AmountRead): Unplaced {
  if (a.kind === 'multiple') return { kind: 'multiple', start: a.start, end: a.end, value: a.value };
  if (a.kind === 'ordinal') return { kind: 'ordinal', start: a.start, end: a.end, value: a.value, unit: a.unit ?? [] };
  const f = { kind: a.kind, start: a.start, end: a.end, value: a.value } as Unplaced & { high?: number; vague?: boolean; per?: string; currency?: string; unit?: string[] };
  if (a.high !== undefined) f.high = a.high;
  if (a.vague) f.vague = true;
  if (a.per) f.per = a.per;
  if (a.kind === 'money') f.currency = a.currency ?? 'USD';
  if (a.kind === 'number') f.unit = a.unit ?? [];
  return f;
}

function validPart(kind: string, n: number, next: number): { kind: 'Q' | 'H'; n: number; next: number; fiscal: boolean } | undefined {
  const k = kind.toUpperCase() === 'Q' ? 'Q' : 'H';
  if (!Number.isInteger(n) || n < 1 || n > (k === 'Q' ? 4 : 2)) return undefined;
  return { kind: k, n, next, fiscal: false };
}

function partPeriod(year: number, kind: string, n: number): (DateFigure & { start: number; end: number }) | undefined {
  const k = kind.toUpperCase();
  if (!Number.isInteger(n) || n < 1 || n > (k === 'Q' ? 4 : 2)) return undefined;
  const months = k === 'Q' ? 3 : 6;
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return dateFigure(k === 'Q' ? 'quarter' : 'half', iso(year, firstMonth, 1), iso(year, lastMonth, lastDay(year, lastMonth)), 0, 0);
}

function dateFigure(precision: DatePrecision, from: string, until: string, start: number, end: number): DateFigure & { start: number; end: number } {
  return { kind: 'date', precision, from, until, start, end, text: '' };
}

function recurring(precision: DatePrecision, key: string, start: number, end: number): DateFigure & { start: number; end: number } {
  return { kind: 'date', precision, from: '', until: '', recurring: key, start, end, text: '' };
}

/** A date without its year, given one (a range's start: "Oct" of "Oct–Dec 2022"). */
function withYear(date: DateFigure, year: number): DateFigure | undefined {
  const key = date.recurring;
  if (key === undefined) return undefined;
  if (date.precision === 'day') {
    const [m, d] = key.split('-').map(Number) as [number, number];
    return realDay(year, m, d) ? dateFigure('day', iso(year, m, d), iso(year, m, d), date.start, date.end) : undefined;
  }
  if (date.precision === 'month') {
    const m = Number(key);
    return dateFigure('month', iso(year, m, 1), iso(year, m, lastDay(year, m)), date.start, date.end);
  }
  const part = partPeriod(year, key[0] as string, Number(key.slice(1)));
  return part ? dateFigure(date.precision, part.from, part.until, date.start, date.end) : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function compactKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every figure of a text, in order, with its place in the text as written. */
export function parseFigures(written: string): Figure[] {
  const folded = foldFigureText(written);
  const origin = folded.origin;
  const toWritten = origin ? (offset: number) => origin[offset] ?? written.length : (offset: number) => offset;
  const figures = new FigureReader(tokenize(folded.text), folded.text, toWritten, written).read();
  // Figures are found in the order of the text; a pair read together ("from 49 to 51 percent") too.
  for (let k = 1; k < figures.length; k++) if ((figures[k] as Figure).start < (figures[k - 1] as Figure).start) return figures.sort((a, b) => a.start - b.start);
  return figures;
}

export { DAY_MS };
