// Which statement of one build is which statement of another: by identity, not by position.
// An item with an `id:` is the item with the same id in the same section. Without one, an item
// is paired within its section with the unpaired item it resembles most: the same wording and
// citations first (a moved item), then by shared citations and shared words (an edited item).
// Only an item with no such match is added or withdrawn. Sections are read from the statements'
// paths, so a section added to the summary later is matched like the others.
import { extractFigures, figureKey, type Figure } from '../verify/figures.js';
import type { StatementRecord } from './manifest.js';
import { pushAll } from '../common/arrays.js';

/** A pair is made when the citations mostly agree, or the words do, or both in part. */
const SAME_CITATIONS = 0.5;
const SAME_WORDS = 0.6;
const SAME_BOTH = 0.8;
/** Words in more than this many statements of a section are too common to find candidates by. */
const COMMON_WORD = 40;

export interface FieldChange {
  /** The field's path in the item ("text", "amount.value"). */
  field: string;
  old?: string;
  new?: string;
}

export interface FigureChange {
  old?: string;
  new?: string;
}

export interface ChangedStatement {
  path: string;
  /** Where it was in the baseline, when that is elsewhere. */
  previousPath?: string;
  id?: string;
  section: string;
  text: string;
  previousText: string;
  /** The wording field by field, before and now (an older manifest's: only its joined text). */
  wording: { old: Record<string, string>; new: Record<string, string> };
  /** The fields whose wording changed, with their old and new values (empty when only citations did). */
  fields: FieldChange[];
  /** Figures of the changed fields, old → new. */
  figures: FigureChange[];
  citations: { added: string[]; removed: string[] };
}

export interface StatementMatch {
  /** How many statements of the current build were paired with one of the baseline. */
  matched: number;
  /** Paired with the same wording and citations at another place. */
  moved: { path: string; previousPath: string }[];
  changed: ChangedStatement[];
  added: StatementRecord[];
  withdrawn: StatementRecord[];
}

