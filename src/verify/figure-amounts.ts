// Quantities: money with its currency, shares, percentage points, counts with their unit noun,
// multiples and ranks, one value or a range, with a qualifier before or after ("more than $3
// billion", "$3 billion or more") and a rate ("$20 a month"); and the words that state a figure on
// their own ("twice", "half of", "both").
import {
  CURRENCY_ABBREVIATIONS,
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SIGNS,
  DOLLAR_ADJECTIVES,
  DOLLAR_PREFIXES,
  DURATION_UNITS,
  MULTIPLE_WORDS,
  ORDINALS,
  POSTFIX_QUALIFIERS,
  QUALIFIERS,
  SIGN_QUALIFIERS,
  TENS,
  type QualifierKind,
} from './figure-lexicon.js';
import { DASHES, isYearNumber, round, type FigureCursor, type Unplaced } from './figure-cursor.js';
import { articleFraction, fractionAt, ORDINAL_SUFFIX, readNumber, vagueAt } from './figure-numbers.js';
import type { Token } from './figure-tokens.js';

const HALF_FOLLOWERS: ReadonlySet<string> = new Set(['of', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'that', 'this', 'those', 'these']);

const QUALIFIERS_BY_FIRST_WORD = new Map<string, (readonly [readonly string[], QualifierKind])[]>();
for (const entry of QUALIFIERS) {
  const first = entry[0][0] as string;
  QUALIFIERS_BY_FIRST_WORD.set(first, [...(QUALIFIERS_BY_FIRST_WORD.get(first) ?? []), entry]);
}

/** What a quantity's suffix made it. */
type Kind = 'money' | 'percent' | 'points' | 'number' | 'multiple' | 'ordinal';

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
  /** An explicit sign: "−5%" (-1), "+3%" (1). */
  sign?: -1 | 1;
}


/** A quantity at token i, with a qualifier before it ("more than $3 billion") or after it ("or more"). */
export function readQuantity(c: FigureCursor, i: number): number | undefined {
  const q = qualifierAt(c, i);
  const at = q?.next ?? i;
  const from = c.word(at - 1, 'from');
  const between = c.word(at - 1, 'between');
  const read = readAmount(c, at, { from, between });
  if (!read) return undefined;
  const list = Array.isArray(read) ? read : [read];
  if (list.length === 0) return undefined;
  list.forEach((a, k) => {
    // "over five years" is during them, not more than.
    const duration = a.kind === 'number' && a.unit?.some((u) => DURATION_UNITS.has(u));
    const qual = k === 0 && q && !(q.kind === 'over' && duration) ? { kind: q.kind, start: (c.tokens[i] as Token).start, end: (c.tokens[q.next - 1] as Token).end } : undefined;
    const post = a.postfix ? { kind: a.postfix.kind, start: a.postfix.start, end: a.postfix.end } : undefined;
    const figure = figureOf(a);
    if (k === 0 && !q && refersBack(c, at, a)) figure.quoteOnly = true;
    c.push(figure, qual ?? post);
  });
  return (list[list.length - 1] as AmountRead).next;
}

/**
 * "the two", "the other three": a small number in words after "the" or "other", with no noun
 * after it, refers back to things already named ("the other two are designed for speech"); it
 * states no quantity of its own, so it is no figure a statement must ground. With a noun ("the two
 * boards") it is.
 */
function refersBack(c: FigureCursor, at: number, a: AmountRead): boolean {
  const first = c.tokens[at];
  return (
    a.kind === 'number' &&
    first?.kind === 'word' &&
    a.value <= 12 &&
    Number.isInteger(a.value) &&
    a.high === undefined &&
    !a.vague &&
    a.per === undefined &&
    (a.unit ?? []).length === 0 &&
    c.word(at - 1, 'the', 'other', 'these', 'those')
  );
}

function qualifierAt(c: FigureCursor, i: number): { kind: QualifierKind; next: number } | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sign') {
    const kind = SIGN_QUALIFIERS.get(t.text);
    return kind !== undefined && c.tokens[i + 1] !== undefined ? { kind, next: i + 1 } : undefined;
  }
  if (t.kind !== 'word') return undefined;
  const candidates = QUALIFIERS_BY_FIRST_WORD.get(t.lower);
  if (!candidates) return undefined;
  for (const [words, kind] of candidates) if (c.words(i, words)) return { kind, next: i + words.length };
  return undefined;
}

