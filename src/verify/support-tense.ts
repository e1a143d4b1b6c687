// Tense: what its quotes give as a past state ("once led", "previously owned", "formerly
// employed", "used to run", "the former chief executive"), a statement may not give as current
// ("leads", "owns", "is chief executive"). It may give it as past: in the quotes' own past form
// ("led"), in another past form ("employed"), or after a past auxiliary or one of these words.
import { isAdverb, isFunctionWord, type Token } from './support-lexicon.js';

/** Adverbs that put the verb after them in the past. */
const PAST_ADVERBS = new Set(['once', 'previously', 'formerly']);
/** Adjectives that put the noun after them in the past. */
const PAST_ADJECTIVES = new Set(['former', 'erstwhile']);
/** Words that make "once" no past: "at once", "all at once"; before: "once again", "once more", "once a year". */
const ONCE_NOT_PAST_BEFORE = new Set(['at', 'than', 'for', 'and', 'or', 'but', 'all']);
const ONCE_NOT_PAST_AFTER = new Set(['again', 'more', 'a', 'an', 'every', 'per', 'or', 'and', 'in', 'the', 'it', 'they', 'we', 'he', 'she', 'this', 'that']);
/** Forms of "be" and "have" before "used to" that make it a passive ("was used to fund"), not a past habit. */
const BE_OR_HAVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);
/** Words that say, within a few words before a statement's word, that it is past. */
const PAST_MARKERS = new Set(['was', 'were', 'had', 'did', 'used', ...PAST_ADVERBS, ...PAST_ADJECTIVES]);
/** Words ending in "ed" that are no past forms. */
const NOT_PAST = new Set(['hundred', 'indeed', 'speed', 'need', 'seed', 'breed', 'greed', 'feed', 'sacred', 'naked', 'wicked', 'kindred', 'red', 'bed', 'shed']);

export interface PastCue {
  text: string;
  /** The cue's token (-1 when it lies outside the quote, in its frame). */
  at: number;
  /** The tokens it puts in the past: the verb after an adverb, the noun (two words at most) after an adjective. */
  targets: number[];
  /** An adverb of a verb: a statement that writes the verb in the quote's own form writes the past. */
  adverb: boolean;
}

/** The first tokens after `i` in its clause that carry content (not function words, adverbs or punctuation), at most `count`. */
function contentAfter(tokens: readonly Token[], i: number, count: number): number[] {
  const out: number[] = [];
  const segment = (tokens[i] as Token).segment;
  for (let k = i + 1; k < tokens.length && k <= i + 5 && out.length < count; k++) {
    const t = tokens[k] as Token;
    if (t.segment !== segment || (t.punct && t.text !== '-')) break;
    if (t.digit || isFunctionWord(t.lower) || isAdverb(t.lower)) continue;
    out.push(k);
  }
  return out;
}

/** The past states a text gives. */
export function pastCuesOf(tokens: readonly Token[]): PastCue[] {
  const cues: PastCue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.punct) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (PAST_ADVERBS.has(t.lower)) {
      // "Once the deal closes, …" opens a clause: a condition of time, not a past.
      if (t.lower === 'once' && (before === undefined || before.punct || ONCE_NOT_PAST_BEFORE.has(before.lower) || ONCE_NOT_PAST_AFTER.has(after?.lower ?? ''))) continue;
      const targets = contentAfter(tokens, i, 1);
      if (targets.length > 0) cues.push({ text: t.text, at: i, targets, adverb: true });
    } else if (t.lower === 'used' && after?.lower === 'to' && !BE_OR_HAVE.has(before?.lower ?? '')) {
      const targets = contentAfter(tokens, i + 1, 1);
      if (targets.length > 0) cues.push({ text: `${t.text} ${after.text}`, at: i, targets, adverb: false });
    } else if (t.lower === 'until' && after?.lower === 'recently') {
      const targets = contentAfter(tokens, i + 1, 1);
      if (targets.length > 0) cues.push({ text: `${t.text} ${after.text}`, at: i, targets, adverb: true });
    } else if (PAST_ADJECTIVES.has(t.lower)) {
      const targets = contentAfter(tokens, i, 2);
      if (targets.length > 0) cues.push({ text: t.text, at: i, targets, adverb: false });
    }
  }
  return cues;
}

/** A word of the text that says "past" (not content: "formerly" in a statement says when, not what). */
export function isPastWord(lower: string): boolean {
  return PAST_ADVERBS.has(lower) || PAST_ADJECTIVES.has(lower);
}

/** Whether a statement gives its token at `i` as past: a past form of its own, or a past word or auxiliary just before it. */
export function givenAsPast(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.lower.length > 4 && t.lower.endsWith('ed') && !NOT_PAST.has(t.lower)) return true;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const b = tokens[k] as Token;
    if (b.punct) break;
    if (PAST_MARKERS.has(b.lower)) return true;
  }
  return false;
}
