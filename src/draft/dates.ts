// The dates a sentence gives, resolved against its document's date: "in 2019", "late 2022" and
// "June 2024" by pattern; "on Tuesday", "in December", "last September", "this year" through
// chrono-node with the document's date as the reference. Loaded lazily, and only asked about
// sentences that carry an amount.
export interface SentenceDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  key: string;
  /** Offset in the text, and the words as written. */
  at: number;
  text: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = MONTHS.join('|');
/** "2019", "late 2022", "Q3 2024", "the first half of 2025", "June 2024", "by 2027". */
const WRITTEN = new RegExp(
  `(?<!\\d[-/])\\b(?:(?:early|mid|late|end of|the end of|by|in|since)[- ])?(?:(?:q[1-4]|h[12]|(?:the )?(?:first|second|third|fourth) (?:quarter|half)(?: of)?)[ ,]+)?(?:(${MONTH})[ ,]+)?((?:19|20)\\d{2})\\b(?![-/]\\d)`,
  'gi',
);
/** Words chrono-node reads that are worth asking it about. */
const RELATIVE = new RegExp(`\\b(?:${MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|this (?:year|month)|last (?:year|month))\\b`, 'i');
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE_ALL = new RegExp(RELATIVE.source, 'gi');
const FUTURE = /\b(?:will|is to|are to|to be|expected|plans?|due|would|scheduled)\b/i;

interface ChronoResult {
  index: number;
  text: string;
  start: { knownValues: Partial<Record<'year' | 'month' | 'day' | 'weekday', number>>; impliedValues: Partial<Record<'year' | 'month' | 'day', number>> };
}
type Chrono = { en: { parse(text: string, ref: { instant: Date; timezone: string }, options: { forwardDate: boolean }): ChronoResult[] } };

let chrono: Chrono | undefined;
let loading: Promise<void> | undefined;

/** chrono-node, loaded once before the first datesIn (documentsToCorpus does it). */
export function loadDateParser(): Promise<void> {
  // The English locale alone: the package's main entry loads every locale (267 files, about 0.13 s more).
  loading ??= import('chrono-node/en').then((mod) => {
    const en = ((mod as unknown as { default?: Chrono['en'] }).default ?? mod) as unknown as Chrono['en'];
    chrono = { en };
  });
  return loading;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every date of `text`, each resolved to the precision the text gives; relative ones need `documentDate`. */
export function datesIn(text: string, documentDate?: string): SentenceDate[] {
  const found: SentenceDate[] = [];
  for (const m of text.matchAll(WRITTEN)) {
    const month = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
    const phrase = m[0].replace(/^(?:in|since)\s+/i, '');
    found.push({ key: month > 0 ? `${m[2]}-${pad(month)}` : (m[2] as string), at: (m.index ?? 0) + (m[0].length - phrase.length), text: phrase });
  }
  if (documentDate === undefined || chrono === undefined || !RELATIVE.test(text)) return found;
  const ref = new Date(`${documentDate}T12:00:00Z`);
  if (Number.isNaN(ref.getTime())) return found;
  // chrono is asked about each word it reads, alone ("Tuesday", "this year"): its cost grows with
  // the text's length (0.75 ms for a clause, 0.15 ms for a word); the context is read here.
  const results: ChronoResult[] = [];
  for (const m of text.matchAll(RELATIVE_ALL)) {
    const from = m.index ?? 0;
    const snippet = m[0];
    // A weekday is the last such day on or before the document's date: counted here, no parser needed.
    const weekday = WEEKDAYS.indexOf(snippet.toLowerCase());
    if (weekday >= 0) {
      const back = (ref.getUTCDay() - weekday + 7) % 7;
      const day = new Date(ref.getTime() - back * 86_400_000);
      found.push({ key: day.toISOString().slice(0, 10), at: from, text: snippet });
      continue;
    }
    for (const r of chrono.en.parse(snippet, { instant: ref, timezone: 'UTC' }, { forwardDate: false })) {
      const at = from + r.index;
      if (!results.some((x) => x.index === at)) results.push({ ...r, index: at });
    }
  }
  for (const r of results) {
    // Written years are read above; chrono adds what needs the reference date.
    if (r.start.knownValues.year !== undefined && found.some((f) => f.at <= r.index + r.text.length && r.index <= f.at + f.text.length)) continue;
    const key = resolved(r, ref, text);
    if (key !== undefined) found.push({ key, at: r.index, text: r.text });
  }
  return found.sort((a, b) => a.at - b.at);
}

function resolved(r: ChronoResult, ref: Date, text: string): string | undefined {
  const known = r.start.knownValues;
  const implied = r.start.impliedValues;
  const year = known.year ?? implied.year;
  const month = known.month ?? implied.month;
  if (year === undefined || month === undefined) return undefined;
  if (known.day !== undefined || known.weekday !== undefined) return `${year}-${pad(month)}-${pad(known.day ?? implied.day ?? 1)}`;
  if (known.month === undefined) return String(year);
  // A month without a year: the last such month on or before the document's date, unless the
  // sentence looks forward ("is to convert in December").
  const refMonth = ref.getUTCFullYear() * 12 + ref.getUTCMonth() + 1;
  let y = year;
  const looksForward = FUTURE.test(text) && !/\blast\s+$/i.test(text.slice(0, r.index));
  if (!looksForward && y * 12 + month > refMonth) y -= 1;
  if (looksForward && y * 12 + month < refMonth - 6) y += 1;
  return `${y}-${pad(month)}`;
}

/** A date key cut to `precision` parts (1 year, 2 month, 3 day). */
export function cutKey(key: string, parts: number): string {
  return key.split('-').slice(0, parts).join('-');
}