/** A currency written before an amount: "$", "US$", "€", "USD ". */
function currencyBefore(c: FigureCursor, i: number): { currency: string; next: number } | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sign') {
    const currency = CURRENCY_SIGNS.get(t.text);
    return currency ? { currency, next: i + 1 } : undefined;
  }
  if (t.kind !== 'word') return undefined;
  const abbreviation = CURRENCY_ABBREVIATIONS.get(t.text);
  if (abbreviation !== undefined) {
    const dot = c.sign(i + 1, '.') && !(c.tokens[i + 1] as Token).space ? 1 : 0;
    if (c.tokens[i + 1 + dot]?.kind === 'num') return { currency: abbreviation, next: i + 1 + dot };
  }
  const dollar = c.tokens[i + 1];
  if (dollar?.kind === 'sign' && dollar.text === '$' && !dollar.space && t.text === t.text.toUpperCase()) {
    const currency = DOLLAR_PREFIXES.get(t.lower);
    if (currency) return { currency, next: i + 2 };
  }
  if (t.text.length === 3 && t.text === t.text.toUpperCase() && CURRENCY_CODES.has(t.text) && c.tokens[i + 1]?.kind === 'num') return { currency: t.text, next: i + 1 };
  return undefined;
}

/** What kind of quantity the words after a number make it: "%", "percent", "percentage points", "dollars", "times"… */
function suffixAt(c: FigureCursor, i: number, hasCurrency: boolean): { kind: Kind; factor?: number; currency?: string; next: number } | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sign') {
    if (t.text === '%') return { kind: 'percent', next: i + 1 };
    if (t.text === '×') return { kind: 'multiple', next: i + 1 };
    // "10-fold", "40-percent", "3-per-cent", "5-billion-dollar": the suffix joined by a hyphen.
    if (!c.hyphenJoin(i)) return undefined;
    if (c.word(i + 1, 'fold')) return { kind: 'multiple', next: i + 2 };
    if (c.word(i + 1, 'per') && c.hyphenJoin(i + 2) && c.word(i + 3, 'cent')) return { kind: 'percent', next: i + 4 };
    if (c.word(i + 1, 'percent', 'pct', 'dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds')) return suffixAt(c, i + 1, hasCurrency);
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
  if (w === 'per' && c.word(i + 1, 'cent')) return { kind: 'percent', next: i + 2 };
  if (w === 'percentage' && c.word(i + 1, 'point', 'points')) return { kind: 'points', next: i + 2 };
  if (w === 'basis' && c.word(i + 1, 'point', 'points')) return { kind: 'points', factor: 0.01, next: i + 2 };
  if (w === 'bps' || (w === 'pp' && t.text === 'pp')) return w === 'bps' ? { kind: 'points', factor: 0.01, next: i + 1 } : { kind: 'points', next: i + 1 };
  if ((w === 'times' || (w === 'fold' && !t.space)) && !hasCurrency) return { kind: 'multiple', next: i + 1 };
  if (!hasCurrency) {
    const name = currencyNameAt(c, i);
    if (name) return { kind: 'money', currency: name.currency, next: name.next };
  }
  return undefined;
}

/** "dollars", "US dollars", "Canadian dollars", "euros", "USD" after an amount. */
function currencyNameAt(c: FigureCursor, i: number): { currency: string; next: number } | undefined {
  const t = c.tokens[i] as Token;
  if (t.kind !== 'word') return undefined;
  if (t.text.length === 3 && t.text === t.text.toUpperCase() && CURRENCY_CODES.has(t.text)) return { currency: t.text, next: i + 1 };
  const name = CURRENCY_NAMES.get(t.lower);
  if (name) return { currency: name, next: i + 1 + (c.word(i + 1, 'sterling') ? 1 : 0) };
  const adjective = DOLLAR_ADJECTIVES.get(t.lower);
  if (adjective && c.word(i + 1, 'dollar', 'dollars')) return { currency: adjective, next: i + 2 };
  // "U.S. dollars"
  if (t.text === 'U' && c.sign(i + 1, '.') && c.word(i + 2, 's') && c.sign(i + 3, '.') && c.word(i + 4, 'dollar', 'dollars')) return { currency: 'USD', next: i + 5 };
  if (t.lower === 'swiss' && c.word(i + 1, 'franc', 'francs')) return { currency: 'CHF', next: i + 2 };
  if (t.lower === 'hong' && c.word(i + 1, 'kong') && c.word(i + 2, 'dollar', 'dollars')) return { currency: 'HKD', next: i + 3 };
  if (t.lower === 'new' && c.word(i + 1, 'zealand') && c.word(i + 2, 'dollar', 'dollars')) return { currency: 'NZD', next: i + 3 };
  return undefined;
}