/** The section of a statement: the first key of its path ("conflicts[2].sides[0]" → "conflicts"). */
export function sectionOf(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/** The fields of a statement record; an older manifest recorded only their joined text. */
function fieldsOf(s: StatementRecord): Record<string, string> {
  return s.fields ?? { text: s.text };
}

/** Equal wording: field by field when both records have them, else the joined text. */
function sameWording(a: StatementRecord, b: StatementRecord): boolean {
  if (a.fields && b.fields) return sameRecord(a.fields, b.fields);
  return a.text === b.text;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sameCitations(a: StatementRecord, b: StatementRecord): boolean {
  return a.citations.length === b.citations.length && a.citations.every((c, i) => c === b.citations[i]);
}

/** Two items with different ids (or inside items with different ids) are never the same item. */
function compatible(a: StatementRecord, b: StatementRecord): boolean {
  return !(a.id !== undefined && b.id !== undefined && a.id !== b.id) && !(a.within !== undefined && b.within !== undefined && a.within !== b.within);
}

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;

function words(s: StatementRecord): string[] {
  const text = Object.values(fieldsOf(s)).join(' ').toLowerCase();
  return [...new Set(text.match(WORD) ?? [])];
}

/** Dice's coefficient of two sets of words. */
function dice(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.length + b.size);
}

/** Jaccard's index of two sets of citations. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const c of a) if (b.has(c)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function matchStatements(before: readonly StatementRecord[], after: readonly StatementRecord[]): StatementMatch {
  const result: StatementMatch = { matched: 0, moved: [], changed: [], added: [], withdrawn: [] };
  const pairs: [StatementRecord, StatementRecord][] = [];
  const oldBySection = groupBy(before, (s) => sectionOf(s.path));
  const newBySection = groupBy(after, (s) => sectionOf(s.path));
  const paired = new Set<StatementRecord>();
  for (const [section, current] of newBySection) pushAll(pairs, pairSection(oldBySection.get(section) ?? [], current, paired));
  const pairOf = new Map(pairs.map(([o, n]) => [n, o]));
  // Reported in the order of the current summary; withdrawn ones in the baseline's order.
  for (const s of after) {
    const old = pairOf.get(s);
    if (!old) {
      result.added.push(s);
      continue;
    }
    result.matched++;
    if (sameWording(old, s) && sameCitations(old, s)) {
      if (old.path !== s.path) result.moved.push({ path: s.path, previousPath: old.path });
    } else result.changed.push(changeOf(old, s));
  }
  for (const s of before) if (!paired.has(s)) result.withdrawn.push(s);
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The pairs of one section; `paired` collects the baseline's statements that found their match. */
function pairSection(before: readonly StatementRecord[], after: readonly StatementRecord[], paired: Set<StatementRecord>): [StatementRecord, StatementRecord][] {
  const pairs: [StatementRecord, StatementRecord][] = [];
  const taken = new Set<StatementRecord>();
  const take = (o: StatementRecord, n: StatementRecord) => {
    pairs.push([o, n]);
    paired.add(o);
    taken.add(n);
  };
  // 1. The same id.
  const byId = new Map<string, StatementRecord>();
  for (const o of before) if (o.id !== undefined && !byId.has(o.id)) byId.set(o.id, o);
  for (const n of after) {
    const o = n.id !== undefined ? byId.get(n.id) : undefined;
    if (o && !paired.has(o)) take(o, n);
  }
  // 2. The same wording and citations (a moved item), in order.
  const exact = new Map<string, StatementRecord[]>();
  for (const o of before) {
    if (paired.has(o)) continue;
    const k = exactKey(o);
    exact.set(k, [...(exact.get(k) ?? []), o]);
  }
  for (const n of after) {
    if (taken.has(n)) continue;
    const candidates = exact.get(exactKey(n)) ?? [];
    const o = candidates.find((c) => !paired.has(c) && compatible(c, n));
    if (o) take(o, n);
  }
  // 3. The most alike, best pair first.
  const olds = before.filter((o) => !paired.has(o));
  const news = after.filter((n) => !taken.has(n));
  if (olds.length === 0 || news.length === 0) return pairs;
  for (const { o, n } of likelyPairs(olds, news)) {
    if (paired.has(o) || taken.has(n)) continue;
    take(o, n);
  }
  return pairs;
}

/** Wording and citations as one key; the joined text stands for the fields (older manifests have only it). */
function exactKey(s: StatementRecord): string {
  return `${s.text}\u0001${s.citations.join('\u0002')}`;
}

/**
 * Candidate pairs that share a citation or a word not common in the section, scored by shared
 * citations plus shared words, best first (ties in the baseline's, then the current order).
 */
function likelyPairs(olds: StatementRecord[], news: StatementRecord[]): { o: StatementRecord; n: StatementRecord }[] {
  const oldWords = olds.map(words);
  const oldCites = olds.map((o) => new Set(o.citations));
  const frequency = new Map<string, number>();
  for (const ws of oldWords) for (const w of ws) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const byCitation = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (!list) index.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  olds.forEach((o, i) => {
    for (const c of o.citations) add(byCitation, c, i);
    for (const w of oldWords[i] as string[]) if ((frequency.get(w) ?? 0) <= COMMON_WORD) add(byWord, w, i);
  });
  const scored: { o: StatementRecord; n: StatementRecord; score: number; i: number; j: number }[] = [];
  news.forEach((n, j) => {
    const nWords = words(n);
    const nWordSet = new Set(nWords);
    const nCites = new Set(n.citations);
    const candidates = new Set<number>();
    for (const c of nCites) for (const i of byCitation.get(c) ?? []) candidates.add(i);
    for (const w of nWords) for (const i of byWord.get(w) ?? []) candidates.add(i);
    for (const i of candidates) {
      const o = olds[i] as StatementRecord;
      if (!compatible(o, n)) continue;
      const citeScore = jaccard(oldCites[i] as Set<string>, nCites);
      const wordScore = dice(oldWords[i] as string[], nWordSet);
      if (citeScore >= SAME_CITATIONS || wordScore >= SAME_WORDS || citeScore + wordScore >= SAME_BOTH) scored.push({ o, n, score: citeScore + wordScore, i, j });
    }
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
}

/** What changed between two versions of one statement: fields, figures and citations. */
function changeOf(old: StatementRecord, now: StatementRecord): ChangedStatement {
  const before = fieldsOf(old);
  const after = fieldsOf(now);
  // An older manifest has only the joined text: compare that with the joined text of now.
  const comparable = old.fields ? after : { text: now.text };
  const fields: FieldChange[] = [];
  for (const field of unionKeys(before, comparable)) {
    const a = before[field];
    const b = comparable[field];
    if (a === b) continue;
    const change: FieldChange = { field };
    if (a !== undefined) change.old = a;
    if (b !== undefined) change.new = b;
    fields.push(change);
  }
  const figures = dedupe(fields.flatMap((f) => figureChanges(f.old ?? '', f.new ?? '')));
  const oldCites = new Set(old.citations);
  const newCites = new Set(now.citations);
  const changed: ChangedStatement = {
    path: now.path,
    section: sectionOf(now.path),
    text: now.text,
    previousText: old.text,
    wording: { old: before, new: after },
    fields,
    figures,
    citations: { added: now.citations.filter((c) => !oldCites.has(c)), removed: old.citations.filter((c) => !newCites.has(c)) },
  };
  if (old.path !== now.path) changed.previousPath = old.path;
  if (now.id !== undefined) changed.id = now.id;
  return changed;
}

function unionKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/**
 * The figures one wording has and the other has not, paired old → new in order within each kind
 * of figure (a money amount with a money amount); an amount without a counterpart stands alone.
 */
export function figureChanges(oldText: string, newText: string): FigureChange[] {
  // A figure a quote states without a statement having to ("both", a rank in words) is no figure of a wording.
  const before = extractFigures(oldText).filter((f) => !f.quoteOnly);
  const after = extractFigures(newText).filter((f) => !f.quoteOnly);
  const remaining = (from: Figure[], other: Figure[]) => {
    const counts = new Map<string, number>();
    for (const f of other) counts.set(figureKey(f), (counts.get(figureKey(f)) ?? 0) + 1);
    return from.filter((f) => {
      const k = figureKey(f);
      const left = counts.get(k) ?? 0;
      if (left > 0) counts.set(k, left - 1);
      return left === 0;
    });
  };
  const gone = remaining(before, after);
  const come = remaining(after, before);
  const changes: FigureChange[] = [];
  // A figure without a counterpart is worth naming when it is an amount; a year or a number that
  // only appears or disappears is the rewording's ("since 2019"), shown with the new wording.
  const amount = (f: Figure) => f.kind === 'money' || f.kind === 'percent';
  for (const f of gone) {
    const k = come.findIndex((g) => g.kind === f.kind);
    if (k >= 0) {
      changes.push({ old: f.text, new: (come[k] as Figure).text });
      come.splice(k, 1);
    } else if (amount(f)) changes.push({ old: f.text });
  }
  for (const g of come) if (amount(g)) changes.push({ new: g.text });
  return changes;
}

function dedupe(changes: FigureChange[]): FigureChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = `${c.old ?? ''}\u0000${c.new ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Words of context kept on each side of a changed stretch of wording. */
const CONTEXT_WORDS = 3;

/**
 * The old wording as a reader needs it beside the new one: the stretch that changed, with a few
 * words of context and an ellipsis where it is cut ("…grown to a reported $13.75 billion."); the
 * whole old wording when most of it changed. Empty when nothing was removed (words only added).
 */
export function previousWording(oldText: string, newText: string): string {
  const a = oldText.split(/\s+/).filter((w) => w !== '');
  const b = newText.split(/\s+/).filter((w) => w !== '');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const removed = a.length - start - end;
  if (removed === 0) return '';
  if (removed > a.length * 0.6) return oldText.trim();
  const from = Math.max(0, start - CONTEXT_WORDS);
  const to = Math.min(a.length, a.length - end + CONTEXT_WORDS);
  return `${from > 0 ? '…' : ''}${a.slice(from, to).join(' ')}${to < a.length ? '…' : ''}`;
}
