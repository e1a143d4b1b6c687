// What the whole pile says: every passage, the organisations it names most, how rare each word is.
import type { SourceDocument } from '../inputs/sources.js';
import { STOP_STEMS } from './cues.js';
import { loadDateParser } from './dates.js';
import { documentToPassages, loadNlp, type Passage, type Token } from './nlp.js';
import { pushAll } from '../common/arrays.js';

export interface Corpus {
  documents: SourceDocument[];
  passages: Passage[];
  /** Proper names by the number of documents that use them, most used first. */
  organisations: string[];
  /** Every proper name of the pile (a sentence's capitalised first word only when it is also a name elsewhere). */
  names: Set<string>;
  /** Inverse document frequency of a stem over the passages. */
  idf(stem: string): number;
}

const NOT_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday mr ms mrs dr the a an'.split(' '),
);

export async function documentsToCorpus(documents: SourceDocument[], progress?: (done: number, total: number) => void): Promise<Corpus> {
  const [nlp] = await Promise.all([loadNlp(), loadDateParser()]);
  const passages: Passage[] = [];
  documents.forEach((doc, i) => {
    pushAll(passages, documentToPassages(nlp, doc));
    progress?.(i + 1, documents.length);
  });
  const df = new Map<string, number>();
  for (const p of passages) for (const stem of new Set(contentStems(p))) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = Math.max(1, passages.length);
  // Asked for the same stems many times (grouping sorts by it): each computed once.
  const idfOf = new Map<string, number>();
  return {
    documents,
    passages,
    ...rankNames(passages),
    idf: (stem) => {
      let v = idfOf.get(stem);
      if (v === undefined) {
        v = Math.log((n + 1) / ((df.get(stem) ?? 0) + 1));
        idfOf.set(stem, v);
      }
      return v;
    },
  };
}

/** Stems of the words that carry meaning: nouns, proper nouns, verbs, adjectives; no stop words, no figures. */
export function contentStems(p: Passage): string[] {
  return p.tokens.filter(isContent).map((t) => t.stem);
}

export function isContent(t: Token): boolean {
  return (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'ADJ') && t.lower.length > 2 && !/\d/.test(t.lower) && !STOP_STEMS.has(t.lower) && !STOP_STEMS.has(t.stem);
}

/** A proper name of a passage as written, with its offset and whether it opens the passage. */
export interface PassageName {
  readonly name: string;
  readonly at: number;
  readonly initial: boolean;
}

/** What namesIn read of each passage: the corpus, the investments, the alternatives and the conflicts all ask it. */
const namesOf = new WeakMap<Passage, readonly PassageName[]>();

/** Runs of proper nouns in a passage ("Baltic Skyways"), possessives dropped. Read once per passage; the result is shared. */
export function namesIn(p: Passage): readonly PassageName[] {
  let names = namesOf.get(p);
  if (names === undefined) {
    names = readNames(p);
    namesOf.set(p, names);
  }
  return names;
}

function readNames(p: Passage): PassageName[] {
  const names: PassageName[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0) {
      const first = run[0] as Token;
      const last = run[run.length - 1] as Token;
      const name = p.text.slice(first.at, last.at + last.value.length).replace(/['’]s$/u, '');
      if (isName(name, run)) names.push({ name, at: first.at, initial: first.at === p.tokens.find((t) => /[\p{L}\p{N}]/u.test(t.value))?.at });
    }
    run = [];
  };
  const tokens = p.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'PROPN' && /^[\p{L}\p{N}][\p{L}\p{N}.&'’-]*$/u.test(t.value)) run.push(t);
    // A hyphen or slash between two parts of one name, written without spaces ("Cleveland-Cliffs", "AM/NS").
    else if (run.length > 0 && isJoiningHyphen(run[run.length - 1] as Token, t, tokens[i + 1])) run.push(t);
    else flush();
  }
  flush();
  return names;
}

function isJoiningHyphen(before: Token, hyphen: Token, after: Token | undefined): boolean {
  return (hyphen.value === '-' || hyphen.value === '‑' || hyphen.value === '/') && after !== undefined && after.pos === 'PROPN' && /^\p{Lu}/u.test(after.value) && before.at + before.value.length === hyphen.at && hyphen.at + 1 === after.at;
}

function isName(name: string, run: Token[]): boolean {
  if (run.length === 1 && NOT_NAMES.has((run[0] as Token).lower)) return false;
  if (!/^\p{Lu}/u.test(name) && !/\p{Lu}/u.test(name.slice(1))) return false;
  // Two-letter capitals ("US", "EU") are places or acronyms more often than organisations.
  if (/^\p{Lu}{1,2}$/u.test(name)) return false;
  return name.length >= 2 && name.length <= 40;
}

/** Proper names by the number of documents using them, then by uses, then alphabetically. */
function rankNames(passages: Passage[]): { organisations: string[]; names: Set<string> } {
  const docs = new Map<string, Set<string>>();
  const uses = new Map<string, number>();
  // A capitalised first word of a sentence ("Reports", "Future") is a name only if it is also written so mid-sentence.
  const midSentence = new Set(passages.flatMap((p) => namesIn(p).filter((n) => !n.initial).map((n) => n.name)));
  for (const p of passages) {
    for (const n of namesIn(p)) {
      const { name, initial } = n;
      // A name of several capitalised parts ("Delta-Kappa", "Vega Systems") is one wherever it stands.
      if (initial && !midSentence.has(name) && !/[\s/-]\p{Lu}/u.test(name)) continue;
      // "an American steel company": a modifier there, not an actor named.
      if (isModifier(p.text, n)) continue;
      if (!docs.has(name)) docs.set(name, new Set());
      docs.get(name)?.add(p.doc.id);
      uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  }
  const organisations = [...docs.keys()].sort(
    (a, b) => (docs.get(b)?.size ?? 0) - (docs.get(a)?.size ?? 0) || (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { organisations, names: new Set(organisations) };
}

/** A publisher or a report's source: "X reported", "X wrote", "according to X". */
export function isSourceOfReport(text: string, n: { name: string; at: number }): boolean {
  return /^\s+(?:has\s+|had\s+)?(?:reported|reports|wrote|writes)\b/i.test(text.slice(n.at + n.name.length, n.at + n.name.length + 20)) || /\baccording to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, n.at - 20), n.at));
}

/**
 * A one-word name that qualifies the noun after it, after an article and at most two lower-case
 * words ("the Japanese company", "the 122-year-old American steelmaker"): no actor.
 */
export function isModifier(text: string, n: { name: string; at: number }): boolean {
  if (n.name.includes(' ')) return false;
  return /\b(?:the|a|an)\s+(?:[\p{Ll}\d][\p{Ll}\d.-]*\s+){0,2}$/u.test(text.slice(Math.max(0, n.at - 40), n.at)) && /^\s+\p{Ll}/u.test(text.slice(n.at + n.name.length, n.at + n.name.length + 3));
}
