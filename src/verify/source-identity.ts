// Corroboration counts sources, not files: the same article saved under two names (the same
// bytes, or the same text once white space, quote marks and dashes are folded) is one source.
// And a hedge attached to a passage follows every quote that overlaps it.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../inputs/sources.js';
import { foldedDocument, foldedOffset } from './match.js';

export interface SourceIdentity {
  /** Document id → the id of the first document (in reading order) with the same content; every document has an entry. */
  canonicalOf: Map<string, string>;
  /** One warning per group of documents with the same content. */
  diagnostics: Diagnostic[];
}

export function sourceIdentity(documents: readonly SourceDocument[]): SourceIdentity {
  const canonicalOf = new Map<string, string>();
  const bySha = new Map<string, SourceDocument>();
  const byText = new Map<string, SourceDocument>();
  const groups = new Map<string, SourceDocument[]>();
  for (const doc of documents) {
    const first = bySha.get(doc.sha256) ?? byText.get(foldedDocument(doc).folded);
    if (first) {
      canonicalOf.set(doc.id, first.id);
      groups.get(first.id)?.push(doc) ?? groups.set(first.id, [first, doc]);
      continue;
    }
    canonicalOf.set(doc.id, doc.id);
    bySha.set(doc.sha256, doc);
    byText.set(foldedDocument(doc).folded, doc);
  }
  const diagnostics = [...groups.values()].map((group) => {
    const [first, ...copies] = group as [SourceDocument, ...SourceDocument[]];
    const same = copies.every((d) => d.sha256 === first.sha256) ? 'the same bytes' : 'the same text';
    const named = group.map((d) => `${d.id} (${d.name})`);
    const names = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return diagnostic('duplicate-document', `documents ${names} have ${same}: they count as one source, ${first.id}, wherever they are cited`, { file: (copies[0] as SourceDocument).file });
  });
  return { canonicalOf, diagnostics };
}

/** How many distinct sources a list of citations rests on (documents of the same content are one). */
export function distinctSources(cite: readonly { doc: string }[], canonicalOf: ReadonlyMap<string, string> | undefined, known?: { has(id: string): boolean }): number {
  const ids = new Set<string>();
  for (const c of cite) {
    if (known && !known.has(c.doc)) continue;
    ids.add(canonicalOf?.get(c.doc) ?? c.doc);
  }
  return ids.size;
}

/** A cited passage: its document and its offsets in the document's text. */
export interface Span {
  doc: string;
  start: number;
  end: number;
}

/**
 * The spans of `spans` that overlap one of `hedged` in the same source (a document of the same
 * content counts as the same source; offsets are compared in folded text, so white space that
 * differs between copies does not matter). Each span is compared with the hedged spans of its
 * source only: a briefing has few disagreements.
 */
export function overlapping(spans: readonly Span[], hedged: readonly Span[], documents: ReadonlyMap<string, SourceDocument>, canonicalOf: ReadonlyMap<string, string>): Set<Span> {
  const out = new Set<Span>();
  const folded = (s: Span) => {
    const doc = documents.get(s.doc);
    return doc ? { source: canonicalOf.get(s.doc) ?? s.doc, from: foldedOffset(doc, s.start), to: foldedOffset(doc, s.end) } : undefined;
  };
  const bySource = new Map<string, { from: number; to: number }[]>();
  for (const h of hedged) {
    const f = folded(h);
    if (!f) continue;
    const list = bySource.get(f.source);
    if (list) list.push(f);
    else bySource.set(f.source, [f]);
  }
  for (const list of bySource.values()) list.sort((a, b) => a.from - b.from);
  for (const s of spans) {
    const f = folded(s);
    const list = f && bySource.get(f.source);
    if (!f || !list) continue;
    // Overlap: some hedged span starts before this one ends and ends after it starts.
    if (list.some((h) => h.from < f.to && h.to > f.from)) out.add(s);
  }
  return out;
}
