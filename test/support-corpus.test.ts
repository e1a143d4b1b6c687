// The support corpus (test/support-corpus/cases.yaml): unsupported statements, each of which must
// raise its rule, and faithful ones that must raise nothing. Prints the check's precision and
// recall on it; both must be at least 0.9. Quotes said to come from a seed article must be in it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SUPPORT_RULES, supportOf, type QuoteFrame, type SupportMode, type SupportResult } from '../src/verify/support.js';
import { foldQuote } from '../src/verify/match.js';
import { normalizeSourceText } from '../src/inputs/source-text.js';

interface Case {
  id: string;
  rule: (typeof SUPPORT_RULES)[number] | 'none';
  mode?: SupportMode;
  statement: string;
  /** A quote, with the words around it in its document when the case is about them (see quote-frame.ts). */
  quotes: { doc?: string; text: string; frame?: QuoteFrame }[];
}

const root = path.resolve(import.meta.dirname, '..');
const CASES = parse(readFileSync(path.join(root, 'test/support-corpus/cases.yaml'), 'utf8')) as Case[];
const seedFiles = readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt'));
const seedText = (id: string) => {
  const file = seedFiles.find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`no seed document ${id}`);
  return foldQuote(normalizeSourceText(readFileSync(path.join(root, 'seeds', file), 'utf8')));
};

const results = new Map<string, SupportResult>(CASES.map((c) => [c.id, supportOf(c.statement, c.quotes.map((q) => (q.frame ? { text: q.text, frame: q.frame } : q.text)), c.mode ?? 'statement')]));

describe('the support corpus', () => {
  it('has at least 40 unsupported statements of every kind and 40 faithful ones, each named once', () => {
    const unsupported = CASES.filter((c) => c.rule !== 'none');
    expect(unsupported.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c.rule === 'none').length).toBeGreaterThanOrEqual(40);
    for (const rule of SUPPORT_RULES) expect(unsupported.filter((c) => c.rule === rule).length, rule).toBeGreaterThanOrEqual(5);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    // Not only the seeds' topic: made-up documents on others.
    expect(CASES.filter((c) => c.quotes.every((q) => q.doc === undefined)).length).toBeGreaterThanOrEqual(30);
  });

  it('quotes the seed articles verbatim where it names one', () => {
    for (const c of CASES) {
      for (const q of c.quotes) {
        if (q.doc === undefined) continue;
        const text = seedText(q.doc);
        expect(text.includes(foldQuote(q.text)), `${c.id}: ${q.text}`).toBe(true);
        // Its frame too: its sentence around it, and its list's lead-in.
        if (q.frame) expect(text.includes(foldQuote(q.frame.before + q.text + q.frame.after)), `${c.id}: frame of ${q.text}`).toBe(true);
        if (q.frame?.leadIn !== undefined) expect(text.includes(foldQuote(q.frame.leadIn)), `${c.id}: lead-in ${q.frame.leadIn}`).toBe(true);
      }
    }
  });

  it('catches the unsupported statements and passes the faithful ones (precision and recall >= 0.9)', () => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    const misses: string[] = [];
    for (const c of CASES) {
      const raised = (results.get(c.id) as SupportResult).findings.map((f) => f.rule);
      if (c.rule === 'none') {
        if (raised.length > 0) {
          falsePositive++;
          misses.push(`${c.id}: raised ${raised.join(', ')} on a faithful statement`);
        }
      } else if (raised.includes(c.rule)) truePositive++;
      else {
        falseNegative++;
        // A case flagged for another reason is a flag that names the wrong problem.
        if (raised.length > 0) falsePositive++;
        misses.push(`${c.id}: expected ${c.rule}, raised ${raised.join(', ') || 'nothing'}`);
      }
    }
    const precision = truePositive / (truePositive + falsePositive);
    const recall = truePositive / (truePositive + falseNegative);
    console.log(`support corpus: ${CASES.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (TP ${truePositive}, FP ${falsePositive}, FN ${falseNegative})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('names the words or the hedge in every message', () => {
    for (const c of CASES) {
      for (const f of (results.get(c.id) as SupportResult).findings) {
        expect(f.words.length, c.id).toBeGreaterThan(0);
        for (const w of f.words) expect(f.message, c.id).toContain(w);
      }
    }
  });
});
