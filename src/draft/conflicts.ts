// Drafting the conflicts: the same quantity or claim stated differently by two documents
// (totals or valuations of one year, stakes, "remains …" against "released from …").
import { extractFigures } from '../verify/figures.js';
import { contentStems, isContent, namesIn, type Corpus } from './corpus.js';
import { AFFIRM, REVERSE } from './cues.js';
import type { Passage } from './nlp.js';
import { isStatementLike, quoteOf } from './quote.js';
import { addSupport, capitalise, type DraftConflict, type DraftInvestment, type DraftItem } from './sections.js';

/** The same quantity stated differently, and a claim kept by one document but given up by another. */
export function draftConflicts(corpus: Corpus, investments: DraftInvestment[]): DraftConflict[] {
  return [...amountConflicts(investments), ...percentConflicts(corpus), ...claimConflicts(corpus)];
}

/** Totals or valuations of one year that documents put at different amounts. */
function amountConflicts(investments: DraftInvestment[]): DraftConflict[] {
  const conflicts: DraftConflict[] = [];
  const byKind = new Map<string, DraftInvestment[]>();
  for (const inv of investments) {
    if (inv.kind !== 'total' && inv.kind !== 'valuation') continue;
    const key = `${inv.kind}|${inv.currency}|${inv.year ?? ''}`;
    byKind.set(key, [...(byKind.get(key) ?? []), inv]);
  }
  for (const group of byKind.values()) {
    const distinct = group.filter((g, i) => group.findIndex((h) => h.value === g.value) === i);
    if (distinct.length < 2) continue;
    const [a, b] = distinct.sort((x, y) => y.docs.length - x.docs.length || x.value - y.value) as [DraftInvestment, DraftInvestment];
    // Different documents, and amounts close enough to be two accounts of one figure.
    if (a.docs.every((d) => b.docs.includes(d)) || Math.max(a.value, b.value) > 2 * Math.min(a.value, b.value)) continue;
    const what = a.kind === 'total' ? 'total' : 'valuation';
    conflicts.push({ topic: `Reported ${what}: ${a.amount} or ${b.amount}?`, sides: [a, b] });
  }
  return conflicts;
}

/** A stake or share put at different percentages by different documents about the same names. */
function percentConflicts(corpus: Corpus): DraftConflict[] {
  const byKey = new Map<string, { value: number; text: string; item: DraftItem }[]>();
  for (const p of corpus.passages) {
    if (!isStatementLike(p) || !/\bstake\b|\bshare of\b|\bholding\b/i.test(p.text)) continue;
    const percent = extractFigures(p.text).find((f) => f.kind === 'percent');
    if (!percent || percent.kind !== 'percent') continue;
    const names = namesIn(p).map((n) => n.name).sort();
    if (names.length === 0) continue;
    const key = names.slice(0, 2).join('|');
    const list = byKey.get(key) ?? [];
    let entry = list.find((e) => e.value === percent.value);
    if (!entry) {
      entry = { value: percent.value, text: percent.text, item: { quotes: [], docs: [], score: 0 } };
      list.push(entry);
      byKey.set(key, list);
    }
    addSupport(entry.item, quoteOf(p, p.text.indexOf(percent.text)));
  }
  const conflicts: DraftConflict[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const [a, b] = [...list].sort((x, y) => y.item.docs.length - x.item.docs.length || x.value - y.value) as [(typeof list)[number], (typeof list)[number]];
    if (a.item.docs.every((d) => b.item.docs.includes(d))) continue;
    conflicts.push({ topic: `Stake: ${a.text} or ${b.text}?`, sides: [a.item, b.item] });
  }
  return conflicts;
}

/**
 * One document says a state of affairs holds ("remains exclusive"), another that it was given
 * up ("released from the exclusivity"): passages from different documents that share at least
 * two telling stems, one with a keeping cue and the other with a reversing cue.
 */
function claimConflicts(corpus: Corpus): DraftConflict[] {
  const main = new Set(corpus.organisations.slice(0, 3).map((o) => o.toLowerCase()));
  const kept: { p: Passage; stems: Set<string>; object: Set<string> }[] = [];
  const reversed: { p: Passage; stems: Set<string>; object: Set<string> }[] = [];
  for (const p of corpus.passages) {
    if (!isStatementLike(p)) continue;
    const a = AFFIRM.test(p.text);
    const r = REVERSE.test(p.text);
    if (a === r) continue;
    const stems = new Set(contentStems(p).filter((s) => !main.has(s) && corpus.idf(s) > 1));
    (a ? kept : reversed).push({ p, stems, object: objectStems(p, a ? AFFIRM : REVERSE, main) });
  }
  const index = new Map<string, typeof reversed>();
  for (const r of reversed) for (const s of r.stems) index.set(s, [...(index.get(s) ?? []), r].slice(-50));
  const conflicts: DraftConflict[] = [];
  const usedPassages = new Set<Passage>();
  for (const k of kept) {
    let best: { r: (typeof reversed)[number]; shared: string[] } | undefined;
    for (const s of k.stems) {
      for (const r of index.get(s) ?? []) {
        if (r.p.doc.id === k.p.doc.id || usedPassages.has(r.p)) continue;
        const shared = [...k.stems].filter((x) => r.stems.has(x));
        // What is kept and what is given up must be the same thing ("exclusive" / "exclusivity").
        const same = [...k.object].some((x) => r.object.has(x));
        if (same && shared.length >= 2 && (!best || shared.length > best.shared.length)) best = { r, shared };
      }
    }
    if (!best || usedPassages.has(k.p)) continue;
    usedPassages.add(k.p);
    usedPassages.add(best.r.p);
    const objectWords = k.p.tokens.filter((t) => k.object.has(t.stem) && best.r.object.has(t.stem)).map((t) => t.lower);
    const about = [...new Set(objectWords)].slice(0, 2).join(' and ');
    const sides = [k.p, best.r.p].map((p) => {
      const item: DraftItem = { quotes: [], docs: [], score: 0 };
      addSupport(item, quoteOf(p));
      return item;
    });
    conflicts.push({ topic: `${capitalise(about || 'The terms')}: still in place or given up?`, sides });
    if (conflicts.length >= 5) break;
  }
  return conflicts;
}

/** Stems of the content words just after the cue: what the claim is about ("exclusive cloud provider"). */
function objectStems(p: Passage, cue: RegExp, main: Set<string>): Set<string> {
  const m = cue.exec(p.text);
  if (!m) return new Set();
  const from = (m.index ?? 0) + m[0].length;
  const after = p.tokens.filter((t) => t.at >= from - 1 && t.at <= from + 60 && isContent(t) && !main.has(t.lower));
  // With the stem of the cue's own word where it names the thing ("exclusivity" in "the exclusivity").
  return new Set(after.slice(0, 4).map((t) => t.stem));
}

