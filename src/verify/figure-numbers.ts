// Numbers, in digits with their scale ("5bn", "$13.75-billion", "2.4 mn") or in words ("five",
// "twenty-five", "a hundred and twenty", "two and a half million", "half a billion", "a dozen");
// fractions ("two-thirds", "one in five", "a third of") and vague quantities ("tens of billions").
import { DENOMINATORS, SCALE_ABBREVIATIONS, SCALE_WORDS, TENS, UNITS, VAGUE_PLURALS } from './figure-lexicon.js';
import { DASHES, isYearNumber, round, type FigureCursor } from './figure-cursor.js';
import type { Token } from './figure-tokens.js';

export const ORDINAL_SUFFIX: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);
/** Letters that may touch digits in a figure ("5bn", "3rd", "10x", "5pc"); any other makes the word a token ("XR-4o", "5G"). */
export const NUMERIC_SUFFIXES: ReadonlySet<string> = new Set([...SCALE_ABBREVIATIONS.keys(), ...ORDINAL_SUFFIX, 'x', 'pc', 'pct', 'pp', 'ppt', 'bps', 'bp']);

export interface NumberRead {
  value: number;
  /** The number before its last scale ("2" of "2 billion") and that scale (1 when none). */
  raw: number;
  factor: number;
  next: number;
  /** The number was "one" alone. */
  lone: boolean;
  scaled: boolean;
}

/** A number in digits (with its scale) or in words, at token i. */
export function readNumber(c: FigureCursor, i: number): NumberRead | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num') {
    const scale = scaleAt(c, i + 1);
    const more = scale ? wordNumberScale(c, scale.next) : undefined;
    const factor = (scale?.factor ?? 1) * (more?.factor ?? 1);
    return { value: round(t.value * factor), raw: t.value, factor, next: more?.next ?? scale?.next ?? i + 1, lone: false, scaled: scale !== undefined };
  }
  if (t.kind === 'word') return wordNumber(c, i);
  return undefined;
}

/** A scale after digits: "bn" or "B" attached, " billion", "-billion", " bn". */
function scaleAt(c: FigureCursor, i: number): { factor: number; next: number } | undefined {
  const t = c.tokens[i];
  if (!t) return undefined;
  if (t.kind === 'word' && !t.space) {
    const factor = SCALE_ABBREVIATIONS.get(t.lower) ?? SCALE_WORDS.get(t.lower);
    if (factor === undefined) return undefined;
    // A letter is a scale only at a word boundary: "$5 T-shirt", "$100 M&A", "5m's" are not.
    const after = c.tokens[i + 1];
    if (after && !after.space && after.kind !== 'sign') return undefined;
    if (after && !after.space && (after.text === '&' || after.text === '’' || after.text === "'" || DASHES.has(after.text)) && c.tokens[i + 2] && !(c.tokens[i + 2] as Token).space && c.tokens[i + 2]?.kind === 'word' && !c.word(i + 2, 'plus')) return undefined;
    return { factor, next: i + 1 };
  }
  if (t.kind === 'sign' && DASHES.has(t.text) && !t.space) {
    const w = c.tokens[i + 1];
    if (w?.kind === 'word' && !w.space && SCALE_WORDS.has(w.lower)) return { factor: SCALE_WORDS.get(w.lower) as number, next: i + 2 };
    return undefined;
  }
  if (t.kind === 'word') {
    if (SCALE_WORDS.has(t.lower)) return { factor: SCALE_WORDS.get(t.lower) as number, next: i + 1 };
    // A plural scale after digits is a scale too ("4 millions", as French and Spanish write it).
    if (/^(?:thousand|million|billion|trillion)s$/.test(t.lower)) return { factor: SCALE_WORDS.get(t.lower.slice(0, -1)) as number, next: i + 1 };
    if (t.lower === 'hundred') return { factor: 100, next: i + 1 };
    if (t.lower === 'dozen') return { factor: 12, next: i + 1 };
    // Abbreviations of two letters or more after a space: "5 bn", "2.4 mn" (never "5 M&A").
    if (t.lower.length >= 2 && SCALE_ABBREVIATIONS.has(t.lower) && t.text === t.lower) {
      const after = c.tokens[i + 1];
      if (after && !after.space && after.kind !== 'sign') return undefined;
      return { factor: SCALE_ABBREVIATIONS.get(t.lower) as number, next: i + 1 };
    }
  }
  return undefined;
}

/** "hundred thousand": scale words after a scale. */
function wordNumberScale(c: FigureCursor, i: number): { factor: number; next: number } | undefined {
  const t = c.tokens[i];
  if (t?.kind !== 'word' || !SCALE_WORDS.has(t.lower)) return undefined;
  return { factor: SCALE_WORDS.get(t.lower) as number, next: i + 1 };
}

