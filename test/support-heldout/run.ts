// `npm run score:support [-- --write LABEL]`: scores the support check on the held-out corpus
// (test/support-heldout/cases.yaml) and on the corpus of issue 20 (test/support-corpus/cases.yaml)
// and prints both; --write LABEL records them under LABEL (with today's date) in
// bench/support-heldout.json, keeping the other labels; --explain prints the check's messages on
// each case it gets wrong.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { supportOf } from '../../src/verify/support.js';
import { ROOT, formatScore, raisedRules, readCorpus, scoreCorpus, type CorpusCase, type CorpusScore } from './score.js';

const heldout = readCorpus(path.join(ROOT, 'test/support-heldout/cases.yaml'));
const original = readCorpus(path.join(ROOT, 'test/support-corpus/cases.yaml'));
const scores = {
  heldout: scoreCorpus(heldout, raisedRules(heldout, true)),
  original: scoreCorpus(original, raisedRules(original, false)),
};
console.log(formatScore('held-out corpus', scores.heldout));
console.log(formatScore('issue 20 corpus', scores.original));

function explain(cases: readonly CorpusCase[], score: CorpusScore, withSources: boolean): void {
  for (const wrong of score.wrong) {
    const c = cases.find((k) => k.id === wrong.id) as CorpusCase;
    const quotes = c.quotes.map((q) => (withSources && (q.doc ?? q.source) !== undefined ? { text: q.text, source: q.doc ?? q.source } : q.text));
    const result = supportOf(c.statement, quotes, c.mode ?? 'statement');
    console.log(`\n${c.id} (expected ${c.rule}): ${c.statement}`);
    for (const q of c.quotes) console.log(`  quote: ${q.text}`);
    console.log(`  hedges: ${JSON.stringify(result.hedges)} negations: ${JSON.stringify(result.negations)}`);
    for (const f of result.findings) console.log(`  ${f.rule}: ${f.message}`);
  }
}
if (process.argv.includes('--explain')) {
  explain(heldout, scores.heldout, true);
  explain(original, scores.original, false);
}

const at = process.argv.indexOf('--write');
if (at >= 0) {
  const label = process.argv[at + 1];
  if (!label) throw new Error('--write needs a label');
  const file = path.join(ROOT, 'bench/support-heldout.json');
  const record = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  record[label] = { date: new Date().toISOString().slice(0, 10), ...scores };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`written: bench/support-heldout.json (${label})`);
}