/**
 * An amount at token i: money, a share, percentage points, a count, a multiple or a rank, one
 * value or a range. Two amounts for "from X to Y". Undefined when there is none (or it is a year).
 */
/**
 * An explicit sign before an amount: "−5%", "-$2 million", "+3%" (a sign joined to the amount, not a
 * dash between two numbers as in "10-20%").
 */
function signBefore(c: FigureCursor, i: number): { sign: -1 | 1; token: Token } | undefined {
  const t = c.tokens[i - 1];
  const first = c.tokens[i];
  if (!t || !first || first.space || t.kind !== 'sign' || !(t.text === '−' || t.text === '-' || t.text === '+')) return undefined;
  const before = c.tokens[i - 2];
  if (before && !t.space && before.text !== '(') return undefined;
  return { sign: t.text === '+' ? 1 : -1, token: t };
}

function readAmount(c: FigureCursor, i: number, context: { from: boolean; between: boolean }): AmountRead | AmountRead[] | undefined {
  const read = readUnsignedAmount(c, i, context);
  // "%4" (a percent sign written first, as Turkish does) is 4%, not the count 4.
  const percentFirst = c.tokens[i - 1];
  if (read && !Array.isArray(read) && read.kind === 'number' && percentFirst?.kind === 'sign' && percentFirst.text === '%' && c.tokens[i]?.kind === 'num' && !(c.tokens[i] as Token).space && c.tokens[i - 2]?.kind !== 'num') {
    return { ...read, kind: 'percent', start: percentFirst.start };
  }
  // "±4%" is the range from -4% to 4%: never grounded by "4%", nor grounding it.
  const pm = c.tokens[i - 1];
  if (read && !Array.isArray(read) && read.high === undefined && pm?.kind === 'sign' && pm.text === '\u00B1') return { ...read, value: -read.value, high: read.value, start: pm.start };
  const sign = read && !Array.isArray(read) ? signBefore(c, i) : undefined;
  return sign && read && !Array.isArray(read) ? { ...read, sign: sign.sign, start: sign.token.start } : read;
}

function readUnsignedAmount(c: FigureCursor, i: number, context: { from: boolean; between: boolean }): AmountRead | AmountRead[] | undefined {
  const start = c.tokens[i];
  if (!start) return undefined;
  const vague = vagueMoney(c, i);
  if (vague) return vague;
  const share = articleFraction(c, i);
  if (share) return finish(c, { kind: 'percent', value: share.value, yearLike: false, start: start.start, end: c.endOf(share.next), next: share.next });
  const pre = currencyBefore(c, i);
  const at = pre?.next ?? i;
  if (pre && c.tokens[at]?.kind !== 'num') return undefined;
  const low = readNumber(c, at);
  if (!low) return undefined;
  const lowToken = c.tokens[at] as Token;
  if (!pre) {
    const fraction = fractionAt(c, low.next, low);
    if (fraction) return finish(c, { kind: 'percent', value: fraction.value, yearLike: false, start: start.start, end: c.endOf(fraction.next), next: fraction.next });
  }
  let kind: Kind = pre ? 'money' : 'number';
  let factor = 1;
  let currency = pre?.currency;
  const lowSuffix = suffixAt(c, low.next, currency !== undefined);
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
  const connector = amountConnector(c, next, context.between, pre !== undefined || lowSuffix !== undefined, context.from);
  const other = connector === undefined ? undefined : rangeEnd(c, connector, currency, lowSuffix?.kind);
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
    const first: AmountRead = { kind, value: round(lowValue * factor), yearLike: false, start: start.start, end: c.endOf(firstNext), next: firstNext, ...money };
    const second: AmountRead = { kind, value: round(other.number.value * factor), yearLike: false, start: (c.tokens[connector as number] as Token).start, end: c.endOf(other.next), next: other.next, ...money };
    return [withUnit(c, first, false), finish(c, second)];
  }
  const range = other !== undefined && other.number.value > lowValue;
  if (range) next = other.next;
  else if (lowToken.kind === 'num' && isYearNumber(lowToken) && !pre && !lowSuffix && !low.scaled) return undefined;
  return finish(c, {
    kind,
    value: round((range ? lowValue : low.value) * factor),
    yearLike: false,
    start: start.start,
    end: c.endOf(next),
    next,
    ...money,
    ...(range ? { high: round(other.number.value * factor) } : {}),
  });
}

