// The cue words the support check looks for (support.ts): hedges and attributions, negations,
// plans and deals (modality), and words of scope. Lower case; phrases are words in order.
import type { Token } from './support-lexicon.js';
import { pushAll } from '../common/arrays.js';
import { isPastWord } from './support-tense.js';

export type HedgeKind = 'attribution' | 'tentative' | 'plan';
/** How far a hedge reaches: its whole clause ("reports indicate that …"), or the next few words ("reportedly", "could"). */
export type Reach = 'clause' | 'next';

/**
 * Hedges a quote may carry. An attribution ("reportedly", "sources say") hedges its whole clause;
 * a tentative or planned word ("could", "considering", "plans to") the few words after it.
 */
const HEDGES: readonly [string, HedgeKind, Reach][] = [
  ['reportedly', 'attribution', 'next'],
  ['reported', 'attribution', 'next'],
  ['allegedly', 'attribution', 'next'],
  ['alleged', 'attribution', 'next'],
  ['rumoured', 'attribution', 'next'],
  ['rumored', 'attribution', 'next'],
  ['said to', 'attribution', 'next'],
  ['is said', 'attribution', 'next'],
  ['are said', 'attribution', 'next'],
  ['suggests', 'attribution', 'next'],
  ['suggest', 'attribution', 'next'],
  ['according to', 'attribution', 'clause'],
  ['reports indicate', 'attribution', 'clause'],
  ['reports suggest', 'attribution', 'clause'],
  ['reports say', 'attribution', 'clause'],
  ['reports said', 'attribution', 'clause'],
  ['reports claim', 'attribution', 'clause'],
  ['reports of', 'attribution', 'clause'],
  ['reports that', 'attribution', 'clause'],
  ['sources say', 'attribution', 'clause'],
  ['sources said', 'attribution', 'clause'],
  ['sources close', 'attribution', 'clause'],
  ['sources familiar', 'attribution', 'clause'],
  ['sources told', 'attribution', 'clause'],
  ['people familiar', 'attribution', 'clause'],
  ['analysts say', 'attribution', 'clause'],
  ['analysts said', 'attribution', 'clause'],
  ['analysts note', 'attribution', 'clause'],
  ['analyst said', 'attribution', 'clause'],
  ['analyst says', 'attribution', 'clause'],
  ['industry analysts', 'attribution', 'clause'],
  ['industry experts', 'attribution', 'clause'],
  ['experts say', 'attribution', 'clause'],
  ['experts predict', 'attribution', 'clause'],
  // Who does not deny or will not confirm a thing does not say it: what follows is still a claim.
  ['did not deny', 'attribution', 'clause'],
  ["didn't deny", 'attribution', 'clause'],
  ['does not deny', 'attribution', 'clause'],
  ['not denied', 'attribution', 'clause'],
  ['would not confirm', 'attribution', 'clause'],
  ['did not confirm', 'attribution', 'clause'],
  ['declined to confirm', 'attribution', 'clause'],
  ['declined to deny', 'attribution', 'clause'],
  ['refused to confirm', 'attribution', 'clause'],
  ['neither confirmed nor denied', 'attribution', 'clause'],
  // A claim named as one is not a fact: "the claim that …", "allegations that …".
  ['claim that', 'attribution', 'clause'],
  ['claims that', 'attribution', 'clause'],
  ['allegation that', 'attribution', 'clause'],
  ['allegations that', 'attribution', 'clause'],
  ['accusations that', 'attribution', 'clause'],
  ['rumours that', 'attribution', 'clause'],
  ['rumors that', 'attribution', 'clause'],
  ['speculation that', 'attribution', 'clause'],
  ['suggestions that', 'attribution', 'clause'],
  ['could', 'tentative', 'next'],
  ['may', 'tentative', 'next'],
  ['might', 'tentative', 'next'],
  ['considering', 'tentative', 'next'],
  ['considers', 'tentative', 'next'],
  ['consider', 'tentative', 'next'],
  ['weighing', 'tentative', 'next'],
  ['weighs', 'tentative', 'next'],
  ['mulling', 'tentative', 'next'],
  ['potential', 'tentative', 'next'],
  ['potentially', 'tentative', 'next'],
  ['possible', 'tentative', 'next'],
  ['possibly', 'tentative', 'next'],
  ['perhaps', 'tentative', 'next'],
  ['probably', 'tentative', 'next'],
  ['likely', 'tentative', 'next'],
  ['unlikely', 'tentative', 'next'],
  ['expected', 'tentative', 'next'],
  ['expects', 'tentative', 'next'],
  ['predict', 'tentative', 'clause'],
  ['predicts', 'tentative', 'clause'],
  ['predicted', 'tentative', 'clause'],
  ['scenario', 'tentative', 'clause'],
  ['scenarios', 'tentative', 'clause'],
  ['appears', 'tentative', 'next'],
  ['appear', 'tentative', 'next'],
  ['seems', 'tentative', 'next'],
  ['seem', 'tentative', 'next'],
  // A condition hedges its whole clause, before or after it ("If A approves, B will …", "B will … unless A objects").
  ['what if', 'tentative', 'clause'],
  ['if', 'tentative', 'clause'],
  ['unless', 'tentative', 'clause'],
  ['provided that', 'tentative', 'clause'],
  ['providing that', 'tentative', 'clause'],
  ['on condition that', 'tentative', 'clause'],
  ['as long as', 'tentative', 'clause'],
  ['assuming that', 'tentative', 'clause'],
  // Who does not rule a thing out leaves it open.
  ['not rule out', 'tentative', 'clause'],
  ['not ruled out', 'tentative', 'clause'],
  ['not ruling out', 'tentative', 'clause'],
  ["didn't rule out", 'tentative', 'clause'],
  ["won't rule out", 'tentative', 'clause'],
  ["wouldn't rule out", 'tentative', 'clause'],
  ['plans', 'plan', 'next'],
  ['plan', 'plan', 'next'],
  ['planned', 'plan', 'next'],
  ['planning', 'plan', 'next'],
  ['intends', 'plan', 'next'],
  ['intend', 'plan', 'next'],
  ['aims to', 'plan', 'next'],
  ['aim to', 'plan', 'next'],
  ['will', 'plan', 'next'],
  ['in talks', 'plan', 'next'],
  ['talks', 'plan', 'next'],
  ['negotiating', 'plan', 'next'],
  ['negotiations', 'plan', 'next'],
  ['proposed', 'plan', 'next'],
  ['proposes', 'plan', 'next'],
  ['under the proposal', 'plan', 'clause'],
  ['proposal', 'plan', 'next'],
  ['up to', 'plan', 'next'],
  ['as much as', 'plan', 'next'],
  ['at most', 'plan', 'next'],
];

