// Scores the support check (supportOf) on a corpus of cases: the overall precision and recall the
// corpus test of issue 20 prints, and the same per rule. Shared by test/support-heldout.test.ts and
// `npm run score:support` (scripts/score-support.mjs), which writes them to bench/.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUPPORT_RULES, supportOf, type QuoteFrame, type SupportMode, type SupportQuote } from '../../src/verify/support.js';
import { foldQuote } from '../../src/verify/match.js';
import { normalizeSourceText } from '../../src/inputs/source-text.js';

export type ExpectedRule = (typeof SUPPORT_RULES)[number] | 'none';

export interface CorpusQuote {
  /** A seed article's id (seeds/). */
  doc?: string;
  /** A made-up document of the held-out corpus (test/support-heldout/documents/NAME.txt). */
  source?: string;
  text: string;
  /** The words around the quote in its document, when a case is about them (quote-frame.ts). */
  frame?: QuoteFrame;
}

export interface CorpusCase {
  id: string;
  rule: ExpectedRule;
  mode?: SupportMode;
  statement: string;
  quotes: CorpusQuote[];
}

export interface RuleScore {
  cases: number;
  truePositive: number;
  falseNegative: number;
  /** Cases that raised the rule without being labelled with it: faithful ones, and unsupported ones of another rule. */
  falsePositive: number;
  falsePositiveOnFaithful: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  cases: number;
  unsupported: number;
  faithful: number;
  /** As test/support-corpus.test.ts counts: a flag that names the wrong rule is a false positive and a miss. */
  precision: number;
  recall: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  /** Unsupported cases flagged by any rule (a warning is raised, whatever it names). */
  flagged: number;
  /** Faithful cases flagged by any rule. */
  falseAlarms: number;
  perRule: Record<string, RuleScore>;
  /** Every case whose result is not what it must be: id, expected rule, rules raised. */
  wrong: { id: string; expected: ExpectedRule; raised: string[] }[];
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function readCorpus(file: string): CorpusCase[] {
  return parse(readFileSync(file, 'utf8')) as CorpusCase[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

/** The text a quote must be found in, folded as the verifier folds it (null: the quote names no document). */
export function documentTextOf(q: CorpusQuote): string | null {
  if (q.doc !== undefined) {
    const dir = path.join(ROOT, 'seeds');
    const file = readdirSync(dir).find((f) => f.startsWith(`${q.doc}_`));
    if (!file) throw new Error(`no seed document ${q.doc}`);
    return foldQuote(normalizeSourceText(readFileSync(path.join(dir, file), 'utf8')));
  }
  if (q.source !== undefined) return foldQuote(normalizeSourceText(readFileSync(path.join(ROOT, 'test/support-heldout/documents', `${q.source}.txt`), 'utf8')));
  return null;
}

/**
 * The rules the check raises on each case. `withSources`: each quote handed over with its document,
 * as the verifier does (verify.ts verifiedQuotes); else as texts, as the corpus test of issue 20 does.
 */
export function raisedRules(cases: readonly CorpusCase[], withSources: boolean): Map<string, string[]> {
  const raised = new Map<string, string[]>();
  for (const c of cases) {
    const quotes: SupportQuote[] = c.quotes.map((q) => {
      const source = q.doc ?? q.source;
      if (q.frame !== undefined) return withSources && source !== undefined ? { text: q.text, source, frame: q.frame } : { text: q.text, frame: q.frame };
      return withSources && source !== undefined ? { text: q.text, source } : q.text;
    });
    raised.set(c.id, [...new Set(supportOf(c.statement, quotes, c.mode ?? 'statement').findings.map((f) => f.rule))]);
  }
  return raised;
}

export function scoreCorpus(cases: readonly CorpusCase[], raised: ReadonlyMap<string, readonly string[]>): CorpusScore {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let flagged = 0;
  let falseAlarms = 0;
  const wrong: CorpusScore['wrong'] = [];
  for (const c of cases) {
    const rules = [...(raised.get(c.id) ?? [])];
    if (c.rule === 'none') {
      if (rules.length > 0) {
        falsePositive++;
        falseAlarms++;
        wrong.push({ id: c.id, expected: c.rule, raised: rules });
      }
      continue;
    }
    if (rules.length > 0) flagged++;
    if (rules.includes(c.rule)) truePositive++;
    else {
      falseNegative++;
      if (rules.length > 0) falsePositive++;
    }
    if (!rules.includes(c.rule) || rules.length > 1) wrong.push({ id: c.id, expected: c.rule, raised: rules });
  }
  const perRule: Record<string, RuleScore> = {};
  for (const rule of SUPPORT_RULES) {
    const labelled = cases.filter((c) => c.rule === rule);
    const tp = labelled.filter((c) => raised.get(c.id)?.includes(rule)).length;
    const others = cases.filter((c) => c.rule !== rule && raised.get(c.id)?.includes(rule));
    perRule[rule] = {
      cases: labelled.length,
      truePositive: tp,
      falseNegative: labelled.length - tp,
      falsePositive: others.length,
      falsePositiveOnFaithful: others.filter((c) => c.rule === 'none').length,
      precision: ratio(tp, tp + others.length),
      recall: ratio(tp, labelled.length),
    };
  }
  const unsupported = cases.filter((c) => c.rule !== 'none').length;
  return {
    cases: cases.length,
    unsupported,
    faithful: cases.length - unsupported,
    precision: ratio(truePositive, truePositive + falsePositive),
    recall: ratio(truePositive, truePositive + falseNegative),
    truePositive,
    falsePositive,
    falseNegative,
    flagged,
    falseAlarms,
    perRule,
    wrong,
  };
}

/** A score as lines of text: the totals, a row per rule, and each case that is wrong. */
export function formatScore(name: string, s: CorpusScore): string {
  const lines = [
    `${name}: ${s.cases} cases (${s.unsupported} unsupported, ${s.faithful} faithful): precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (TP ${s.truePositive}, FP ${s.falsePositive}, FN ${s.falseNegative}); unsupported flagged by any rule ${s.flagged}/${s.unsupported}, faithful flagged ${s.falseAlarms}/${s.faithful}`,
    '  rule               cases  TP  FN  FP (on faithful)  precision  recall',
  ];
  for (const [rule, r] of Object.entries(s.perRule)) {
    lines.push(`  ${rule.padEnd(18)} ${String(r.cases).padStart(5)} ${String(r.truePositive).padStart(3)} ${String(r.falseNegative).padStart(3)} ${String(r.falsePositive).padStart(3)} (${r.falsePositiveOnFaithful})${' '.repeat(12)}${r.precision.toFixed(3)}  ${r.recall.toFixed(3)}`);
  }
  for (const w of s.wrong) lines.push(`  ${w.id}: expected ${w.expected}, raised ${w.raised.join(', ') || 'nothing'}`);
  return lines.join('\n');
}
