// The cursor the figure readers share: the tokens of a text, how to look at them, and the figures
// found so far (placed back in the text as written). figure-parse.ts drives the readers:
// figure-dates.ts, figure-amounts.ts (with figure-numbers.ts).
import { lemma, looksPlural, RATE_ADVERBS, RATE_UNITS, STOP_WORDS, TIME_UNITS, UNIT_MODIFIERS, type QualifierKind } from './figure-lexicon.js';
import type { Figure } from './figure-model.js';
import type { Token } from './figure-tokens.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A figure before its text is cut from the text as written; offsets in the folded text. */
export type Unplaced = DistributiveOmit<Figure, 'text'>;

const YEAR_MIN = 1800;
const YEAR_MAX = 2199;
export const DASHES: ReadonlySet<string> = new Set(['-', '–', '—', '‒']);

/** A four-digit number from 1800 to 2199 written without a separator: a year. */
export function isYearNumber(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'num' && !t.separated && t.text.length === 4 && t.value >= YEAR_MIN && t.value <= YEAR_MAX;
}

export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export class FigureCursor {
  readonly figures: Figure[] = [];
  readonly n: number;

  constructor(
    readonly tokens: Token[],
    readonly folded: string,
    private readonly toWritten: (offset: number) => number,
    private readonly written: string,
  ) {
    this.n = tokens.length;
  }

  word(i: number, ...words: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'word' && words.includes(t.lower);
  }

  /** Whether the tokens from i on are these words. */
  words(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) {
      const t = this.tokens[i + k];
      if (t === undefined || t.kind !== 'word' || t.lower !== words[k]) return false;
    }
    return true;
  }

  sign(i: number, ...signs: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'sign' && signs.includes(t.text);
  }

  /** Token `i` touches the one before it (no white space between). */
  attached(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && i > 0 && !t.space;
  }

  /** A dash between two tokens, with or without spaces: the index after it, or undefined. */
  dashAt(i: number): number | undefined {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'sign' && DASHES.has(t.text) ? i + 1 : undefined;
  }

  /** A hyphen joining token i-1 and i+1 (no spaces). */
  hyphenJoin(i: number): boolean {
    return this.sign(i, '-', '‐', '‑') && this.attached(i) && this.attached(i + 1);
  }

  /** The end offset of the token before `next`. */
  endOf(next: number): number {
    return (this.tokens[next - 1] as Token).end;
  }

  push(figure: Unplaced, qualifier?: { kind: QualifierKind; start: number; end: number }): void {
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

  /** A rate after an amount: "a month", "per share", "/month", "per user per month", "annually". */
  perAt(i: number): { per: string; next: number } | undefined {
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
  unitAt(i: number, singular = false): { unit: string[]; per?: string; next: number } {
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
}
