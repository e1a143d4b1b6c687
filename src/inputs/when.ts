// When an event happened, as a summary writes it: a year ("2019"), a month ("2023-01"), a day
// ("2023-01-15"), a half or a quarter of a year ("2025-H1", "2025-Q3"), or a range of those
// joined by a slash, ISO 8601's interval form ("2019/2023", "2022-10/2022-12"); the forms
// articles write ("April 2024", "2 June 2025") too. Anything else is not a date: the event is
// undated, and said so with a warning unless the summary writes `when: undated` (checked: the
// sources give none).
import { isoDate, monthNumber, parseDate } from './dates.js';
import { compareCodePoints } from '../common/file-hashes.js';

export interface When {
  /** The first day the form covers, YYYY-MM-DD. */
  start: string;
  /** The last day the form covers, YYYY-MM-DD. */
  end: string;
  /** A position on a time axis: the middle of the period, in fractional years. */
  at: number;
  /** Where the period starts and ends on that axis (the end of its last day), in fractional years. */
  from: number;
  to: number;
  /** As shown to a reader: "2019", "Jan 2023", "15 Jan 2023", "2019–2023", "Oct–Dec 2022". */
  display: string;
  /** The years the form names, as written (for checking them against the quotes). */
  years: string[];
}

export const WHEN_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q3, "April 2024", or START/END';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ONE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

interface Point {
  year: number;
  month?: number;
  day?: number;
  /** A half ("H1") or a quarter ("Q3") of the year, as written. */
  part?: string;
  first: string;
  last: string;
}

/** "2025-H2", "2025-Q3": a half or a quarter of a year. */
const PART = /^(\d{4})-([HQ])([1-4])$/i;

function partPoint(written: string): Point | undefined {
  const m = PART.exec(written);
  if (!m) return undefined;
  const year = Number(m[1]);
  const kind = (m[2] as string).toUpperCase();
  const n = Number(m[3]);
  if (kind === 'H' && n > 2) return undefined;
  const months = kind === 'H' ? 6 : 3;
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { year, part: `${kind}${n}`, first: isoDate(year, firstMonth, 1) as string, last: isoDate(year, lastMonth, lastDay) as string };
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_YEAR = /^([a-z]+\.?)\s+(\d{4})$/i;

function point(written: string): Point | undefined {
  const m = ONE.exec(written.trim());
  if (!m) return partPoint(written.trim()) ?? writtenPoint(written.trim());
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (m[3] === undefined) {
    const first = isoDate(year, month, 1);
    if (!first) return undefined;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { year, month, first, last: isoDate(year, month, lastDay) as string };
  }
  const day = Number(m[3]);
  const date = isoDate(year, month, day);
  return date ? { year, month, day, first: date, last: date } : undefined;
}

/** "April 2024", "2 June 2025", "June 2, 2025": a month or a day, as articles write them. */
function writtenPoint(written: string): Point | undefined {
  const monthYear = MONTH_YEAR.exec(written);
  if (monthYear) {
    const name = (monthYear[1] as string).toLowerCase().replace(/\.$/, '');
    // A month's name or its abbreviation ("Apr", "Sept"), not any word that starts like one.
    const whole = FULL_MONTHS.some((full) => full.startsWith(name) && name.length >= 3) || name === 'sept';
    const month = whole ? monthNumber(name) : undefined;
    return month === undefined ? undefined : point(`${monthYear[2]}-${String(month).padStart(2, '0')}`);
  }
  const date = parseDate(written);
  return date ? point(date) : undefined;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** Fractional years since year 0 of a YYYY-MM-DD date. */
function yearsOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const start = dayNumber(`${iso.slice(0, 4)}-01-01`);
  const length = dayNumber(`${year + 1}-01-01`) - start;
  return year + (dayNumber(iso) - start) / length;
}

function shown(p: Point): string {
  if (p.part !== undefined) return `${p.part} ${p.year}`;
  if (p.month === undefined) return String(p.year);
  const month = MONTHS[p.month - 1] as string;
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

function shownRange(a: Point, b: Point): string {
  if (a.year === b.year && a.part !== undefined && b.part !== undefined) return `${a.part}–${b.part} ${a.year}`;
  if (a.year === b.year && a.month !== undefined && b.month !== undefined && a.day === undefined && b.day === undefined) {
    return `${MONTHS[a.month - 1]}–${MONTHS[b.month - 1]} ${a.year}`;
  }
  if (a.year === b.year && a.month === b.month && a.day !== undefined && b.day !== undefined) {
    return `${a.day}–${b.day} ${MONTHS[(a.month as number) - 1]} ${a.year}`;
  }
  return `${shown(a)}–${shown(b)}`;
}

/** The date a `when` gives, or undefined when it is not one of the forms (or not a real date). */
export function parseWhen(written: string | undefined): When | undefined {
  if (written === undefined) return undefined;
  const parts = written.trim().split('/');
  if (parts.length > 2) return undefined;
  const a = point(parts[0] as string);
  if (!a) return undefined;
  if (parts.length === 1) {
    return { start: a.first, end: a.last, ...span(a.first, a.last), display: shown(a), years: [String(a.year)] };
  }
  const b = point(parts[1] as string);
  if (!b || b.last < a.first) return undefined;
  const years = a.year === b.year ? [String(a.year)] : [String(a.year), String(b.year)];
  return { start: a.first, end: b.last, ...span(a.first, b.last), display: shownRange(a, b), years };
}

/** A period's place on a time axis: its start, its end (after its last day) and its middle, in fractional years. */
function span(first: string, last: string): { at: number; from: number; to: number } {
  const from = yearsOf(first);
  // The end of the last day is the start of the next: exact, so that a year ends on a whole number.
  const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const to = yearsOf(next);
  return { at: (from + to) / 2, from, to };
}

/** `when: undated`: the curator says the sources give no date (no warning; still off the axis). */
export function isUndated(written: string | undefined): boolean {
  return written !== undefined && written.trim().toLowerCase() === 'undated';
}

/** Whether a `when` looks meant as a date (starts with a year) even if it is not a valid one. */
export function looksLikeDate(written: string): boolean {
  return /^\s*\d{4}(?:[-/]|\s*$)/.test(written);
}

/** Dated before undated; dated by start, then end; otherwise in the given order. */
export function byWhen<T>(items: readonly T[], whenOf: (item: T) => When | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, when: whenOf(item) }))
    .sort((x, y) => {
      if (x.when && y.when) return compareCodePoints(x.when.start, y.when.start) || compareCodePoints(x.when.end, y.when.end) || x.index - y.index;
      if (x.when) return -1;
      if (y.when) return 1;
      return x.index - y.index;
    })
    .map((x) => x.item);
}
