// A document's publication date, in the forms articles write it: "date 2025-03-11",
// "Published: 2 June 2025", "June 2, 2025", "Monday, 2 June 2025", a dateline
// ("LONDON, 2 June 2025 —"), a byline ("By Jane Roe | June 2, 2025"), and metadata values
// ("2025-06-02T08:00:00Z"). Only whole dates (day, month, year) count.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]|2\\d)\\d\\d';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';

/** One date in any of the forms, as a regular expression source (no anchors). */
export const DATE_SOURCE = [
  `${YEAR}-\\d\\d-\\d\\d`,
  `${DAY}\\s+${MONTH_NAME}\\s+${YEAR}`,
  `${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}`,
  `${YEAR}/\\d\\d/\\d\\d`,
].join('|');

const ISO = new RegExp(`^(${YEAR})-(\\d\\d)-(\\d\\d)`);
const SLASHED = new RegExp(`^(${YEAR})/(\\d\\d)/(\\d\\d)$`);
const DAY_MONTH_YEAR = new RegExp(`^(${DAY})\\s+(${MONTH_NAME})\\s+(${YEAR})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH_NAME})\\s+(${DAY}),?\\s+(${YEAR})$`, 'i');

/** YYYY-MM-DD when the numbers make a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The month (1–12) a month name or abbreviation names. */
export function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.toLowerCase().replace(/\.$/, '').slice(0, 3));
  return i < 0 ? undefined : i + 1;
}

/** A date written in one of the forms, alone; YYYY-MM-DD or undefined. */
export function parseDate(written: string): string | undefined {
  const s = written.trim();
  let m = ISO.exec(s) ?? SLASHED.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2] as string) ?? 0, parseInt(m[1] as string, 10));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1] as string) ?? 0, parseInt(m[2] as string, 10));
  return undefined;
}