/** Words with which a statement hedges or attributes what it says, besides the quotes' own hedges. */
const STATEMENT_ATTRIBUTION = new Set([
  'article', 'articles', 'report', 'reports', 'reported', 'reportedly', 'according', 'says', 'said', 'say', 'cites',
  'cited', 'claims', 'claimed', 'per', 'sources', 'source', 'analysts', 'experts', 'allegedly', 'alleged', 'calls',
  'describes', 'writes', 'notes', 'names', 'list', 'lists', 'mentions', 'argues', 'states', 'suggests', 'suggest', 'predict', 'predicts',
  'warned', 'warns', 'warn', 'told', 'tells', 'announced', 'announces', 'stated', 'insisted', 'insists', 'explained', 'added',
  'acknowledged', 'acknowledges', 'confirmed', 'confirms', 'denied', 'denies',
]);

/** Negations: a statement and its quotes must agree on them. */
const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'none', 'nor', 'neither', 'cannot', 'unwilling', 'reluctant', 'refused', 'refuses', 'declined', 'declines', 'failed', 'fails', 'failing', 'declining', 'refusing', 'unable', 'unlikely', 'hardly', 'scarcely', 'lacks', 'lack', 'lacked', 'lacking']);
/** "not only … but also" and "no doubt" do not negate. */
const NOT_NEGATING_NEXT = new Set(['only', 'just', 'merely', 'doubt']);