/** The high end of a range after its connector: its currency, number and suffix, when they agree with the low end's. */
function rangeEnd(c: FigureCursor, connector: number, currency: string | undefined, lowKind: Kind | undefined) {
  const pre = currencyBefore(c, connector);
  if (pre && currency !== undefined && pre.currency !== currency) return undefined;
  const number = readNumber(c, pre?.next ?? connector);
  if (!number || number.lone) return undefined;
  const suffix = suffixAt(c, number.next, (pre?.currency ?? currency) !== undefined);
  if (lowKind && suffix && suffix.kind !== lowKind) return undefined;
  return { currency: pre?.currency, number, suffix, next: suffix?.next ?? number.next };
}

/** "tens of billions of dollars", "$ billions" is not written; "hundreds of millions in funding". */
function vagueMoney(c: FigureCursor, i: number): AmountRead | undefined {
  const pre = currencyBefore(c, i);
  const v = vagueAt(c, pre?.next ?? i);
  if (!v) return undefined;
  let next = v.next;
  let currency = pre?.currency;
  if (!currency && c.word(next, 'of', 'in')) {
    const name = currencyNameAt(c, next + 1);
    if (name) {
      currency = name.currency;
      next = name.next;
    }
  }
  const start = (c.tokens[i] as Token).start;
  if (currency) return { kind: 'money', value: v.value, high: v.high, vague: true, currency, yearLike: false, start, end: c.endOf(next), next };
  const unit = c.word(next, 'of') ? c.unitAt(next + 1) : c.unitAt(next);
  return { kind: 'number', value: v.value, high: v.high, vague: true, unit: unit.unit, yearLike: false, start, end: c.endOf(next), next, ...(unit.per ? { per: unit.per } : {}) };
}

function amountConnector(c: FigureCursor, i: number, between: boolean, ownUnit: boolean, from: boolean): number | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sign' && DASHES.has(t.text)) return i + 1;
  if (between && c.word(i, 'and')) return i + 1;
  if (c.word(i, 'to') && (from || !ownUnit)) return i + 1;
  return undefined;
}

/** A read amount completed with its rate, its unit (a count) and a qualifier after it. */
function finish(c: FigureCursor, read: AmountRead): AmountRead {
  return withUnit(c, read, true);
}

function withUnit(c: FigureCursor, read: AmountRead, trailing: boolean): AmountRead {
  let next = read.next;
  let out = read;
  if (trailing && (out.kind === 'money' || out.kind === 'percent' || out.kind === 'points' || out.kind === 'number')) {
    const per = out.kind === 'number' ? undefined : c.perAt(next);
    if (per) {
      out = { ...out, per: per.per, end: c.endOf(per.next), next: per.next };
      next = per.next;
    }
  }
  if (out.kind === 'number' || out.kind === 'ordinal') {
    const unit = c.unitAt(next, out.kind === 'ordinal' || (out.value === 1 && out.high === undefined));
    out = { ...out, unit: unit.unit, ...(unit.per && out.kind === 'number' ? { per: unit.per } : {}) };
  }
  if (trailing) {
    if (c.word(next, 'or')) {
      const postfix = POSTFIX_QUALIFIERS.find(([words]) => c.words(next, words));
      if (postfix) out = { ...out, postfix: { kind: postfix[1], start: (c.tokens[next] as Token).start, end: (c.tokens[next + postfix[0].length - 1] as Token).end } };
    }
    const plus = c.tokens[next];
    if (!out.postfix && plus && c.sign(next, '+') && !plus.space) out = { ...out, postfix: { kind: 'over', start: plus.start, end: plus.end }, next: next + 1 };
    else if (!out.postfix && plus && c.hyphenJoin(next) && c.word(next + 1, 'plus')) out = { ...out, postfix: { kind: 'over', start: plus.start, end: (c.tokens[next + 1] as Token).end }, next: next + 2 };
  }
  return out;
}