/** A metadata value (`2025-06-02T08:00:00Z`, `2 June 2025`): its date as written, no time-zone shift. */
export function parseDateValue(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replace(/^(?:d:)/i, '');
  const iso = ISO.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // PDF dates: D:20250602083000Z
  const pdf = /^(\d{4})(\d{2})(\d{2})/.exec(s);
  if (pdf) return isoDate(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
  const found = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${DATE_SOURCE})(?![\\p{L}\\p{N}])`, 'iu').exec(s);
  return found ? parseDate(found[1] as string) : undefined;
}

const D = `(?<date>${DATE_SOURCE})`;
const TAIL = '(?:[\\s,.;|·•–—-].{0,60})?$';

interface DateLine {
  pattern: RegExp;
  /** A further test of the match. */
  accept?: (groups: Record<string, string | undefined>) => boolean;
}

/** Lines that give the document's date. */
const DATE_LINES: DateLine[] = [
  // "date 2025-03-11", "Published: 2 June 2025", "Posted on June 2, 2025 at 10:00"
  { pattern: new RegExp(`^(?:date|dated|published|published on|posted|posted on|first published|first published on|publication date|pub date)\\s*[:\\-–—]?\\s*(?:${WEEKDAY}\\s+)?${D}${TAIL}`, 'iu') },
  // a line that is only a date: "June 2, 2025", "Monday, 2 June 2025", "2025-06-02 08:30"
  { pattern: new RegExp(`^(?:${WEEKDAY}\\s+)?${D}(?:[\\s,]+(?:at\\s+)?\\d{1,2}[:.]\\d\\d.{0,30})?$`, 'iu') },
  // a dateline: "LONDON, 2 June 2025 —", "NEW YORK (Wire Service) - June 2, 2025 -": the place in capitals
  {
    pattern: new RegExp(`^(?<place>[^,(–—-]{2,40}?)(?:\\s*\\([^)]{1,40}\\))?\\s*[,–—-]\\s*(?:${WEEKDAY}\\s+)?${D}\\s*[,:–—-]`, 'iu'),
    accept: ({ place = '' }) => place === place.toUpperCase() && /\p{Lu}/u.test(place),
  },
  // a byline: "By Jane Roe | June 2, 2025", "By Jane Roe, 2 June 2025"
  { pattern: new RegExp(`^by\\s+[^|·•]{1,60}?\\s*[|·•,–—-]\\s*(?:${WEEKDAY}\\s+)?${D}${TAIL}`, 'iu') },
];

/**
 * Whether a line can give a date at all: every form writes a year. Most lines have none, and so
 * are not tried against the forms (whose patterns are costly to compile in a new process).
 */
const A_YEAR = new RegExp(YEAR);

/** The date a line gives in one of the `lines` forms. */
function dateOfLine(line: string, lines: readonly DateLine[] = DATE_LINES): string | undefined {
  if (!A_YEAR.test(line)) return undefined;
  for (const { pattern, accept } of lines) {
    const groups = pattern.exec(line)?.groups;
    if (!groups?.date || (accept && !accept(groups))) continue;
    const date = parseDate(groups.date);
    if (date) return date;
  }
  return undefined;
}

/** How many non-blank lines at the top of a text may give its date. */
const DATE_LINES_SCANNED = 15;

export interface FoundDate {
  date: string;
  /** 0-based index, in the text, of the line that gave it. */
  lineIndex: number;
}

/** The date a text gives in its first lines, in one of the forms above. */
export function dateOfText(text: string): FoundDate | undefined {
  for (const [line, i] of topLines(text)) {
    const date = dateOfLine(line);
    if (date) return { date, lineIndex: i };
  }
  return undefined;
}

/** The first non-blank lines of a text, trimmed, that may give its date, with their 0-based index. */
function* topLines(text: string): Generator<[string, number]> {
  let scanned = 0;
  let start = 0;
  for (let i = 0; start <= text.length && scanned < DATE_LINES_SCANNED; i++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trim();
    start = end < 0 ? text.length + 1 : end + 1;
    if (line === '') continue;
    scanned++;
    yield [line, i];
  }
}

/** Whether a line gives the date and nothing else worth reading as a title or a lead (an impossible date too). */
export function isDateLine(line: string): boolean {
  return A_YEAR.test(line) && DATE_LINES.slice(0, 2).some(({ pattern }) => pattern.test(line.trim()));
}

/**
 * A date line near the top of a text whose date is not a real calendar date ("date 2025-02-30"),
 * when the text gives no real one: what it writes, and its 0-based line index.
 */
export function impossibleDateOfText(text: string): { written: string; lineIndex: number } | undefined {
  if (dateOfText(text)) return undefined;
  for (const [line, i] of topLines(text)) {
    if (!A_YEAR.test(line)) continue;
    for (const { pattern, accept } of DATE_LINES) {
      const groups = pattern.exec(line)?.groups;
      if (groups?.date && (!accept || accept(groups)) && !parseDate(groups.date)) return { written: groups.date, lineIndex: i };
    }
  }
  return undefined;
}

/** A line without its dateline ("LONDON, 2 June 2025 — Talks resumed" → "Talks resumed"). */
export function withoutDateline(line: string): string {
  const dateline = DATE_LINES[2] as DateLine;
  const m = dateline.pattern.exec(line);
  if (!m?.groups || !dateline.accept?.(m.groups) || !parseDate(m.groups.date ?? '')) return line;
  return line.slice(m[0].length).trim();
}

/** The latest SOURCE_DATE_EPOCH taken: 9999-12-31T23:59:59Z, the last instant with a four-digit year. */
export const MAX_SOURCE_DATE_EPOCH = 253402300799;

/**
 * Why SOURCE_DATE_EPOCH cannot be used, or undefined when it is unset or valid: it must be a
 * whole number of seconds since 1970-01-01 (UTC), from 0 to 253402300799 (the end of 9999).
 */
export function checkSourceDateEpoch(value: string | undefined): string | undefined {
  // Unset, or set to nothing (as shells and CI files often leave it): not used.
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!/^\d+$/.test(v)) return `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, such as 1735689600; got "${value}"`;
  if (Number(v) > MAX_SOURCE_DATE_EPOCH) return `SOURCE_DATE_EPOCH ${v} is after the year 9999; the largest accepted is ${MAX_SOURCE_DATE_EPOCH}`;
  return undefined;
}