/** Verbs of a deal or of money that a statement may give as done. */
const DEAL_VERBS = new Set(['invest', 'acquir', 'agre', 'buy', 'purchas', 'sign', 'close', 'complet', 'final', 'finaliz', 'pay', 'paid', 'commit', 'rais', 'merg', 'struck', 'strike', 'seal', 'sell', 'sold', 'secur', 'approv', 'fund', 'inject', 'spend', 'spent', 'lent', 'lend', 'loan', 'take']);
/** Done-deal forms: past tense, perfect, or a present that states it as settled. */
const DONE_FORM = /(?:ed|ought|aid|uck|old|ent|ook)$|^(?:paid|sold|bought|struck|spent|lent|took|won)$|(?:s)$/;
/** Words that close a deal: said of talks, they are a change of modality, not an unsupported word. */
export const CLOSING_WORDS = new Set(['agreed', 'agrees', 'signed', 'signs', 'closed', 'closes', 'completed', 'completes', 'sealed', 'seals', 'struck', 'finalized', 'finalised', 'clinched']);

/** Words of scope: a statement may not widen what its quotes say with them. */
const SCOPE_WORDS = new Set(['all', 'every', 'entire', 'entirely', 'whole', 'only', 'sole', 'solely', 'always', 'first', 'top', 'most', 'everyone', 'everything', 'none', 'any', 'unique', 'uniquely', 'exclusively']);
/** Words ending in "est" that are no superlatives. */
const NOT_SUPERLATIVE = new Set(['interest', 'test', 'request', 'suggest', 'invest', 'protest', 'contest', 'west', 'forest', 'honest', 'modest', 'harvest', 'arrest', 'digest', 'manifest', 'rest', 'guest', 'quest', 'chest', 'nest', 'vest', 'crest', 'attest', 'detest', 'earnest', 'conquest', 'inquest', 'behest', 'divest', 'ingest', 'infest', 'unrest', 'priest', 'midwest', 'northwest', 'southwest', 'latest', 'backtest', 'retest', 'pretest', 'bequest', 'tempest']);

export interface Cue {
  /** The cue as the text writes it. */
  text: string;
  kind: HedgeKind;
  reach: Reach;
  /** Token indices of the cue. */
  start: number;
  end: number;
}

/** The hedges by their first word, each with its words: one look-up a token. */
const HEDGES_BY_FIRST = new Map<string, { words: string[]; kind: HedgeKind; reach: Reach }[]>();
for (const [phrase, kind, reach] of HEDGES) {
  const words = phrase.split(' ');
  const list = HEDGES_BY_FIRST.get(words[0] as string) ?? [];
  list.push({ words, kind, reach });
  // Longer phrases first: "reports indicate" before a shorter one with the same start.
  list.sort((a, b) => b.words.length - a.words.length);
  HEDGES_BY_FIRST.set(words[0] as string, list);
}

function phraseEnd(tokens: readonly Token[], i: number, words: readonly string[]): number {
  let at = i;
  for (const word of words) {
    const token = tokens[at];
    if (!token || token.punct || token.lower !== word) return -1;
    at++;
  }
  return at;
}

/** The hedges of a text, in order. "may" written with a capital is a month, not a hedge. */
export function hedgesOf(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!token.punct && trailingAttribution(tokens, i)) {
      cues.push({ text: token.text, kind: 'attribution', reach: 'clause', start: i, end: i + 1 });
      continue;
    }
    const candidates = token.punct ? undefined : HEDGES_BY_FIRST.get(token.lower);
    if (!candidates) continue;
    for (const { words, kind, reach } of candidates) {
      const end = phraseEnd(tokens, i, words);
      if (end < 0) continue;
      if (token.lower === 'may' && token.text === 'May' && !token.initial) continue;
      // "even if" concedes (its main clause holds), "as if" compares, "if any" and "if not" qualify a word.
      if (token.lower === 'if' && (NOT_CONDITIONAL_BEFORE_IF.has(tokens[i - 1]?.lower ?? '') || NOT_CONDITIONAL_AFTER_IF.has(tokens[i + 1]?.lower ?? ''))) continue;
      const text = tokens.slice(i, end).map((t) => t.text).join(' ');
      cues.push({ text, kind, reach, start: i, end });
      i = end - 1;
      break;
    }
  }
  pushAll(cues, questionsOf(tokens));
  pushAll(cues, scareQuotesOf(tokens));
  return cues.sort((a, b) => a.start - b.start);
}

