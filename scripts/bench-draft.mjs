#!/usr/bin/env node
// Benchmark of `briefing draft` on generated news-like piles (not a test: timings depend on the machine).
// Usage: npm run build && node scripts/bench-draft.mjs [sizes…]   (default 100 1000 10000)
// For each size it writes a pile of generated articles to a temporary folder, runs the compiled CLI
// (`briefing draft DIR`) as a fresh process, and reports wall time, peak memory (from /usr/bin/time
// when present) and time per document, both raw and with the start-up of a one-document draft taken off.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/main.js');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100, 1000, 10000);

// A small deterministic random generator, so every run writes the same piles.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const FIRMS = ['Halvard Foods', 'Corvane Mining', 'Tessaly Rail', 'Ombra Textiles', 'Kestrel Freight', 'Vantor Energy', 'Lumia Dairy', 'Brightwater Ports', 'Quillon Glass', 'Sorrel Logistics', 'Drayfield Steel', 'Marrow Shipping'];
const PLACES = ['Tallinn', 'Porto', 'Gdansk', 'Lyon', 'Bremen', 'Turku', 'Bilbao', 'Aarhus'];
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function article(i) {
  const rnd = random(i + 1);
  const a = pick(rnd, FIRMS);
  let b = pick(rnd, FIRMS);
  if (b === a) b = FIRMS[(FIRMS.indexOf(a) + 1) % FIRMS.length];
  const place = pick(rnd, PLACES);
  const amount = 10 + Math.floor(rnd() * 90) * 10;
  const year = 2015 + Math.floor(rnd() * 10);
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const lines = [
    `${a} and ${b} widen their cooperation in ${place}`,
    `date ${year}-${month}-1${Math.floor(rnd() * 9)}`,
    '',
    `${a} has agreed to invest €${amount} million in ${b}, the companies said on Tuesday.`,
    `The deal, first discussed in ${year}, gives ${a} a seat on the board of the smaller company.`,
    `Workers at the ${place} plant voiced concern that the tie-up could lead to job cuts.`,
    `${b} is also studying an alternative supply agreement with ${pick(rnd, FIRMS)} for its northern routes.`,
    `Analysts expect the two companies to announce a joint venture in ${place} before the end of the year.`,
    `${a}'s total investment in ${b} now stands at €${amount + 50} million, according to filings.`,
    `Tension between the two managements has grown over how profits from the joint contracts are shared.`,
    `The agreement remains exclusive for the ${place} region, executives said.`,
    `Regulators could require changes to the terms if the cooperation deepens further.`,
    `Both companies declined to comment on the details of the talks with unions in ${place}.`,
  ];
  return `${lines.join('\n')}\n`;
}

function measure(dir) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ['-f', '%M', process.execPath, cli, 'draft', dir, '--force'], { encoding: 'utf8' })
    : spawnSync(process.execPath, [cli, 'draft', dir, '--force'], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`draft failed: ${run.stderr}`);
  const rssKb = timeBin ? Number(run.stderr.trim().split('\n').pop()) : NaN;
  return { ms, rssMb: rssKb / 1024 };
}

function pile(n) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `briefing-bench-draft-${n}-`));
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}_article.txt`), article(i));
  return dir;
}

execFileSync(process.execPath, [cli, '--version']);
const base = pile(1);
const startup = Math.min(...[0, 1, 2].map(() => measure(base).ms));
rmSync(base, { recursive: true, force: true });
console.log(`start-up (a one-document draft, best of 3): ${startup.toFixed(0)} ms`);
console.log('documents | wall ms | peak MB | ms/doc | ms/doc without start-up');
for (const n of sizes) {
  const dir = pile(n);
  try {
    const runs = n >= 10000 ? 1 : 3;
    const results = Array.from({ length: runs }, () => measure(dir)).sort((x, y) => x.ms - y.ms);
    const median = results[Math.floor(runs / 2)];
    console.log(`${n} | ${median.ms.toFixed(0)} | ${median.rssMb.toFixed(0)} | ${(median.ms / n).toFixed(2)} | ${((median.ms - startup) / n).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
