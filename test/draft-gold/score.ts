// Scoring a drafted briefing.yaml against a gold set (test/draft-gold/<set>.yaml): precision and
// recall per section. The rules are in README.md beside this file; this module knows no topic and
// shares no code with src/draft (the scorer must not agree with the draft by construction).
import { parse } from 'yaml';
import * as z from 'zod';

const Passage = z.strictObject({ doc: z.string(), text: z.string() });
const List = z.array(z.string()).min(1);

const GoldInvestment = z.strictObject({
  id: z.string(),
  optional: z.boolean().default(false),
  party: List,
  counterparty: List.optional(),
  amount: z.string(),
  kind: List,
  when: List,
  passages: z.array(Passage).default([]),
});
const GoldTopic = z.strictObject({ id: z.string(), optional: z.boolean().default(false), topic: List, passages: z.array(Passage).min(1) });
const GoldAlternative = z.strictObject({ id: z.string(), optional: z.boolean().default(false), name: List, pursuedBy: List, maker: List.optional() });
const GoldConflict = z.strictObject({ id: z.string(), optional: z.boolean().default(false), sides: z.array(z.array(Passage).min(1)).min(2) });

export const GoldSchema = z.strictObject({
  set: z.string(),
  investment: z.array(GoldInvestment),
  friction: z.array(GoldTopic),
  alternatives: z.array(GoldAlternative),
  conflicts: z.array(GoldConflict),
});
export type Gold = z.infer<typeof GoldSchema>;

export function parseGold(text: string): Gold {
  return GoldSchema.parse(parse(text));
}