/** Cues of a condition: they hedge their own clause, and a main clause that says what will or would be. */
export const CONDITIONS: ReadonlySet<string> = new Set(['what if', 'if', 'unless', 'provided that', 'providing that', 'on condition that', 'as long as', 'assuming that']);

const NOT_CONDITIONAL_BEFORE_IF = new Set(['even', 'as']);
const NOT_CONDITIONAL_AFTER_IF = new Set(['any', 'not', 'only']);

/** A question asks, it does not state: its clause is hedged ("Will Acme buy Beta this year?"). */
function questionsOf(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  for (const token of tokens) {
    if (token.text !== '?') continue;
    const first = tokens.find((t) => t.segment === token.segment && !t.punct);
    if (first) cues.push({ text: `${first.text} …?`, kind: 'tentative', reach: 'clause', start: token.index, end: token.index + 1 });
  }
  return cues;
}

const OPENING_QUOTE = new Set(['"', '“']);
const CLOSING_QUOTE = new Set(['"', '”']);
/** The most words scare quotes hold: more is a quotation (its speaker is the attribution rule's). */
const SCARE_WORDS = 3;

/**
 * Scare quotes: a few words in lower case between quote marks inside a text ('a "success"'):
 * the writer does not vouch for them. Names in quote marks ("Project Atlas") and a text quoted whole are no scare quotes.
 */
function scareQuotesOf(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!OPENING_QUOTE.has((tokens[i] as Token).text)) continue;
    let j = i + 1;
    while (j < tokens.length && !(tokens[j] as Token).punct && j - i <= SCARE_WORDS) j++;
    const close = tokens[j];
    if (close === undefined || !CLOSING_QUOTE.has(close.text) || j === i + 1 || j - i - 1 > SCARE_WORDS) continue;
    const inside = tokens.slice(i + 1, j);
    const whole = tokens.slice(0, i).every((t) => t.punct) && tokens.slice(j + 1).every((t) => t.punct);
    if (!whole && inside.every((t) => !t.capital && !t.digit)) cues.push({ text: tokens.slice(i, j + 1).map((t) => t.text).join(''), kind: 'attribution', reach: 'next', start: i, end: i + 1 });
    i = j;
  }
  return cues;
}

/** Verbs of saying that attribute a clause when they close it: "…, the union said on Monday." */
const TRAILING_SAYING = new Set(['said', 'says', 'say', 'told', 'claimed', 'claims', 'argued', 'reported', 'warned', 'added']);

/** A trailing attribution: after a comma, a few words (who said it), a verb of saying, at most a few more, then the clause ends. */
function trailingAttribution(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (!TRAILING_SAYING.has(token.lower)) return false;
  let comma = -1;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = tokens[k] as Token;
    if (t.segment !== token.segment) return false;
    if (t.text === ',') {
      comma = k;
      break;
    }
  }
  if (comma < 0) return false;
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.segment !== token.segment || (t.punct && t.text !== ',')) return true;
    if (k - i > 4) return false;
  }
  return true;
}

const HEDGE_WORDS = new Set(HEDGES.filter(([phrase]) => !phrase.includes(' ')).map(([phrase]) => phrase));

/** Whether a statement's token names its source or hedges ("one article says", "reportedly", "could"). */
export function isStatementAttribution(token: Token): boolean {
  return STATEMENT_ATTRIBUTION.has(token.lower);
}

