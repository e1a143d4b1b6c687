// Drafting the conflicts: the same quantity or claim stated differently by two documents
// (totals or valuations of one year, stakes, "remains …" against "released from …").
import { extractFigures } from '../verify/figures.js';
import { contentStems, isContent, isModifier, namesIn, type Corpus } from './corpus.js';
import { AFFIRM, NEGATED_ACTION, REVERSE } from './cues.js';
import type { Passage } from './nlp.js';
import { isStatementLike, quoteOf } from './quote.js';
import { addSupport, capitalise, type DraftConflict, type DraftInvestment, type DraftItem } from './sections.js';

/** The same quantity stated differently, and a claim kept by one document but given up by another. */
export function draftConflicts(corpus: Corpus, investments: DraftInvestment[]): DraftConflict[] {
  return [...amountConflicts(investments), ...planConflicts(investments), ...percentConflicts(corpus), ...ownershipConflicts(corpus), ...claimConflicts(corpus), ...polarityConflicts(corpus)];
}

/** Words that say a plan changed ("raised its planned investment to"): a later amount is then news, not a disagreement. */
const CHANGED = /\b(?:rais|increas|boost|doubl|expand|add|cut|lower|reduc|trim|revis|scal(?:e|ed|ing) back|halv)\w*/i;
/** How far apart two reports of one plan may be, in days, and still be two accounts of it. */
const PLAN_WINDOW_DAYS = 92;

/**
 * One actor's plan put at different amounts by documents a few months apart, neither saying
 * the plan changed: two accounts of one pledge ("will invest $14 billion" in May, "about $11
 * billion" under the agreement in June).
 */
function planConflicts(investments: DraftInvestment[]): DraftConflict[] {
  const plans = investments.filter((i) => i.kind === 'plan' && i.party !== undefined && !i.quotes.some((q) => CHANGED.test(q.quote)));
  const conflicts: DraftConflict[] = [];
  const paired = new Set<DraftInvestment>();
  for (let i = 0; i < plans.length; i++) {
    const a = plans[i] as DraftInvestment;
    for (let j = i + 1; j < plans.length; j++) {
      const b = plans[j] as DraftInvestment;
      if (paired.has(a) || paired.has(b) || a.party !== b.party || a.currency !== b.currency || a.value === b.value) continue;
      if (a.counterparty !== undefined && b.counterparty !== undefined && a.counterparty !== b.counterparty) continue;
      if (a.docs.some((d) => b.docs.includes(d)) || Math.max(a.value, b.value) > 2 * Math.min(a.value, b.value)) continue;
      const days = daysBetween(reportedOn(a), reportedOn(b));
      if (days === undefined || days > PLAN_WINDOW_DAYS) continue;
      paired.add(a);
      paired.add(b);
      const shown = (x: DraftInvestment) => (x.qualifier ? `${x.qualifier} ${x.amount}` : x.amount);
      conflicts.push({ topic: `${a.party}’s plan: ${shown(a)} or ${shown(b)}?`, sides: [a, b] });
    }
  }
  return conflicts;
}

/** The date of the first document that reports an item. */
function reportedOn(item: DraftItem): string | undefined {
  return item.quotes[0]?.passage.doc.date;
}

function daysBetween(a: string | undefined, b: string | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  const ms = Math.abs(Date.parse(`${a.slice(0, 10)}T00:00:00Z`) - Date.parse(`${b.slice(0, 10)}T00:00:00Z`));
  return Number.isNaN(ms) ? undefined : ms / 86_400_000;
}

/** Ownership stated in part ("a partial ownership", "a minority stake", "no one could hold a majority")… */
const PARTIAL = /\b(?:partial ownership|partly owned|part[- ]owned|minority (?:stake|holding|interest)|(?:no one|nobody|no company|no single \S+) (?:could|can|would|may|will) (?:hold|have|own|take) a majority)\b/i;
/** …or in whole ("a wholly owned subsidiary", "owns all of X's shares", "buy X outright"). */
const WHOLE = /\b(?:wholly[- ]owned|full ownership|(?:owns?|buy|buys|acquire|acquires|take|takes|for) all of|outright|100% of)\b/i;

/**
 * The extent of ownership stated differently by two documents about the same company: in part
 * by one, in whole by another. Passages that only wonder ("did not say whether") state neither.
 */
