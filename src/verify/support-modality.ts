// Modality: how far along a statement says a thing is, against its quotes. A verb is done
// ("invested", "has formed", "runs"), settled for the future ("will invest"), or only proposed,
// in talks or conditional ("would contribute", "in talks about", "under the proposal"); a verb
// its quotes give only as an intent ("agreed to buy", "signed an MoU to form", "plans to invest")
// is not done. A statement may say less than its quotes (a done thing as planned), never more. Negated
// verbs, on either side, are the negation rule's.
import { isNegationWord, type Cue } from './support-cues.js';
import { isAdverb, isFunctionWord, lemmaOf, type Token } from './support-lexicon.js';

/** How far along: 1 proposed, in talks or conditional; 2 intended or settled for the future; 3 done. */
export type Stage = 1 | 2 | 3;

export interface ModalityWord {
  token: Token;
  occurrences: readonly { quote: number; token: number }[];
}

export interface ModalityQuote {
  tokens: readonly Token[];
  /** The hedges that reach each token (framing quotes applied). */
  reached: ReadonlyMap<number, readonly Cue[]> | undefined;
}

/** Amount qualifiers: they bound a figure, they say nothing of how far a deal is ("up to" is its own check). */
export const AMOUNT_QUALIFIERS = new Set(['up to', 'as much as', 'at most']);
/** Cues of a thing not yet agreed: talks, a proposal. */
const PROPOSAL_CUES = new Set(['in talks', 'talks', 'negotiating', 'negotiations', 'proposed', 'proposes', 'proposal', 'under the proposal']);
/** Words before "to" after which the verb happened ("the first operator to offer", "was able to raise"). */
const FACTUAL_BEFORE_TO = new Set(['first', 'last', 'only', 'next', 'second', 'third', 'latest', 'earliest', 'able', 'managed', 'enough', 'began', 'begun', 'started', 'continued', 'continues', 'used', 'helped', 'went', 'came']);
/** Verbs of saying: a "would" after them is the future of what was said ("said it would not raise"), not a condition. */
const SAYING = new Set(['said', 'says', 'say', 'told', 'announced', 'stated', 'added', 'confirmed', 'promised', 'pledged', 'insisted', 'expects', 'expected', 'warned']);
/** Words ending in "ed" that are no past forms. */
const NOT_PAST = new Set(['hundred', 'indeed', 'speed', 'need', 'seed', 'breed', 'greed', 'feed', 'sacred', 'naked', 'wicked', 'kindred']);
/** Modal verbs that make a statement's verb conditional or tentative (the hedge rule reads the tentative ones). */
const CONDITIONAL = new Set(['would', 'could', 'might', 'may', 'should']);

function cueStage(cue: Cue): Stage | 0 | undefined {
  const text = cue.text.toLowerCase();
  if (AMOUNT_QUALIFIERS.has(text)) return undefined;
  if (cue.kind === 'tentative') return 0;
  if (cue.kind !== 'plan') return undefined;
  return PROPOSAL_CUES.has(text) ? 1 : 2;
}

/** The token before `i` that is not an adverb of the verb group ("would also contribute"). */
function auxiliaryBefore(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k] as Token;
    if (t.punct) return undefined;
    if (!isAdverb(t.lower) && t.lower !== 'also' && t.lower !== 'still' && t.lower !== 'then') return t;
  }
  return undefined;
}

/** Whether the verb at `i` is an infinitive of intent: "agreed to buy", "an MoU … to form" (not "the first to offer", "up to"). */
function infinitiveOfIntent(tokens: readonly Token[], i: number): boolean {
  if (tokens[i - 1]?.lower !== 'to') return false;
  const before = tokens[i - 2];
  if (!before || before.punct) return true;
  // "refused to accept", "unwilling to share": a negation, the negation rule's.
  if (before.lower === 'up' || FACTUAL_BEFORE_TO.has(before.lower) || isNegationWord(before.lower) || /^[a-z]{3,}est$/.test(before.lower)) return false;
  return true;
}

/** A "would" of condition: not the future of a verb of saying earlier in its clause. */
function conditionalWould(tokens: readonly Token[], at: Token): boolean {
  if (at.lower !== 'would') return CONDITIONAL.has(at.lower);
  for (let k = at.index - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.segment !== at.segment) break;
    if (SAYING.has(t.lower)) return false;
  }
  return true;
}

/** How far along a quote gives the verb at `i` (0: tentatively, the hedge rule's). */
function quoteStage(quote: ModalityQuote, i: number): Stage | 0 {
  let stage: Stage | 0 = 3;
  for (const cue of quote.reached?.get(i) ?? []) {
    const s = cueStage(cue);
    if (s !== undefined && s < stage) stage = s;
  }
  const aux = auxiliaryBefore(quote.tokens, i);
  if (aux && CONDITIONAL.has(aux.lower) && conditionalWould(quote.tokens, aux)) stage = Math.min(stage, aux.lower === 'would' ? 1 : 0) as Stage | 0;
  if (stage === 3 && infinitiveOfIntent(quote.tokens, i)) stage = 2;
  return stage;
}

