// Scope that the quotes give, but narrower: a word of scope ("first", "largest", "top", "only")
// that the quotes write of another noun ("its first month" is no "first game"), bounded ("among
// the top ten", "one of the largest", "the largest three") where the statement is not, or
// narrowed by a place or a name after its noun that the statement drops ("the largest buyer of
// cocoa in Switzerland"). Words of scope the quotes do not write at all are support.ts's.
import { isAdverb, type Token } from './support-lexicon.js';

/** A text as the scope check reads it: its tokens, every token's keys, and which tokens carry content. */
export interface ScopeText {
  tokens: readonly Token[];
  keys: readonly (readonly string[])[];
  content: readonly boolean[];
}

export interface ScopeShift {
  /** The statement's word of scope. */
  word: string;
  /** What the quotes say of it, for the message. */
  message: string;
}

/** How far after a word of scope its noun may be ("first electric ships", "largest European buyer"). */
const HEAD_REACH = 3;
/** Prepositions that narrow a noun to a place, a market or a group ("in Switzerland", "among insurers"). */
const NARROWING = new Set(['in', 'within', 'among', 'across', 'outside', 'on']);
/** Words that bound a rank from before: "among the top ten", "one of the largest". */
const BOUNDING_BEFORE = new Set(['among', 'amongst']);

interface Said {
  q: ScopeText;
  at: number;
}

/** Where each key occurs in a quote, kept by the quote (a quote is read by every statement that cites it). */
const keyIndexes = new WeakMap<ScopeText, Map<string, Said[]>>();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  return a.some((k) => b.includes(k));
}

/**
 * The words a word of scope at `i` may be said of: the run of content words (no adverbs) that
 * follows it in its clause within reach ("first electric ships"; "every Acme success", whose
 * run goes on into the verb, so any word of it may be the noun); empty when there is none.
 */
function headOf(text: ScopeText, i: number): number[] {
  const segment = (text.tokens[i] as Token).segment;
  const run: number[] = [];
  for (let k = i + 1; k < text.tokens.length && k <= i + HEAD_REACH; k++) {
    const t = text.tokens[k] as Token;
    if (t.segment !== segment || (t.punct && t.text !== '’' && t.text !== "'")) break;
    if (text.content[k] && !isAdverb(t.lower)) run.push(k);
    else if (run.length > 0) break;
  }
  return run;
}

/** A quote's headOf, kept by the quote. */
const quoteHeads = new WeakMap<ScopeText, Map<number, number[]>>();

function quoteHeadOf(text: ScopeText, i: number): number[] {
  let heads = quoteHeads.get(text);
  if (!heads) {
    heads = new Map();
    quoteHeads.set(text, heads);
  }
  let head = heads.get(i);
  if (!head) {
    head = headOf(text, i);
    heads.set(i, head);
  }
  return head;
}

/** Whether a rank at `i` is bounded: "among the top ten", "one of the largest", "the largest three", "top 10". */
function bounded(text: ScopeText, i: number, numberWord: (t: Token) => boolean): boolean {
  const segment = (text.tokens[i] as Token).segment;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = text.tokens[k] as Token;
    if (t.segment !== segment || t.punct) break;
    if (BOUNDING_BEFORE.has(t.lower)) return true;
    if (t.lower === 'of' && (text.tokens[k - 1]?.lower === 'one' || text.tokens[k - 1]?.lower === 'some')) return true;
  }
  const next = text.tokens[i + 1];
  return next !== undefined && next.segment === segment && (next.digit || numberWord(next));
}

/** The places and names a noun at `head` is narrowed to by a preposition right after it ("buyer of cocoa in Switzerland": "Switzerland"). */
function narrowedTo(text: ScopeText, head: number, isName: (t: Token) => boolean): Token[] {
  const segment = (text.tokens[head] as Token).segment;
  const names: Token[] = [];
  let k = head + 1;
  // "of Ghanaian cocoa" before "in Switzerland": a chain of prepositional phrases, each a few words.
  for (let phrases = 0; phrases < 3; phrases++) {
    const preposition = text.tokens[k];
    if (!preposition || preposition.segment !== segment || preposition.punct || !(NARROWING.has(preposition.lower) || preposition.lower === 'of')) break;
    k++;
    let words = 0;
    while (k < text.tokens.length && words < 4) {
      const t = text.tokens[k] as Token;
      if (t.segment !== segment || t.punct || NARROWING.has(t.lower) || t.lower === 'of') break;
      if (NARROWING.has(preposition.lower) && isName(t)) names.push(t);
      k++;
      words++;
    }
  }
  return names;
}

/**
 * The statement's words of scope that its quotes write, but of another noun, bounded, or narrowed
 * by a name the statement drops. `isScope` tells a word of scope; `isName` a name; `numberWord` a number in words.
 */
export function scopeShifts(
  statement: ScopeText,
  quotes: readonly ScopeText[],
  isScope: (t: Token) => boolean,
  isName: (t: Token) => boolean,
  numberWord: (t: Token) => boolean,
): ScopeShift[] {
  const shifts: ScopeShift[] = [];
  const ownKeys = new Set(statement.keys.flat());
  const seen = new Set<string>();
  const byKeyOf = (q: ScopeText) => {
    let index = keyIndexes.get(q);
    if (!index) {
      index = new Map();
      for (const t of q.tokens) if (!t.punct) for (const k of q.keys[t.index] ?? []) pushTo(index, k, { q, at: t.index });
      keyIndexes.set(q, index);
    }
    return index;
  };
  for (const token of statement.tokens) {
    if (token.punct || !isScope(token)) continue;
    const keys = statement.keys[token.index] ?? [];
    const head = headOf(statement, token.index);
    if (head.length === 0) continue;
    const headKeys = head.flatMap((k) => statement.keys[k] ?? []);
    // The same word of scope of the same noun, written again, reads the same.
    const bound = bounded(statement, token.index, numberWord);
    const seenKey = `${keys.join(' ')}\u0000${headKeys.join(' ')}\u0000${bound}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    const said = [...new Set(keys.flatMap((k) => quotes.flatMap((q) => byKeyOf(q).get(k) ?? [])))];
    if (said.length === 0) continue;
    const heads = said.map((s) => ({ ...s, head: quoteHeadOf(s.q, s.at) }));
    // A quote that writes it with no noun after it ("was the first to …") may say it of any.
    if (heads.some((s) => s.head.length === 0)) continue;
    const same = heads.filter((s) => s.head.some((k) => sharesKey(headKeys, s.q.keys[k] ?? [])));
    const headText = (statement.tokens[head[head.length - 1] as number] as Token).text;
    if (same.length === 0) {
      const other = heads[0] as { q: ScopeText; head: number[] };
      const otherText = (other.q.tokens[other.head[other.head.length - 1] as number] as Token).text;
      shifts.push({ word: token.text, message: `says "${token.text} … ${headText}" where its quotes say "${token.text}" of "${otherText}"` });
      continue;
    }
    if (!bound && same.every((s) => bounded(s.q, s.at, numberWord))) {
      shifts.push({ word: token.text, message: `says "${token.text} … ${headText}" where its quotes give a rank among others` });
      continue;
    }
    const dropped = same.map((s) => narrowedTo(s.q, s.head[s.head.length - 1] as number, isName).filter((n) => !(s.q.keys[n.index] ?? []).some((k) => ownKeys.has(k))));
    if (dropped.every((d) => d.length > 0)) {
      const name = (dropped[0] as Token[])[0] as Token;
      shifts.push({ word: token.text, message: `says "${token.text} … ${headText}" where its quotes say it only in "${name.text}"` });
    }
  }
  return shifts;
}
