// Kinds of money amounts, told apart by the cue words of the phrase or clause that states them, so
// that a chart compares like with like and the change report compares a new document's amount with
// a statement's of the same kind. Plain English, no topic. The draft and the change report share it.

const word = (alternatives: string): RegExp => new RegExp(`\\b(?:${alternatives})`, 'i');

/** Kinds of money amounts, told apart so that a chart compares like with like. */
export type AmountKind = 'investment' | 'total' | 'valuation' | 'plan' | 'debt' | 'contingent';

export const AMOUNT_CUES: Record<AmountKind, RegExp> = {
  valuation: word('valuation|valu(?:ed|es|ing)\\b|worth\\b|market (?:cap|value)|(?:the|a) value of|put the value'),
  total: word('in total|total|cumulative|in all\\b|altogether|to date|so far|overall|ballooned|now stands at|bringing (?:its|the|their) (?:total|stake)'),
  debt: word('loans?\\b|(?:convertible )?notes?\\b|debt\\b|bonds?\\b|credit (?:line|facility)|borrow|lend(?:s|ing)?\\b|lent\\b'),
  contingent: word('depends? on|depending on|tied to|milestones?|conditional on|if (?:it|the|they)'),
  plan: word('plans?\\b|planned|planning|will (?:invest|spend|put|commit|pay|make)|intends?|aims? to|pledg|earmark|budget|proposed|over the next|is set to (?:invest|spend)|up to|as much as|package|prepared to (?:pay|invest)|offer(?:ed)? to (?:pay|buy)|bid\\b|promised'),
  investment: word('invest|stake\\b|funding|funded|raised?\\b|raising|backed|backing|inject|financ|capital (?:increase|injection)|bought|buy|acquir|acquisition|purchase|commit|paid|pay|put (?:\\S+ )?into'),
};

/** Precedence when a phrase carries several cues: a valuation is never new money, nor a total; a loan is a loan even when conditional. */
export const AMOUNT_KIND_ORDER: AmountKind[] = ['valuation', 'total', 'debt', 'contingent', 'plan', 'investment'];

/** The kind of the amount at offset `at` of a sentence: the cue words of its own phrase (between commas) decide; else those of its clause. */
export function amountKindAt(text: string, at: number): AmountKind | undefined {
  const phrase = phraseAround(text, at);
  return AMOUNT_KIND_ORDER.find((k) => AMOUNT_CUES[k].test(phrase)) ?? AMOUNT_KIND_ORDER.find((k) => AMOUNT_CUES[k].test(clauseAround(text, at)));
}

/**
 * A full stop that ends a sentence: not the stop of an initial or an abbreviation ("U.S. Steel",
 * "J. Doe", "Acme Inc. said"), which would cut a phrase in two and lose its cue words.
 */
export const SENTENCE_STOP = /(?<!(?:^|[\s.(\p{P}])(?:\p{L}|Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|Jr|Sr|vs|etc|No))\. /u;
const SENTENCE_STOPS = new RegExp(SENTENCE_STOP.source, 'gu');

/** Offset just after the last sentence stop before `at`, or 0. */
function afterLastStop(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(SENTENCE_STOPS)) start = (m.index ?? 0) + m[0].length;
  return start;
}

/** The words between the commas around offset `at`. */
function phraseAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(',', at) + 1, text.lastIndexOf(';', at) + 1, afterLastStop(text, at));
  const rest = text.slice(at).search(new RegExp(`[,;]|${SENTENCE_STOP.source}`, 'u'));
  return text.slice(start, rest < 0 ? text.length : at + rest);
}

/** The clause of `text` around offset `at`, for reading the cue words that qualify an amount. */
function clauseAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(';') + 1, afterLastStop(text, at), before.lastIndexOf(', while') + 1, before.lastIndexOf(', but') + 1);
  const rest = text.slice(at);
  const stop = rest.search(SENTENCE_STOP);
  const ends = [rest.indexOf(';'), rest.indexOf(', while'), rest.indexOf(', but'), stop].filter((i) => i >= 0);
  const end = ends.length > 0 ? at + Math.min(...ends) : text.length;
  return text.slice(start, end);
}