/**
 * What a negation says besides "not": that something stopped ("no longer", "stopped offering") or
 * has not started ("not yet", "has yet to"). "No longer exports" and "does not yet export" both
 * negate "export", yet say opposite things of the past.
 */
export type NegationKind = 'plain' | 'ceased' | 'pending';

export interface Negation {
  text: string;
  /** The tokens of the clause it denies, when it denies a clause ("denied that …", "… were denied"); else it negates the word after `at`. */
  clause?: number[];
  /** The token it negates from: the content word after it is what it negates. */
  at: number;
  kind: NegationKind;
  /** The tokens of the cue (words of it that are no content of the statement: "stopped" in "stopped offering"). */
  tokens: number[];
}

/** Verbs that say something ended when an -ing form follows ("stopped offering", "ceased trading"). */
const CEASING = new Set(['stop', 'stops', 'stopped', 'stopping', 'cease', 'ceases', 'ceased', 'ceasing', 'quit', 'quits', 'quitting', 'halted', 'halts', 'discontinued']);
/** Words before which "yet to" says something has not happened ("has yet to issue", "remains yet to"). */
const YET_TO_AFTER = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'remains', 'remain', 'still']);

/** The negations of a text ("no longer" and "not yet" are one each; so are "has yet to" and "stopped offering"). */
export function negationsOf(tokens: readonly Token[]): Negation[] {
  const out: Negation[] = [];
  for (const token of tokens) {
    if (token.punct) continue;
    const next = tokens[token.index + 1];
    if (next?.lower === 'to' && token.lower === 'yet' && YET_TO_AFTER.has(tokens[token.index - 1]?.lower ?? '')) {
      out.push({ text: `${token.text} ${next.text}`, at: next.index, kind: 'pending', tokens: [token.index, next.index] });
      continue;
    }
    if (CEASING.has(token.lower) && next !== undefined && !next.punct && /ing$/.test(next.lower) && next.lower.length > 5) {
      out.push({ text: token.text, at: token.index, kind: 'ceased', tokens: [token.index] });
      continue;
    }
    const negative = NEGATIONS.has(token.lower) || /n['’]t$/.test(token.lower) || (token.lower === 'few' && fewNegates(tokens, token.index));
    if (!negative) continue;
    if (next && NOT_NEGATING_NEXT.has(next.lower)) continue;
    // "the lack of transparency" names a topic; "they lack the funds" negates.
    if (token.lower === 'lack' && next?.lower === 'of') continue;
    if (token.lower === 'no' && next?.lower === 'longer') out.push({ text: `${token.text} ${next.text}`, at: next.index, kind: 'ceased', tokens: [token.index, next.index] });
    else if (next?.lower === 'yet') out.push({ text: `${token.text} ${next.text}`, at: next.index, kind: 'pending', tokens: [token.index, next.index] });
    else out.push({ text: token.text, at: token.index, kind: 'plain', tokens: [token.index] });
  }
  pushAll(out, clauseDenialsOf(tokens));
  return out;
}

/** Words before "few" that make it a count ("a few", "the past few"), not a negation ("Few analysts expect …"). */
const FEW_AS_NEGATION_AFTER = new Set(['very', 'too', 'so', 'relatively', 'comparatively', 'precious']);

/** "Few" negates at the head of its clause ("Few analysts expect a deal"), or after "very", "too"… */
function fewNegates(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || (before.punct && before.text !== '"' && before.text !== '“') || FEW_AS_NEGATION_AFTER.has(before.lower);
}

/** Verbs that deny or doubt the clause after them ("denied that …", "doubts Acme will …", "denied buying"). */
const DENYING = new Set(['deny', 'denies', 'denied', 'denying', 'doubt', 'doubts', 'doubted', 'doubting']);
/** Verbs that reject a claim they name ("rejected the claim that …", "dismissed reports of …"). */
const REJECTING = new Set([...DENYING, 'reject', 'rejects', 'rejected', 'rejecting', 'dismiss', 'dismisses', 'dismissed', 'dismissing', 'dispute', 'disputes', 'disputed', 'disputing', 'refute', 'refutes', 'refuted', 'refuting', 'rebut', 'rebuts', 'rebutted', 'contradicted', 'contradicts']);
/** Nouns of a claim. */
const CLAIMS = new Set(['claim', 'claims', 'allegation', 'allegations', 'report', 'reports', 'suggestion', 'suggestions', 'idea', 'notion', 'rumour', 'rumours', 'rumor', 'rumors', 'speculation', 'accusation', 'accusations', 'charge', 'charges', 'assertion', 'assertions', 'assertion', 'story', 'stories']);
/** Adverbs that say what was said is wrong ("falsely claimed that …"). */
const FALSELY = new Set(['falsely', 'wrongly', 'mistakenly', 'erroneously', 'incorrectly', 'wrongfully', 'untruthfully']);
/** Words that ask for a following clause to be denied: pronouns that open one ("denied it would …"). */
const CLAUSE_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'there', 'its', 'their', 'his', 'her', 'our', 'the', 'any']);
/** Words before a denying verb that cancel it ("no doubt that", "did not deny"): the attribution hedges' ("did not deny"). */
const CANCELS_DENIAL = new Set(['no', 'not', 'never', 'little', 'without', 'beyond', 'nor', 'neither', 'cannot']);
/** Predicates after a clause that deny it: "Reports that … were denied", "… proved false". */
const DENIED_AFTER = new Set(['denied', 'rejected', 'dismissed', 'disputed', 'refuted', 'false', 'untrue', 'unfounded', 'baseless', 'wrong', 'groundless']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'proved', 'proven', 'proves', 'turned']);
const RULE_OUT = new Set(['rule', 'rules', 'ruled', 'ruling']);
/** Verbs of saying whose speaker may be nobody: "…, said no one at the firm." */
const SAID = new Set(['said', 'says', 'say', 'claimed', 'claims', 'confirmed', 'confirms', 'believes', 'believed', 'expects', 'expected']);

