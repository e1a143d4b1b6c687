// Dates at the precision written: a day ("15 March 2021", "2021-03-15"), a month ("March 2021"),
// a quarter or a half ("Q3 2021", "the third quarter of 2021", "H1 2025"), a year ("in 2021",
// "mid-2023", "fiscal 2021"); a range is its two ends ("Oct–Dec 2022", "15–17 March 2021").
import { CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, MONTH_NAMES, ORDINALS, SCALE_WORDS } from './figure-lexicon.js';
import type { DateFigure, DatePrecision } from './figure-model.js';
import { isYearNumber, type FigureCursor } from './figure-cursor.js';
import { NUMERIC_SUFFIXES, ORDINAL_SUFFIX } from './figure-numbers.js';
import type { Token } from './figure-tokens.js';

/** Words before a year joined to it by a hyphen ("mid-2023"). */
export const YEAR_PREFIXES: ReadonlySet<string> = new Set(['mid', 'pre', 'post', 'early', 'late']);

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

export function readDate(c: FigureCursor, i: number): number | undefined {
  const days = dayRange(c, i);
  if (days !== undefined) return days;
  const first = point(c, i, true);
  if (!first) return undefined;
  let { next } = first;
  const connector = rangeConnector(c, next);
  if (connector !== undefined) {
    const second = point(c, connector, true);
    if (second && second.date.precision === first.date.precision && !first.hasYear && second.hasYear) {
      // "Oct–Dec 2022", "Q1–Q3 2025", "15–17 March 2021": the first end takes the year of the second.
      const dated = withYear(first.date, Number(second.date.from.slice(0, 4)));
      if (dated) {
        c.push(dated);
        c.push(second.date);
        return second.next;
      }
    }
  }
  if (!first.hasYear && !first.standalone) return undefined;
  c.push(first.date);
  return next;
}

/** "15–17 March 2021": two days of one month. */
function dayRange(c: FigureCursor, i: number): number | undefined {
  const a = dayAt(c, i);
  const dash = a ? c.dashAt(a.next) : undefined;
  const b = dash !== undefined ? dayAt(c, dash) : undefined;
  if (!a || !b || b.day <= a.day) return undefined;
  const m = monthAt(c, b.next);
  const y = m ? yearAfter(c, m.next) : undefined;
  if (!m || !y || !realDay(y.year, m.month, a.day) || !realDay(y.year, m.month, b.day)) return undefined;
  const first = iso(y.year, m.month, a.day);
  const second = iso(y.year, m.month, b.day);
  c.push(dateFigure('day', first, first, (c.tokens[i] as Token).start, (c.tokens[a.next - 1] as Token).end));
  c.push(dateFigure('day', second, second, (c.tokens[dash as number] as Token).start, y.end));
  return y.next;
}

function rangeConnector(c: FigureCursor, i: number): number | undefined {
  const dash = c.dashAt(i);
  if (dash !== undefined) return dash;
  if (c.sign(i, '/')) return i + 1;
  if (c.word(i, 'to', 'through', 'until', 'and')) return i + 1;
  return undefined;
}

/**
 * A date starting at token i: the date, the next token, whether it has a year, and whether it
 * stands as a figure without one (a day "15 March", a part "Q3"; a month alone is no figure).
 */
function point(c: FigureCursor, i: number, allowNoYear: boolean): { date: DateFigure & { start: number; end: number }; next: number; hasYear: boolean; standalone: boolean } | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num') return numericDate(c, i) ?? dayMonth(c, i, allowNoYear) ?? partDate(c, i) ?? yearDate(c, i);
  if (t.kind === 'word') return monthFirst(c, i, allowNoYear) ?? partDate(c, i) ?? prefixedYear(c, i);
  return undefined;
}