/** A number in words: "five", "twenty-five", "a hundred and twenty", "two and a half million", "half a billion", "a dozen". */
function wordNumber(c: FigureCursor, i: number): NumberRead | undefined {
  let total = 0;
  let current = 0;
  let factor = 1;
  let j = i;
  // What was read last: it decides what may follow ("five hundred", not "hundred five hundred").
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  const first = (c.tokens[i] as Token).lower;
  if ((first === 'a' || first === 'an') && isScaleWord(c, i + 1)) {
    current = 1;
    last = 'unit';
    j = i + 1;
  } else if (first === 'half' && c.word(i + 1, 'a', 'an') && isScaleWord(c, i + 2)) {
    current = 0.5;
    last = 'unit';
    j = i + 2;
  }
  for (;;) {
    // "five-billion": a scale word joined by a hyphen.
    if (c.hyphenJoin(j) && (last === 'unit' || last === 'tens' || last === 'hundred') && SCALE_WORDS.has(c.tokens[j + 1]?.lower ?? '')) j++;
    const t = c.tokens[j];
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
      const u = c.hyphenJoin(j) ? UNITS.get((c.tokens[j + 1] as Token).lower) : undefined;
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
      const after = c.tokens[j + 1]?.lower ?? '';
      if (c.word(j, 'and') && (UNITS.has(after) || TENS.has(after))) j++;
    } else if ((SCALE_WORDS.has(w) || w === 'dozen') && (last === 'unit' || last === 'tens' || last === 'hundred') && current > 0) {
      const scale = w === 'dozen' ? 12 : (SCALE_WORDS.get(w) as number);
      total += current * scale;
      factor = scale;
      current = 0;
      last = 'scale';
      j++;
      if (w === 'dozen') break;
    } else if (w === 'and' && c.word(j + 1, 'a') && c.word(j + 2, 'half') && (last === 'unit' || last === 'tens') && current > 0) {
      current += 0.5;
      j += 3;
    } else break;
  }
  if (last === 'none') return undefined;
  const value = round(total + current);
  const lone = j === i + 1 && first === 'one';
  return { value, raw: round(value / factor), factor, next: j, lone, scaled: factor !== 1 };
}

function isScaleWord(c: FigureCursor, i: number): boolean {
  return c.word(i, 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen');
}

/** "tens of billions of dollars", "hundreds of millions", "hundreds of jobs", "dozens of": a vague quantity [low, high). */
export function vagueAt(c: FigureCursor, i: number): { value: number; high: number; next: number } | undefined {
  const t = c.tokens[i];
  if (t?.kind !== 'word') return undefined;
  if ((t.lower === 'tens' || t.lower === 'hundreds') && c.word(i + 1, 'of')) {
    const times = t.lower === 'tens' ? 10 : 100;
    const scale = VAGUE_PLURALS.get((c.tokens[i + 2] as Token | undefined)?.lower ?? '');
    if (scale !== undefined && scale >= 1e3) return { value: times * scale, high: times * scale * 10, next: i + 3 };
    return { value: times, high: times * 10, next: i + 1 };
  }
  const scale = VAGUE_PLURALS.get(t.lower);
  if (scale === undefined || !c.word(i + 1, 'of', 'in')) return undefined;
  if (t.lower === 'dozens') return { value: 24, high: 144, next: i + 1 };
  return { value: scale, high: scale * 1000, next: i + 1 };
}

/** Fractions after a number: "one in five", "3 out of 4", "two-thirds", "one half": a share in percent. */
export function fractionAt(c: FigureCursor, i: number, num: NumberRead): { value: number; next: number } | undefined {
  const t = c.tokens[i];
  if (!t || num.scaled || num.value <= 0 || !Number.isInteger(num.value) || num.value > 100) return undefined;
  if (c.word(i, 'in') || (c.word(i, 'out') && c.word(i + 1, 'of'))) {
    const at = c.word(i, 'in') ? i + 1 : i + 2;
    const d = readNumber(c, at);
    // "1 in 2021" is a rank in a year, not a share.
    if (!d || d.scaled || !Number.isInteger(d.value) || d.value <= num.value || isYearNumber(c.tokens[at])) return undefined;
    return { value: round((num.value / d.value) * 100), next: d.next };
  }
  // "2/3 of": a fraction in digits (only before "of": "24/7" and "9/11" are no shares).
  const over = c.tokens[i + 1];
  if (c.sign(i, '/') && !t.space && over?.kind === 'num' && !over.space && !over.separated && c.word(i + 2, 'of') && over.value > num.value) {
    return { value: round((num.value / over.value) * 100), next: i + 2 };
  }
  const j = c.hyphenJoin(i) ? i + 1 : i;
  const den = c.tokens[j]?.kind === 'word' ? DENOMINATORS.get((c.tokens[j] as Token).lower) : undefined;
  if (den === undefined || num.value >= den || num.value > 10) return undefined;
  return { value: round((num.value / den) * 100), next: j + 1 };
}

/** "a third of", "a quarter of", "a fifth of": a share; "a third round" is a rank, "a quarter" alone a time. */
export function articleFraction(c: FigureCursor, i: number): { value: number; next: number } | undefined {
  if (!c.word(i, 'a', 'an') || !c.word(i + 2, 'of')) return undefined;
  const den = DENOMINATORS.get((c.tokens[i + 1] as Token | undefined)?.lower ?? '');
  return den === undefined ? undefined : { value: round(100 / den), next: i + 2 };
}