function cancelled(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = tokens[k] as Token;
    if (t.punct) return false;
    if (CANCELS_DENIAL.has(t.lower) || /n['’]t$/.test(t.lower)) return true;
  }
  return false;
}

/** The tokens of the clause from `from` to the end of its segment (sentence or clause). */
function clauseFrom(tokens: readonly Token[], from: number): number[] {
  const first = tokens[from];
  if (!first) return [];
  const out: number[] = [];
  for (let k = from; k < tokens.length && (tokens[k] as Token).segment === first.segment; k++) out.push(k);
  return out;
}

/** The tokens of the clause before `to`, in its segment. */
function clauseBefore(tokens: readonly Token[], to: number): number[] {
  const last = tokens[to];
  if (!last) return [];
  const out: number[] = [];
  for (let k = to - 1; k >= 0 && (tokens[k] as Token).segment === last.segment; k--) out.unshift(k);
  return out;
}

/**
 * Denials of a clause: a verb of denial or doubt before it ("denied that …", "doubts Acme will …",
 * "ruled out buying …", "rejected the claim that …", "falsely claimed that …"), or a predicate after
 * it ("Reports that … were denied", "…, said no one"). What the clause says is negated.
 */
function clauseDenialsOf(tokens: readonly Token[]): Negation[] {
  const out: Negation[] = [];
  const push = (cue: number[], clause: number[]) => {
    if (clause.length === 0) return;
    out.push({ text: cue.map((k) => (tokens[k] as Token).text).join(' '), at: cue[cue.length - 1] as number, kind: 'plain', tokens: cue, clause });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.punct) continue;
    const next = tokens[i + 1];
    const lower = token.lower;
    if (REJECTING.has(lower) && !cancelled(tokens, i)) {
      // "rejected the claim that …", "denied reports of …"
      let k = i + 1;
      if (tokens[k] && /^(?:the|a|an|any|these|those|such)$/.test((tokens[k] as Token).lower)) k++;
      const noun = tokens[k];
      const link = tokens[k + 1];
      if (noun && CLAIMS.has(noun.lower) && link && (link.lower === 'that' || link.lower === 'of')) {
        push([i, k, k + 1], clauseFrom(tokens, k + 2));
        i = k + 1;
        continue;
      }
      if (DENYING.has(lower) && next && !next.punct) {
        if (next.lower === 'that') push([i, i + 1], clauseFrom(tokens, i + 2));
        else if (CLAUSE_SUBJECTS.has(next.lower) || (next.capital && !next.initial) || (/ing$/.test(next.lower) && next.lower.length > 5)) push([i], clauseFrom(tokens, i + 1));
        continue;
      }
    }
    if (RULE_OUT.has(lower) && next?.lower === 'out' && !cancelled(tokens, i)) {
      push([i, i + 1], clauseFrom(tokens, i + 2));
      i++;
      continue;
    }
    if (FALSELY.has(lower) && next && !next.punct) {
      const from = tokens[i + 2]?.lower === 'that' ? i + 3 : i + 2;
      push(from === i + 3 ? [i, i + 1, i + 2] : [i, i + 1], clauseFrom(tokens, from));
      i = from - 1;
      continue;
    }
    // "… were denied.", "… proved false", "… were denied by the company"
    if (BE.has(lower) && next && DENIED_AFTER.has(next.lower)) {
      const after = tokens[i + 2];
      if (after === undefined || after.punct || after.lower === 'by') push([i, i + 1], clauseBefore(tokens, i));
      continue;
    }
    // "…, said no one at the firm", "… says nobody"
    if (SAID.has(lower) && next && (next.lower === 'nobody' || (next.lower === 'no' && tokens[i + 2]?.lower === 'one'))) {
      push(next.lower === 'nobody' ? [i, i + 1] : [i, i + 1, i + 2], clauseBefore(tokens, i));
    }
  }
  return out;
}