function ownershipConflicts(corpus: Corpus): DraftConflict[] {
  const partial: { p: Passage; names: string[]; cue: string; at: number }[] = [];
  const whole: { p: Passage; names: string[]; cue: string; at: number }[] = [];
  for (const p of corpus.passages) {
    if (!isStatementLike(p) || !/own|stake|majority|outright|all of|100%/i.test(p.text)) continue;
    const a = PARTIAL.exec(p.text);
    const b = WHOLE.exec(p.text);
    if ((a === null) === (b === null)) continue;
    const cue = (a ?? b) as RegExpExecArray;
    if (/\b(?:whether|not|no longer|never)\b/i.test(p.text.slice(0, cue.index))) continue;
    // The names nearest the cue first: the company owned is named next to its ownership.
    const names = namesIn(p)
      .filter((n) => !isModifier(p.text, n))
      .sort((m, n) => Math.abs(m.at - cue.index) - Math.abs(n.at - cue.index))
      .map((n) => n.name);
    if (names.length > 0) (a ? partial : whole).push({ p, names, cue: cue[0], at: cue.index });
  }
  const conflicts: DraftConflict[] = [];
  for (const x of partial) {
    const y = whole.find((w) => w.p.doc.id !== x.p.doc.id && w.names.some((n) => x.names.includes(n)));
    if (!y) continue;
    const name = y.names.find((n) => x.names.includes(n)) as string;
    const sides = [x.p, y.p].map((p) => {
      const item: DraftItem = { quotes: [], docs: [], score: 0 };
      addSupport(item, quoteOf(p));
      return item;
    });
    conflicts.push({ topic: `${name}: ${x.cue} or ${y.cue}?`, sides });
    break;
  }
  return conflicts;
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
    conflicts.push({ topic: `Reported ${what}: ${a.amount} or ${b.amount}?`, fallbacks: [`Reported: ${a.amount} or ${b.amount}?`], sides: [a, b] });
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
  const main = new Set(corpus.organisations.slice(0, 2).map((o) => o.toLowerCase()));
  const mainWords = new Set([...main].flatMap((m) => m.split(/\s+/)).filter((w) => w.length > 2));
  const nameStems = new Set<string>();
  for (const p of corpus.passages) for (const t of p.tokens) if (t.pos === 'PROPN' && corpus.names.has(t.value) && !main.has(t.lower)) nameStems.add(t.stem);
  const kept: { p: Passage; stems: Set<string>; object: Set<string>; near: Set<string> }[] = [];
  const reversed: { p: Passage; stems: Set<string>; object: Set<string>; near: Set<string> }[] = [];
  for (const p of corpus.passages) {
    // A line that introduces a list ("While X remains …, analysts note subtle shifts:") states a claim too.
    if (!isStatementLike(p) && !(p.text.trim().endsWith(':') && p.tokens.length >= 8)) continue;
    const a = AFFIRM.test(p.text);
    const r = REVERSE.test(p.text);
    if (a === r) continue;
    const cue = a ? AFFIRM : REVERSE;
    // Not the words of the main actors' names ("Steel" of "Acme Steel"), nor a name used as a modifier ("an American company").
    const modifiers = new Set(namesIn(p).filter((n) => isModifier(p.text, n)).map((n) => n.name.toLowerCase()));
    const stems = new Set(contentStems(p).filter((s) => !main.has(s) && !mainWords.has(s) && !modifiers.has(s) && corpus.idf(s) > 1));
    (a ? kept : reversed).push({ p, stems, object: objectStems(p, cue, main), near: stemsNearCue(p, cue) });
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
        // or they share a name other than the main actors' ("X") and one more word, or three words.
        // Either way, a shared word must stand near each cue: the claim kept is the claim given up.
        const near = shared.some((x) => k.near.has(x) && r.near.has(x));
        const same = [...k.object].some((x) => r.object.has(x)) || (near && (shared.length >= 2 || shared.some((x) => nameStems.has(x))));
        if (same && (shared.length >= 2 || shared.some((x) => nameStems.has(x))) && (!best || shared.length > best.shared.length)) best = { r, shared };
      }
    }
    if (!best || usedPassages.has(k.p)) continue;
    usedPassages.add(k.p);
    usedPassages.add(best.r.p);
    const objectWords = k.p.tokens.filter((t) => k.object.has(t.stem) && best.r.object.has(t.stem)).map((t) => t.lower);
    const sharedNames = k.p.tokens.filter((t) => best.shared.includes(t.stem) && nameStems.has(t.stem)).map((t) => t.value);
    const about = [...new Set(objectWords.length > 0 ? objectWords : sharedNames)].slice(0, 2).join(' and ');
    const sides = [k.p, best.r.p].map((p) => {
      const item: DraftItem = { quotes: [], docs: [], score: 0 };
      addSupport(item, quoteOf(p));
      return item;
    });
    const fallbacks = about ? [`${capitalise(about)}: still or no longer?`] : [];
    conflicts.push({ topic: `${capitalise(about || 'The terms')}: still in place or given up?`, fallbacks, sides });
    if (conflicts.length >= 5) break;
  }
  return conflicts;
}

