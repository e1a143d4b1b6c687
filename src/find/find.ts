// briefing find: passages of the documents ranked for some words, tolerant of inflection
// (stems), quote marks and small typos (one or two letters off), each with a citation to paste.
import { distance } from 'fastest-levenshtein';
import type { SourceDocument } from '../inputs/sources.js';
import { foldQuote } from '../verify/match.js';
import { documentsToCorpus } from '../draft/corpus.js';
import { loadNlp, type Passage, type Token } from '../draft/nlp.js';
import { quoteOf } from '../draft/quote.js';

export interface Found {
  doc: string;
  file: string;
  line: number;
  score: number;
  /** The whole passage, as the document writes it. */
  passage: string;
  /** A quote of it (the passage, or its clauses around the match when it is long). */
  quote: string;
}

interface Term {
  lower: string;
  stem: string;
}

export async function findPassages(documents: SourceDocument[], words: string[], limit: number): Promise<Found[]> {
  const corpus = await documentsToCorpus(documents);
  const terms = await termsOf(words);
  if (terms.length === 0) return [];
  const scored: { p: Passage; score: number; at: number }[] = [];
  for (const p of corpus.passages) {
    let score = 0;
    let matched = 0;
    let firstAt = -1;
    const positions: number[] = [];
    for (const term of terms) {
      const best = bestToken(term, p.tokens);
      if (!best) continue;
      matched++;
      score += best.weight * Math.max(0.5, corpus.idf(best.token.stem));
      positions.push(best.index);
      if (firstAt < 0 || best.token.at < firstAt) firstAt = best.token.at;
    }
    if (matched === 0) continue;
    // All the words, and the words side by side in the order given, rank first.
    if (matched === terms.length) score *= 1.5;
    for (let i = 1; i < positions.length; i++) if ((positions[i] as number) === (positions[i - 1] as number) + 1) score += 0.5;
    scored.push({ p, score, at: firstAt });
  }
  scored.sort((a, b) => b.score - a.score || (a.p.doc.id < b.p.doc.id ? -1 : a.p.doc.id > b.p.doc.id ? 1 : a.p.start - b.p.start));
  return scored.slice(0, limit).map(({ p, score, at }) => ({
    doc: p.doc.id,
    file: p.doc.file,
    line: p.line,
    score: Math.round(score * 100) / 100,
    passage: p.text.trim(),
    quote: quoteOf(p, at).quote,
  }));
}

/** The words asked for, without quote marks, each with its stem. */
async function termsOf(words: string[]): Promise<Term[]> {
  const text = foldQuote(words.join(' ')).replace(/["']/g, ' ');
  const nlp = await loadNlp();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const stems = values.map(nlp.stem);
  const terms: Term[] = [];
  values.forEach((v, i) => {
    if (!/[\p{L}\p{N}]/u.test(v)) return;
    const lower = v.toLowerCase();
    if (!terms.some((t) => t.lower === lower)) terms.push({ lower, stem: stems[i] ?? lower });
  });
  return terms;
}

/** The token of a passage that best matches a term: the word itself, its stem, or a near spelling. */
function bestToken(term: Term, tokens: Token[]): { token: Token; index: number; weight: number } | undefined {
  let best: { token: Token; index: number; weight: number } | undefined;
  tokens.forEach((token, index) => {
    let weight = 0;
    if (token.lower === term.lower) weight = 1;
    else if (token.stem === term.stem) weight = 0.9;
    else if (term.lower.length >= 4 && Math.abs(token.lower.length - term.lower.length) <= 2) {
      const allowed = term.lower.length >= 8 ? 2 : 1;
      const d = Math.min(distance(token.lower, term.lower), distance(token.stem, term.stem));
      if (d <= allowed) weight = 0.7;
    }
    if (weight > (best?.weight ?? 0)) best = { token, index, weight };
  });
  return best;
}

/** A citation ready to paste into briefing.yaml (a YAML flow mapping; the quote double-quoted). */
export function citationText(found: Found): string {
  return `{ doc: ${JSON.stringify(found.doc)}, quote: ${JSON.stringify(found.quote)} }`;
}
