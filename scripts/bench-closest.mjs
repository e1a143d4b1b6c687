#!/usr/bin/env node
// Benchmark of the closest-passage search behind "quote not found" (not a test: timings depend on
// the machine). Usage: npm run build && node scripts/bench-closest.mjs [--before]
// Documents of 150 KB and 1 MB are made from the seeds' sentences; a quote of 1,200 or 2,000
// characters is cut from the middle and one word is changed. "after" is the shipped search
// (anchored windows in large documents); --before also times the previous exhaustive search
// (every window of the document scored by edit distance) on the 150 KB document, which takes
// tens of seconds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { closestPassage, foldQuote, foldedDocument } = await import(path.join(root, 'dist/verify/match.js'));
const seeds = readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(root, 'seeds', f), 'utf8'));
const sentences = seeds.join('\n').split(/(?<=[.!?])\s+/);

function documentOf(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // Vary sentences a little so that the document does not repeat itself exactly.
    const s = `${sentences[(i * 7) % sentences.length]} (${i})`;
    parts.push(s);
    size += s.length + 1;
  }
  return { id: 'bench', name: 'bench.txt', file: 'bench.txt', text: parts.join(' '), lead: '', sha256: '' };
}

function quoteWithTypo(doc, length) {
  const start = Math.floor(doc.text.length / 2);
  const from = doc.text.indexOf(' ', start) + 1;
  const to = doc.text.lastIndexOf(' ', from + length);
  const quote = doc.text.slice(from, to);
  // One typo: a word in the middle gets a letter changed.
  const mid = quote.indexOf(' ', Math.floor(quote.length / 2)) + 1;
  return `${quote.slice(0, mid)}x${quote.slice(mid + 1)}`;
}

function exhaustive(doc, quote) {
  const needle = foldQuote(quote);
  const hay = foldedDocument(doc).folded;
  const starts = [0];
  for (let i = 0; i < hay.length; i++) if (hay[i] === ' ') starts.push(i + 1);
  const ends = starts.slice(1).map((s) => s - 1);
  ends.push(hay.length);
  const words = needle.split(' ').length;
  let best = Infinity;
  for (let w = 0; w < starts.length; w++) {
    for (const span of [words - 1, words, words + 1]) {
      if (span < 1 || w + span - 1 >= ends.length) continue;
      best = Math.min(best, distance(needle, hay.slice(starts[w], ends[w + span - 1])));
    }
  }
  return best;
}

const before = process.argv.includes('--before');
console.log('document | quote | after ms | similarity | found the passage' + (before ? ' | before ms' : ''));
for (const bytes of [150_000, 1_000_000]) {
  const doc = documentOf(bytes);
  for (const length of [1200, 2000]) {
    const quote = quoteWithTypo(doc, length);
    const t0 = performance.now();
    const closest = closestPassage(doc, quote);
    const after = performance.now() - t0;
    const right = closest !== undefined && Math.abs(closest.passage.length - quote.length) <= 2 && closest.similarity > 0.99;
    let row = `${Math.round(bytes / 1000)} KB | ${quote.length} chars | ${after.toFixed(0)} | ${closest?.similarity.toFixed(4)} | ${right}`;
    if (before && bytes <= 150_000) {
      const t1 = performance.now();
      exhaustive(doc, quote);
      row += ` | ${(performance.now() - t1).toFixed(0)}`;
    }
    console.log(row);
  }
}