/** Stems of the words within 80 characters of the cue, either side. */
function stemsNearCue(p: Passage, cue: RegExp): Set<string> {
  const m = cue.exec(p.text);
  if (!m) return new Set();
  const at = m.index ?? 0;
  return new Set(p.tokens.filter((t) => t.at >= at - 80 && t.at <= at + m[0].length + 80).map((t) => t.stem));
}

/** Stems of the content words just after the cue: what the claim is about ("exclusive cloud provider"). */
function objectStems(p: Passage, cue: RegExp, main: Set<string>): Set<string> {
  const m = cue.exec(p.text);
  if (!m) return new Set();
  const from = (m.index ?? 0) + m[0].length;
  // Its noun phrase only, up to a preposition ("ending a long auction for the … company": the
  // auction ended, not the company); common words only: a name or a demonym says whose, not what.
  const window = p.tokens.filter((t) => t.at >= from - 1 && t.at <= from + 60);
  const stop = window.findIndex((t) => /^(?:for|of|with|to|from|in|on|at|by|after|before|than)$/i.test(t.value));
  const after = (stop < 0 ? window : window.slice(0, stop)).filter((t) => isContent(t) && !main.has(t.lower) && t.pos !== 'PROPN');
  // With the stem of the cue's own word where it names the thing ("exclusivity" in "the exclusivity").
  return new Set(after.slice(0, 4).map((t) => t.stem));
}


/**
 * One document says an action did not happen ("has struggled to gain traction"), another that it
 * does ("is gaining traction"), of the same named thing: passages of different documents that
 * share the action's two words and a name other than the main actors'.
 */
function polarityConflicts(corpus: Corpus): DraftConflict[] {
  const main = new Set(corpus.organisations.slice(0, 2).map((o) => o.toLowerCase()));
  const negated: { p: Passage; verb: string; object: string; names: Set<string> }[] = [];
  const stemOf = (p: Passage, word: string) => p.tokens.find((t) => t.lower === word.toLowerCase())?.stem ?? word.toLowerCase();
  for (const p of corpus.passages) {
    if (!isStatementLike(p)) continue;
    const m = NEGATED_ACTION.exec(p.text);
    if (!m?.[1] || !m[2]) continue;
    const names = new Set(namesIn(p).map((n) => n.name).filter((n) => !main.has(n.toLowerCase())));
    if (names.size > 0) negated.push({ p, verb: stemOf(p, m[1]), object: stemOf(p, m[2]), names });
  }
  if (negated.length === 0) return [];
  const conflicts: DraftConflict[] = [];
  for (const n of negated) {
    const other = corpus.passages.find((p) => {
      if (p.doc.id === n.p.doc.id || !isStatementLike(p) || NEGATED_ACTION.test(p.text)) return false;
      const stems = p.tokens.map((t) => t.stem);
      const at = stems.indexOf(n.verb);
      // The action affirmed: its verb, then its object within two words.
      if (at < 0 || !stems.slice(at + 1, at + 4).includes(n.object)) return false;
      return namesIn(p).some((x) => n.names.has(x.name));
    });
    if (!other) continue;
    const name = namesIn(other).find((x) => n.names.has(x.name))?.name ?? '';
    const verbAt = other.tokens.findIndex((t) => t.stem === n.verb);
    const action = other.tokens.slice(verbAt, verbAt + 3).filter((t, i, all) => i === 0 || all.slice(0, i + 1).some((x) => x.stem === n.object) === false || t.stem === n.object).map((t) => t.value).join(' ');
    const sides = [n.p, other].map((p) => {
      const item: DraftItem = { quotes: [], docs: [], score: 0 };
      addSupport(item, quoteOf(p));
      return item;
    });
    conflicts.push({ topic: `${name}: ${action}?`, sides });
    if (conflicts.length >= 3) break;
  }
  return conflicts;
}