/** Whether two negations of one word say different things of it: one that it stopped, the other that it has not started. */
export function kindsDisagree(a: NegationKind, b: NegationKind): boolean {
  return a !== b && a !== 'plain' && b !== 'plain';
}

export function isNegationWord(lower: string): boolean {
  return NEGATIONS.has(lower) || /n['’]t$/.test(lower);
}

export function isHedgeWord(lower: string): boolean {
  return HEDGE_WORDS.has(lower) || lower === 'longer';
}

/** A word of scope or a superlative ("largest", "first", "only"). */
export function isScopeWord(lower: string): boolean {
  if (SCOPE_WORDS.has(lower)) return true;
  return /^[a-z]{3,}est$/.test(lower) && !NOT_SUPERLATIVE.has(lower);
}

/** A deal or money verb in a form that states it as done ("invested", "has agreed", "acquires"). */
export function isDoneDeal(token: Token, stem: string): boolean {
  if (!DEAL_VERBS.has(stem) && !DEAL_VERBS.has(token.lower)) return false;
  return DONE_FORM.test(token.lower) && !/(?:ments?|tions?|ings?|ors?|ers?)$/.test(token.lower);
}

/** The words with which a frame around a quote may deny, condition, hedge (not attribute) or date it: the first word of each such cue. */
const FRAME_TRIGGERS = new Set<string>([
  ...HEDGES.filter(([, kind]) => kind !== 'attribution').map(([phrase]) => phrase.split(' ')[0] as string),
  ...NEGATIONS, ...REJECTING, ...FALSELY, ...RULE_OUT, ...DENIED_AFTER, 'few', 'nobody', 'used', 'until',
]);

/** Whether the words around a quote may frame it (support.ts reads them only then): one of those words, a "n't", a question mark. */
export function mayFrame(text: string): boolean {
  if (text.includes('?')) return true;
  for (const word of text.toLowerCase().match(/[\p{L}'’]+/gu) ?? []) if (FRAME_TRIGGERS.has(word) || isPastWord(word) || /n['’]t$/.test(word)) return true;
  return false;
}
