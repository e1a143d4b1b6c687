// briefing draft: a first briefing.yaml from the documents, and proposals from new ones.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../inputs/sources.js';
import { ungroundedFigures } from '../verify/figures.js';
import { corpusToDraft, corpusToSections, DRAFT_SECTIONS, type DraftSectionKey, type DraftSummary, type Entry } from './compose.js';
import { documentsToCorpus, type Corpus } from './corpus.js';
import { draftToYaml, entryHolds } from './write.js';

export interface DraftOptions {
  /** Called after each document is read, for a progress line. */
  progress?: (done: number, total: number) => void;
}

/** The whole draft, as YAML text, and what it holds. */
export async function documentsToDraftYaml(dir: string, documents: SourceDocument[], options: DraftOptions = {}): Promise<{ yaml: string; draft: DraftSummary }> {
  const corpus = await documentsToCorpus(documents, options.progress);
  const draft = checked(corpusToDraft(corpus, await fallbackDate(dir, documents)), documents);
  return { yaml: draftToYaml(draft), draft };
}

/** Proposals drawn only from the documents `only` names, none quoting a passage the summary already cites. */
export async function documentsToProposals(
  documents: SourceDocument[],
  only: ReadonlySet<string>,
  alreadyCited: ReadonlySet<string>,
  options: DraftOptions = {},
): Promise<Record<Exclude<DraftSectionKey, 'takeaways'>, Entry[]>> {
  const corpus: Corpus = await documentsToCorpus(documents, options.progress);
  const { sections } = corpusToSections(corpus, only);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const fresh = (e: Entry) => !citesOf(e).some((c) => alreadyCited.has(c));
  const result = {} as Record<Exclude<DraftSectionKey, 'takeaways'>, Entry[]>;
  for (const key of DRAFT_SECTIONS) if (key !== 'takeaways') result[key] = sections[key].filter((e) => fresh(e) && entryHolds(e, byId));
  return result;
}

function citesOf(entry: Entry): string[] {
  const v = entry.value as { cite?: { doc: string; quote: string }[]; sides?: { cite: { doc: string; quote: string }[] }[] };
  const all = [...(v.cite ?? []), ...(v.sides ?? []).flatMap((s) => s.cite)];
  return all.map((c) => citeKey(c.doc, c.quote));
}

export function citeKey(doc: string, quote: string): string {
  return `${doc}\u0000${quote.replace(/\s+/g, ' ').trim()}`;
}

/** Keeps only what the verifier will accept: entries whose quotes hold and figures ground, headlines likewise. */
function checked(draft: DraftSummary, documents: SourceDocument[]): DraftSummary {
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const key of DRAFT_SECTIONS) draft.sections[key] = draft.sections[key].filter((e) => entryHolds(e, byId));
  for (const key of Object.keys(draft.headlines) as DraftSectionKey[]) {
    const quotes = draft.sections[key].flatMap((e) => citesOf(e).map((c) => c.split('\u0000')[1] as string));
    if (draft.sections[key].length === 0 || ungroundedFigures(draft.headlines[key] ?? '', quotes).length > 0) delete draft.headlines[key];
  }
  return draft;
}

/**
 * asOf when no document gives a date: SOURCE_DATE_EPOCH when set, else the date of the newest
 * document file (so the same files give the same draft).
 */
async function fallbackDate(dir: string, documents: SourceDocument[]): Promise<string> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
  }
  let newest = 0;
  for (const d of documents) {
    const info = await stat(path.join(dir, d.name)).catch(() => undefined);
    if (info) newest = Math.max(newest, info.mtimeMs);
  }
  return new Date(newest || 0).toISOString().slice(0, 10);
}