/** "twice", "tripled", "tenfold"; "half of"; ordinals ("the third round"). */
export function readWordFigure(c: FigureCursor, i: number): number | undefined {
  const t = c.tokens[i] as Token;
  if (t.kind !== 'word') return undefined;
  if (t.lower === 'both') {
    // "both companies" states two companies (and "the two" is grounded by it).
    const unit = c.unitAt(i + 1);
    c.push({ kind: 'number', value: 2, unit: unit.unit, quoteOnly: true, start: t.start, end: t.end });
    return i + 1;
  }
  const multiple = MULTIPLE_WORDS.get(t.lower);
  if (multiple !== undefined) {
    c.push({ kind: 'multiple', value: multiple, start: t.start, end: t.end });
    return i + 1;
  }
  if (t.lower === 'half' && (HALF_FOLLOWERS.has(c.tokens[i + 1]?.kind === 'word' ? (c.tokens[i + 1] as Token).lower : '') || c.word(i - 1, 'by')) && !c.word(i - 1, 'a', 'an', 'first', 'second', 'one')) {
    c.push({ kind: 'percent', value: 50, start: t.start, end: t.end });
    return i + 1;
  }
  return ordinal(c, i);
}

function ordinal(c: FigureCursor, i: number): number | undefined {
  const t = c.tokens[i] as Token;
  let value = ORDINALS.get(t.lower);
  let next = i + 1;
  // "twenty-first"
  const tens = TENS.get(t.lower);
  if (tens !== undefined && c.hyphenJoin(i + 1)) {
    const u = ORDINALS.get((c.tokens[i + 2] as Token | undefined)?.lower ?? '');
    if (u !== undefined && u < 10) {
      value = tens + u;
      next = i + 3;
    }
  }
  if (value === undefined) return undefined;
  if (idiom(c, i, next)) return undefined;
  // A rank in words is a word the support rule checks; in a quote it grounds a rank in digits ("3rd").
  const unit = c.unitAt(next, true);
  c.push({ kind: 'ordinal', value, unit: unit.unit, quoteOnly: true, start: t.start, end: (c.tokens[next - 1] as Token).end });
  return next;
}

/** Ordinal words that state no rank: "third party", "first-hand", "at first", "first of all", "a second" (of time). */
function idiom(c: FigureCursor, i: number, next: number): boolean {
  const w = (c.tokens[i] as Token).lower;
  const after = c.hyphenJoin(next) ? next + 1 : next;
  if (c.word(after, 'party', 'parties', 'hand', 'handed')) return true;
  if (w === 'first' && (c.word(i - 1, 'at') || (c.word(next, 'of') && c.word(next + 1, 'all')))) return true;
  if (w === 'second' && (c.word(i - 1, 'a', 'per', 'split', 'every', 'one') || c.tokens[i - 1]?.kind === 'num' || c.word(next, 'ago'))) return true;
  return false;
}

function figureOf(a: AmountRead): Unplaced {
  if (a.kind === 'multiple') return { kind: 'multiple', start: a.start, end: a.end, value: a.value };
  if (a.kind === 'ordinal') return { kind: 'ordinal', start: a.start, end: a.end, value: a.value, unit: a.unit ?? [] };
  const f = { kind: a.kind, start: a.start, end: a.end, value: a.value } as Unplaced & { high?: number; vague?: boolean; per?: string; sign?: -1 | 1; currency?: string; unit?: string[] };
  if (a.high !== undefined) f.high = a.high;
  if (a.vague) f.vague = true;
  if (a.per) f.per = a.per;
  if (a.sign) f.sign = a.sign;
  if (a.kind === 'money') f.currency = a.currency ?? 'USD';
  if (a.kind === 'number') f.unit = a.unit ?? [];
  return f;
}