export const SECTIONS = ['investment', 'friction', 'alternatives', 'conflicts'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionScore {
  /** Drafted items that match a gold item (required or optional), one drafted item per gold item. */
  correct: number;
  drafted: number;
  /** Required gold items matched. */
  found: number;
  required: number;
  precision: number;
  recall: number;
  /** Ids of the required gold items not matched, and the drafted items that matched nothing. */
  missed: string[];
  wrong: string[];
}

export type SetScore = Record<Section, SectionScore> & { investmentLoose: SectionScore };

type Cite = { doc: string; quote: string };
interface DraftedAmount {
  value: string;
  kind?: string;
  party?: string;
  counterparty?: string;
}

// ---------------------------------------------------------------- text helpers

/** Lower case, quotes and dashes unified, white space collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A name as compared: folded, possessive "'s" dropped. */
function nameKey(text: string): string {
  return fold(text).replace(/'s\b/g, '').replace(/[^\p{L}\p{N}&.-]+/gu, ' ').trim();
}

/** Whether `inner` occurs in `outer` as whole words. */
function hasWords(outer: string, inner: string): boolean {
  if (inner === '') return false;
  const at = ` ${outer} `.indexOf(` ${inner} `);
  return at >= 0;
}

/** A drafted name and a gold alias agree when either holds the other as whole words. */
export function namesAgree(drafted: string | undefined, aliases: readonly string[]): boolean {
  if (drafted === undefined) return false;
  const d = nameKey(drafted);
  return aliases.some((a) => {
    const k = nameKey(a);
    return hasWords(d, k) || (d.length >= 3 && hasWords(k, d));
  });
}

/** A citation covers a gold passage: same document, and one text holds the other. */
function covers(cite: Cite, passage: { doc: string; text: string }): boolean {
  if (String(cite.doc) !== passage.doc) return false;
  const q = fold(cite.quote);
  const g = fold(passage.text);
  return q.includes(g) || g.includes(q);
}

// ---------------------------------------------------------------- amounts, kinds, dates

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCY_WORDS: Record<string, string> = { dollar: '$', dollars: '$', usd: '$', euro: '€', euros: '€', eur: '€', pound: '£', pounds: '£', gbp: '£' };

/** "$1 billion", "$1bn", "1 billion dollars", "EUR 120 million" → "$1000000000"; undefined when not money. */
export function moneyKey(text: string): string | undefined {
  const t = fold(text).replace(/,(?=\d{3})/g, '');
  const m = /([$€£¥])?\s*(?:(usd|eur|gbp)\s*)?(\d+(?:\.\d+)?)\s*-?\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b)?\b\s*(dollars?|euros?|pounds?)?/.exec(t);
  if (!m) return undefined;
  const currency = m[1] ?? (m[2] ? CURRENCY_WORDS[m[2]] : undefined) ?? (m[5] ? CURRENCY_WORDS[m[5]] : undefined);
  if (currency === undefined) return undefined;
  const value = Number(m[3]) * (m[4] ? (SCALES[m[4]] ?? 1) : 1);
  return `${currency}${Math.round(value)}`;
}

/** The drafted kind in the gold's words: investment, total, valuation, commitment, debt, contingent, revenue, other. */
export function kindKey(kind: string | undefined): string {
  const k = fold(kind ?? '');
  if (k === '') return 'none';
  if (/total|cumulative/.test(k)) return 'total';
  if (/valuation|value|worth/.test(k)) return 'valuation';
  if (/debt|loan|note|convertible|bond/.test(k)) return 'debt';
  if (/contingent|milestone|conditional/.test(k)) return 'contingent';
  if (/commit|plan|pledge|offer|bid/.test(k)) return 'commitment';
  if (/revenue|spending|sales/.test(k)) return 'revenue';
  if (/invest|stake|funding/.test(k)) return 'investment';
  return 'other';
}

/** A drafted `when` agrees with a gold date (YYYY, YYYY-MM or "undated") at the gold's precision. */
export function whenAgrees(drafted: string | undefined, gold: readonly string[]): boolean {
  const d = (drafted ?? 'undated').trim();
  return gold.some((g) => {
    if (g === 'undated') return d === 'undated' || !/\d{4}/.test(d);
    // A range is read at its start.
    const start = d.split('/')[0] ?? d;
    return start === g || start.startsWith(`${g}-`);
  });
}

// ---------------------------------------------------------------- sections

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

/** One drafted item to at most one gold item, in drafted order; the first free gold item it matches. */
function matchOneToOne<D, G extends { id: string; optional: boolean }>(drafted: D[], gold: G[], matches: (d: D, g: G) => boolean, label: (d: D) => string): SectionScore {
  const taken = new Set<string>();
  const wrong: string[] = [];
  let correct = 0;
  for (const d of drafted) {
    const g = gold.find((item) => !taken.has(item.id) && matches(d, item));
    if (g) {
      taken.add(g.id);
      correct++;
    } else wrong.push(label(d));
  }
  const required = gold.filter((g) => !g.optional);
  const missed = required.filter((g) => !taken.has(g.id)).map((g) => g.id);
  const found = required.length - missed.length;
  return { correct, drafted: drafted.length, found, required: required.length, precision: ratio(correct, drafted.length), recall: ratio(found, required.length), missed, wrong };
}

interface DraftedSummary {
  investment?: { when?: string; amount?: string | DraftedAmount; label?: string; text?: string; cite?: Cite[] }[];
  friction?: { title?: string; text?: string; cite?: Cite[] }[];
  alternatives?: { name?: string; pursuedBy?: string; owner?: string; maker?: string; kind?: string; cite?: Cite[] }[];
  conflicts?: { topic?: string; sides?: { text?: string; cite?: Cite[] }[] }[];
}

function amountOf(item: { amount?: string | DraftedAmount }): DraftedAmount | undefined {
  if (item.amount === undefined) return undefined;
  return typeof item.amount === 'string' ? { value: item.amount } : item.amount;
}

function scoreInvestment(draft: DraftedSummary, gold: Gold, loose: boolean): SectionScore {
  // Events without an amount are not amounts: not scored.
  const drafted = (draft.investment ?? []).filter((i) => amountOf(i) !== undefined);
  return matchOneToOne(
    drafted,
    gold.investment,
    (d, g) => {
      const a = amountOf(d) as DraftedAmount;
      if (moneyKey(a.value) === undefined || moneyKey(a.value) !== moneyKey(g.amount)) return false;
      if (!g.kind.includes(kindKey(a.kind))) return false;
      if (loose) return true;
      return namesAgree(a.party, g.party) && whenAgrees(d.when, g.when);
    },
    (d) => `${amountOf(d)?.value} ${amountOf(d)?.kind ?? ''} ${amountOf(d)?.party ?? '(no party)'} ${d.when ?? ''}`.replace(/\s+/g, ' '),
  );
}

function scoreFriction(draft: DraftedSummary, gold: Gold): SectionScore {
  return matchOneToOne(
    draft.friction ?? [],
    gold.friction,
    (d, g) => {
      const cites = d.cite ?? [];
      if (cites.some((c) => g.passages.some((p) => covers(c, p)))) return true;
      // Or it names the topic and cites a document the gold item rests on.
      const docs = new Set(g.passages.map((p) => p.doc));
      const words = nameKey(`${d.title ?? ''}`);
      return cites.some((c) => docs.has(String(c.doc))) && g.topic.some((t) => hasWords(words, nameKey(t)));
    },
    (d) => d.title ?? '(untitled)',
  );
}

function scoreAlternatives(draft: DraftedSummary, gold: Gold): SectionScore {
  return matchOneToOne(
    draft.alternatives ?? [],
    gold.alternatives,
    (d, g) => namesAgree(d.name, g.name) && namesAgree(d.pursuedBy ?? d.owner, g.pursuedBy),
    (d) => `${d.name} (${d.pursuedBy ?? d.owner ?? 'no pursuer'})`,
  );
}

function scoreConflicts(draft: DraftedSummary, gold: Gold): SectionScore {
  return matchOneToOne(
    draft.conflicts ?? [],
    gold.conflicts,
    (d, g) => {
      const sides = d.sides ?? [];
      // Two gold sides, each covered by a different drafted side.
      const hit = g.sides.map((gs) => sides.map((ds, i) => ((ds.cite ?? []).some((c) => gs.some((p) => covers(c, p))) ? i : -1)).filter((i) => i >= 0));
      for (let a = 0; a < hit.length; a++) for (let b = a + 1; b < hit.length; b++) if ((hit[a] ?? []).some((x) => (hit[b] ?? []).some((y) => y !== x))) return true;
      return false;
    },
    (d) => d.topic ?? '(no topic)',
  );
}

/** Scores of a drafted summary (the parsed YAML) against a gold set. */
export function scoreDraft(draft: DraftedSummary, gold: Gold): SetScore {
  return {
    investment: scoreInvestment(draft, gold, false),
    investmentLoose: scoreInvestment(draft, gold, true),
    friction: scoreFriction(draft, gold),
    alternatives: scoreAlternatives(draft, gold),
    conflicts: scoreConflicts(draft, gold),
  };
}

/** Maker right, among the alternatives that matched a gold item naming a maker. */
export function makerAccuracy(draft: DraftedSummary, gold: Gold): { right: number; of: number } {
  let right = 0;
  let of = 0;
  for (const d of draft.alternatives ?? []) {
    const g = gold.alternatives.find((item) => item.maker && namesAgree(d.name, item.name) && namesAgree(d.pursuedBy ?? d.owner, item.pursuedBy));
    if (!g?.maker) continue;
    of++;
    if (namesAgree(d.maker, g.maker)) right++;
  }
  return { right, of };
}

/** Gold passages that do not occur in their document's text (a typo in the gold): each as "doc: text". */
export function missingPassages(gold: Gold, texts: ReadonlyMap<string, string>): string[] {
  const all = [
    ...gold.investment.flatMap((i) => i.passages),
    ...gold.friction.flatMap((f) => f.passages),
    ...gold.conflicts.flatMap((c) => c.sides.flat()),
  ];
  return all.filter((p) => !fold(texts.get(p.doc) ?? '').includes(fold(p.text))).map((p) => `${p.doc}: ${p.text}`);
}