/** A verb written as done: a past or perfect form ("formed", "bought", "has paid"), or a present one where the quotes write it as a verb ("runs"). */
function writtenDone(token: Token, quoteVerb: boolean): boolean {
  const lower = token.lower;
  if (lower.length < 4 || /ing$/.test(lower)) return false;
  if (lower.endsWith('ed') && lower.length > 4 && !NOT_PAST.has(lower)) return true;
  const lemma = lemmaOf(lower);
  if (lemma !== lower) return true;
  return quoteVerb && /[^s]s$/.test(lower);
}

/** How far along the statement gives its word at `i`, or undefined when it does not give it as a claim (an infinitive, a tentative word). */
function statementStage(tokens: readonly Token[], reached: ReadonlyMap<number, readonly Cue[]>, i: number, quoteVerb: boolean): Stage | undefined {
  const token = tokens[i] as Token;
  if (tokens[i - 1]?.lower === 'to') return undefined;
  let stage: Stage | undefined;
  for (const cue of reached.get(i) ?? []) {
    const s = cueStage(cue);
    if (s === 0) return undefined;
    if (s !== undefined && (stage === undefined || s < stage)) stage = s;
  }
  const aux = auxiliaryBefore(tokens, i);
  if (aux && CONDITIONAL.has(aux.lower)) return undefined;
  if (stage !== undefined) return stage;
  return writtenDone(token, quoteVerb) ? 3 : undefined;
}

/** Whether a quote writes the token at `i` as a verb: after a modal, "will" or an infinitive's "to". */
function asVerb(tokens: readonly Token[], i: number): boolean {
  const before = auxiliaryBefore(tokens, i);
  return before !== undefined && (before.lower === 'to' || before.lower === 'will' || CONDITIONAL.has(before.lower));
}

export interface StageChange {
  token: Token;
  stage: Stage;
  /** How the quotes give it: their cue ("in talks", "would", "to form"). */
  quoted: string;
}

/**
 * The statement's words that it gives further along than every quote that says them: done where
 * they are planned, proposed or intended; settled ("will") where they are proposed or
 * conditional. Names, and words the quotes hedge as tentative (the hedge rule's), aside.
 */
export function stageChanges(statement: readonly Token[], ownReached: ReadonlyMap<number, readonly Cue[]>, negated: ReadonlySet<number>, words: readonly ModalityWord[], quotes: readonly ModalityQuote[], isName: (t: Token) => boolean): StageChange[] {
  const changes: StageChange[] = [];
  // What the quotes say of a word, once for each list of its occurrences (a word written twice shares its list).
  const read = new Map<readonly ModalityWord['occurrences'][number][], { quoteVerb: boolean; most: Stage | 0; quoted: string }>();
  for (const word of words) {
    // A verb the statement negates claims nothing done ("has not shared").
    if (word.occurrences.length === 0 || isName(word.token) || isFunctionWord(word.token.lower) || negated.has(word.token.index)) continue;
    let quoteRead = read.get(word.occurrences);
    if (!quoteRead) {
      const quoteVerb = word.occurrences.some((o) => asVerb((quotes[o.quote] as ModalityQuote).tokens, o.token));
      let most: Stage | 0 = 0;
      let quoted = '';
      for (const o of word.occurrences) {
        const quote = quotes[o.quote] as ModalityQuote;
        const s = quoteStage(quote, o.token);
        if (s >= most) {
          most = s;
          quoted = describe(quote, o.token);
        }
      }
      quoteRead = { quoteVerb, most, quoted };
      read.set(word.occurrences, quoteRead);
    }
    const { quoteVerb, most, quoted } = quoteRead;
    const stage = statementStage(statement, ownReached, word.token.index, quoteVerb);
    if (stage === undefined || stage < 2) continue;
    // Tentative everywhere: the hedge rule says so.
    if (most === 0 || most >= stage) continue;
    changes.push({ token: word.token, stage, quoted });
  }
  return changes;
}

/** How a quote gives the verb at `i`: its cue, its modal or its "to", with the verb. */
function describe(quote: ModalityQuote, i: number): string {
  const verb = (quote.tokens[i] as Token).text;
  const cue = (quote.reached?.get(i) ?? []).find((c) => cueStage(c) !== undefined);
  if (cue) return `${cue.text} … ${verb}`;
  const aux = auxiliaryBefore(quote.tokens, i);
  return aux ? `${aux.text} ${verb}` : verb;
}
