// The drafted summary as YAML for people: a comment on each section, and each item marked with
// the documents it came from, for review.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { MIN_QUOTE_LENGTH } from '../verify/verify.js';
import { findQuote, foldQuote } from '../verify/match.js';
import { ungroundedFigures } from '../verify/figures.js';
import type { SourceDocument } from '../inputs/sources.js';
import { DRAFT_SECTIONS, type Cite, type DraftSectionKey, type DraftSummary, type Entry } from './compose.js';

export const SECTION_COMMENTS: Record<DraftSectionKey, string> = {
  takeaways: ' The bottom line, 3 to 5 statements: drawn from the best-supported items below.',
  investment: ' Money amounts with their dates. Kinds are told apart (investment, cumulative total,\n valuation, plan); one amount stated by several documents is one entry citing them all.',
  friction: ' Points of friction, the ones most documents raise first.',
  alternatives: ' Alternatives the sources name, with whose option they are (pursuedBy) and their kind; add who makes each (maker).',
  outlook: ' What may come next, the views most documents share first.',
  conflicts: ' Where documents state the same thing differently: check which account holds.',
};

const HEADER = [
  ' Drafted by `briefing draft` from the documents of this folder.',
  ' Every statement is its quote\'s own words, so every figure is in a source. Review each item',
  ' marked "review": rewrite it in your words (keeping its figures in its quotes), merge or',
  ' delete; then run `briefing check`. `briefing draft --update` proposes items from new documents.',
].join('\n');

/** An item's comment: where it came from. */
export function originComment(verb: 'drafted' | 'proposed', entry: Entry): string {
  const shown = entry.docs.slice(0, 6).join(', ');
  const more = entry.docs.length > 6 ? ` and ${entry.docs.length - 6} more` : '';
  return ` ${verb} from ${shown}${more}: review${entry.note ? `\n ${entry.note}` : ''}`;
}

export function draftToYaml(draft: DraftSummary): string {
  const plain: Record<string, unknown> = { title: draft.title, subtitle: 'Executive briefing', asOf: draft.asOf };
  if (Object.keys(draft.headlines).length > 0) plain.headlines = draft.headlines;
  for (const key of DRAFT_SECTIONS) plain[key] = draft.sections[key].map((e) => e.value);
  const doc = new Document(plain);
  doc.commentBefore = HEADER;
  const top = doc.contents as YAMLMap;
  for (const pair of top.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(DRAFT_SECTIONS as string[]).includes(key)) continue;
    const section = key as DraftSectionKey;
    (pair.key as Node).spaceBefore = true;
    (pair.key as Node).commentBefore = SECTION_COMMENTS[section] + (draft.sections[section].length === 0 ? '\n None found in the documents.' : '');
    if (isSeq(pair.value)) decorateItems(pair.value, draft.sections[section], 'drafted');
  }
  return doc.toString({ lineWidth: 0 });
}

/** Comments on each item and citations written on one line each. */
export function decorateItems(seq: YAMLSeq, entries: Entry[], verb: 'drafted' | 'proposed'): void {
  seq.items.forEach((item, i) => {
    const entry = entries[i];
    if (!entry || !isMap(item)) return;
    item.commentBefore = originComment(verb, entry);
    flowCitations(item);
  });
}

function flowCitations(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'cite' && isSeq(pair.value)) for (const c of pair.value.items) if (isMap(c)) c.flow = true;
      else flowCitations(pair.value);
    }
  } else if (isSeq(node)) for (const item of node.items) flowCitations(item);
}

/**
 * What the verifier will ask of an entry, checked before it is written: every quote long
 * enough and found in its document, every figure of its fields in its quotes.
 */
export function entryHolds(entry: Entry, byId: ReadonlyMap<string, SourceDocument>): boolean {
  const statements: { fields: string[]; cite: Cite[] }[] = [];
  const v = entry.value;
  if (Array.isArray(v.sides)) {
    const sides = v.sides as { text: string; cite: Cite[] }[];
    for (const s of sides) statements.push({ fields: [s.text], cite: s.cite });
    statements.push({ fields: [String(v.topic)], cite: sides.flatMap((s) => s.cite) });
  } else {
    const fields = ['when', 'amount', 'label', 'text', 'title', 'name'].filter((f) => typeof v[f] === 'string').map((f) => v[f] as string);
    statements.push({ fields, cite: v.cite as Cite[] });
  }
  return statements.every(({ fields, cite }) => {
    const keys = new Set(cite.map((c) => `${c.doc}\u0000${foldQuote(c.quote)}`));
    if (keys.size !== cite.length) return false;
    for (const c of cite) {
      const doc = byId.get(c.doc);
      if (!doc || foldQuote(c.quote).length < MIN_QUOTE_LENGTH || !findQuote(doc, c.quote)) return false;
    }
    const quotes = cite.map((c) => c.quote);
    const dates = cite.map((c) => byId.get(c.doc)?.date).filter((d): d is string => d !== undefined);
    return fields.every((f) => ungroundedFigures(f, quotes, dates).length === 0);
  });
}
