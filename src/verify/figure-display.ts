// A figure's value as a message shows it: "USD 5,000,000,000", "40%", "2021-Q3".
import type { Figure } from './figure-model.js';

const QUALIFIER_WORDS = { over: 'more than', under: 'under', about: 'about', nearly: 'nearly' } as const;

/** "1234567.5" → "1,234,567.5". */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(Math.abs(value) >= 1e21 ? value.toFixed(0) : value).split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function amount(value: number, high: number | undefined, vague: boolean | undefined, unit = '', sign?: -1 | 1): string {
  if (high === undefined) return `${sign === -1 ? '-' : sign === 1 ? '+' : ''}${groupDigits(value)}${unit}`;
  const range = `${groupDigits(value)}${unit}–${groupDigits(high)}${unit}`;
  return vague ? `somewhere from ${groupDigits(value)}${unit} to under ${groupDigits(high)}${unit}` : range;
}

/** The figure as written, with its qualifier: "more than $3 billion", "$3 billion or more". */
export function writtenFigure(f: Figure): string {
  const q = f.kind === 'token' || f.kind === 'date' ? undefined : f.qualifier;
  if (!q) return f.text;
  return q.after ? `${f.text} ${q.text.trim()}` : `${q.text} ${f.text}`;
}

/** The value a figure states, in one canonical form. */
export function describeFigure(f: Figure): string {
  const q = f.kind === 'token' || f.kind === 'date' || !f.qualifier ? '' : `${QUALIFIER_WORDS[f.qualifier.kind]} `;
  switch (f.kind) {
    case 'money':
      return `${q}${f.currency} ${amount(f.value, f.high, f.vague, '', f.sign)}${f.per ? ` per ${f.per}` : ''}`;
    case 'percent':
      return `${q}${amount(f.value, f.high, f.vague, '%', f.sign)}${f.per ? ` per ${f.per}` : ''}`;
    case 'points':
      return `${q}${amount(f.value, f.high, f.vague, '', f.sign)} percentage points${f.per ? ` per ${f.per}` : ''}`;
    case 'number':
      return `${q}${amount(f.value, f.high, f.vague, '', f.sign)}${f.per ? ` per ${f.per}` : ''}`;
    case 'multiple':
      return `${q}${groupDigits(f.value)} times`;
    case 'ordinal':
      return `rank ${f.value}`;
    case 'date':
      return describeDate(f);
    case 'token':
      return f.text;
  }
}

function describeDate(f: Extract<Figure, { kind: 'date' }>): string {
  const fiscal = f.fiscal ? 'fiscal ' : '';
  if (f.recurring !== undefined) return f.precision === 'day' ? `${fiscal}day ${f.recurring} of a year not given` : `${fiscal}${f.recurring} of a year not given`;
  const year = f.from.slice(0, 4);
  const month = Number(f.from.slice(5, 7));
  switch (f.precision) {
    case 'year':
      return `${fiscal}the year ${year}`;
    case 'half':
      return `${fiscal}${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${fiscal}${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return `${fiscal}${f.from.slice(0, 7)}`;
    case 'day':
      return `${fiscal}${f.from}`;
  }
}