/** "2021-03-15", "2021/03/15", "2021-03", "2025-Q3", "2025-H1". */
function numericDate(c: FigureCursor, i: number) {
  const y = c.tokens[i];
  if (!isYearNumber(y)) return undefined;
  const sep = c.tokens[i + 1];
  if (!sep || sep.kind !== 'sign' || sep.space || !(sep.text === '-' || sep.text === '/')) return undefined;
  const a = c.tokens[i + 2];
  if (!a || a.space) return undefined;
  const year = y.value;
  if (a.kind === 'word' && (a.text === 'Q' || a.text === 'H') && sep.text === '-') {
    const part = c.tokens[i + 3];
    if (part?.kind !== 'num' || part.space) return undefined;
    const date = partPeriod(year, a.text, part.value);
    return date ? { date: { ...date, start: y.start, end: part.end }, next: i + 4, hasYear: true, standalone: true } : undefined;
  }
  if (a.kind !== 'num' || a.text.length !== 2) return undefined;
  const month = a.value;
  const sep2 = c.tokens[i + 3];
  const d = c.tokens[i + 4];
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
function monthAt(c: FigureCursor, i: number): { month: number; next: number } | undefined {
  const t = c.tokens[i];
  if (t?.kind !== 'word' || t.text[0] !== t.text[0]?.toUpperCase()) return undefined;
  const month = MONTH_NAMES.get(t.lower);
  if (month === undefined) return undefined;
  return { month, next: c.sign(i + 1, '.') && !(c.tokens[i + 1] as Token).space ? i + 2 : i + 1 };
}

/** A year after a month or a day, with an optional comma or "of" before it. */
function yearAfter(c: FigureCursor, i: number): { year: number; end: number; next: number; fiscal: boolean } | undefined {
  let j = i;
  if (c.sign(j, ',') || c.word(j, 'of')) j++;
  let fiscal = false;
  if (c.word(j, 'fiscal')) {
    fiscal = true;
    j++;
    if (c.word(j, 'year')) j++;
  }
  const y = c.tokens[j];
  if (!isYearNumber(y)) return undefined;
  return { year: y.value, end: y.end, next: j + 1, fiscal };
}

/** A day number (1–31, "15th") at token i, and the token after it. */
function dayAt(c: FigureCursor, i: number): { day: number; next: number } | undefined {
  const t = c.tokens[i];
  if (t?.kind !== 'num' || t.separated || t.text.length > 2 || t.value < 1 || t.value > 31) return undefined;
  const suffix = c.tokens[i + 1];
  if (suffix?.kind === 'word' && !suffix.space && ORDINAL_SUFFIX.has(suffix.lower)) return { day: t.value, next: i + 2 };
  return { day: t.value, next: i + 1 };
}

/** "15 March 2021", "15th Mar. 2021", "15 March" (a day without its year). */
function dayMonth(c: FigureCursor, i: number, allowNoYear: boolean) {
  const d = dayAt(c, i);
  if (!d) return undefined;
  // "15–17 March 2021": a day, then a range of days.
  const m = monthAt(c, d.next);
  if (!m) return undefined;
  const start = (c.tokens[i] as Token).start;
  const y = yearAfter(c, m.next);
  if (y) {
    if (!realDay(y.year, m.month, d.day)) return undefined;
    const day = iso(y.year, m.month, d.day);
    return { date: { ...dateFigure('day', day, day, start, y.end), ...(y.fiscal ? { fiscal: true } : {}) }, next: y.next, hasYear: true, standalone: true };
  }
  if (!realDay(2000, m.month, d.day)) return undefined;
  const end = (c.tokens[m.next - 1] as Token).end;
  return { date: recurring('day', `${pad(m.month)}-${pad(d.day)}`, start, end), next: m.next, hasYear: false, standalone: allowNoYear };
}

/** "March 2021", "Mar. 2021", "March of 2021", "March 15, 2021", "March 15" (no year), "March" (only as a range's start). */
function monthFirst(c: FigureCursor, i: number, allowNoYear: boolean) {
  const m = monthAt(c, i);
  if (!m) return undefined;
  const start = (c.tokens[i] as Token).start;
  const d = dayAt(c, m.next);
  if (d && !c.sign(d.next, '%')) {
    const y = yearAfter(c, d.next);
    if (y) {
      if (!realDay(y.year, m.month, d.day)) return undefined;
      const day = iso(y.year, m.month, d.day);
      return { date: dateFigure('day', day, day, start, y.end), next: y.next, hasYear: true, standalone: true };
    }
    if (realDay(2000, m.month, d.day) && !isYearNumber(c.tokens[m.next])) {
      const end = (c.tokens[d.next - 1] as Token).end;
      return { date: recurring('day', `${pad(m.month)}-${pad(d.day)}`, start, end), next: d.next, hasYear: false, standalone: allowNoYear };
    }
  }
  const y = yearAfter(c, m.next);
  if (y) {
    const date = dateFigure('month', iso(y.year, m.month, 1), iso(y.year, m.month, lastDay(y.year, m.month)), start, y.end);
    return { date: y.fiscal ? { ...date, fiscal: true } : date, next: y.next, hasYear: true, standalone: true };
  }
  const end = (c.tokens[m.next - 1] as Token).end;
  return { date: recurring('month', pad(m.month), start, end), next: m.next, hasYear: false, standalone: false };
}

/** "Q3 2021", "3Q 2021", "H1 2025", "the third quarter of 2021", "first-half 2025"; without a year, a recurring part ("Q3"). */
function partDate(c: FigureCursor, i: number) {
  const part = partAt(c, i);
  if (!part) return undefined;
  const start = (c.tokens[i] as Token).start;
  const y = yearAfter(c, part.next);
  if (y) {
    const date = partPeriod(y.year, part.kind, part.n);
    if (!date) return undefined;
    return { date: { ...date, start, end: y.end, ...(y.fiscal || part.fiscal ? { fiscal: true } : {}) }, next: y.next, hasYear: true, standalone: true };
  }
  const end = (c.tokens[part.next - 1] as Token).end;
  return { date: recurring(part.kind === 'Q' ? 'quarter' : 'half', `${part.kind}${part.n}`, start, end), next: part.next, hasYear: false, standalone: true };
}

/** A half or a quarter: "Q3", "3Q", "H1", "1H", "third quarter", "first-half", "second half". */
function partAt(c: FigureCursor, i: number): { kind: 'Q' | 'H'; n: number; next: number; fiscal: boolean } | undefined {
  const t = c.tokens[i] as Token;
  const b = c.tokens[i + 1];
  if (t.kind === 'word' && (t.text === 'Q' || t.text === 'H') && b?.kind === 'num' && !b.space && !b.separated) {
    return validPart(t.text, b.value, i + 2);
  }
  if (t.kind === 'num' && !t.separated && b?.kind === 'word' && !b.space && (b.text === 'Q' || b.text === 'H')) return validPart(b.text, t.value, i + 2);
  if (t.kind === 'word') {
    const n = ORDINALS.get(t.lower);
    if (n === undefined || n > 4) return undefined;
    let j = i + 1;
    if (c.hyphenJoin(j)) j++;
    const kind = c.word(j, 'quarter') ? 'Q' : c.word(j, 'half') ? 'H' : undefined;
    if (!kind) return undefined;
    // "the second half of fiscal 2021"
    return validPart(kind, n, j + 1);
  }
  return undefined;
}

/** A year on its own ("in 2021", "mid-2023", "fiscal 2021"), also read as its number with the words after it. */
function yearDate(c: FigureCursor, i: number) {
  const y = c.tokens[i];
  if (!isYearNumber(y) || quantityFollows(c, i + 1) || quantityBefore(c, i)) return undefined;
  const fiscal = c.word(i - 1, 'fiscal') || (c.word(i - 1, 'year') && c.word(i - 2, 'fiscal'));
  const date = dateFigure('year', iso(y.value, 1, 1), iso(y.value, 12, 31), y.start, y.end);
  return { date: { ...date, ...(fiscal ? { fiscal: true } : {}), bare: { value: y.value, unit: c.unitAt(i + 1).unit } }, next: i + 1, hasYear: true, standalone: true };
}

/** "mid-2023", "pre-2020": the year. */
function prefixedYear(c: FigureCursor, i: number) {
  if (!YEAR_PREFIXES.has((c.tokens[i] as Token).lower) || !c.hyphenJoin(i + 1)) return undefined;
  const y = c.tokens[i + 2];
  if (!isYearNumber(y)) return undefined;
  const date = dateFigure('year', iso(y.value, 1, 1), iso(y.value, 12, 31), y.start, y.end);
  return { date, next: i + 3, hasYear: true, standalone: true };
}

/** A percent sign, scale or currency name right after a number: it is a quantity, not a year. */
function quantityFollows(c: FigureCursor, i: number): boolean {
  const t = c.tokens[i];
  if (!t) return false;
  if (t.kind === 'sign') return t.text === '%' || (t.text === '+' && !t.space);
  if (t.kind !== 'word') return false;
  if (!t.space && (NUMERIC_SUFFIXES.has(t.lower) || t.lower === 's')) return true;
  return SCALE_WORDS.has(t.lower) || t.lower === 'percent' || t.lower === 'pct' || CURRENCY_NAMES.has(t.lower) || (t.text.length === 3 && CURRENCY_CODES.has(t.text)) || c.word(i, 'per') && c.word(i + 1, 'cent');
}

function quantityBefore(c: FigureCursor, i: number): boolean {
  const p = c.tokens[i - 1];
  if (!p) return false;
  if (p.kind === 'sign') return CURRENCY_SIGNS.has(p.text) || p.text === '#';
  return p.text.length === 3 && CURRENCY_CODES.has(p.text);
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

