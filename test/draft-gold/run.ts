// npm run score:draft [-- --record LABEL] [--keep DIR]: drafts each gold set with the draft of src/
// and prints precision and recall per section. --record writes the scores under LABEL in
// bench/draft-scores.json; --keep leaves each set's workspace and drafted briefing.yaml in DIR.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { documentsToDraftYaml } from '../../src/draft/draft.js';
import { readSources } from '../../src/inputs/sources.js';
import { ROOT } from '../helpers/workspace.js';
import { makerAccuracy, missingPassages, scoreDraft, SECTIONS, type SetScore } from './score.js';
import { GOLD_SETS, readGold } from './sets.js';

const args = process.argv.slice(2);
const record = args.includes('--record') ? args[args.indexOf('--record') + 1] : undefined;
const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
const verbose = args.includes('--verbose');

const pct = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const dir = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), 'briefing-score-'));
  await mkdir(dir, { recursive: true });
  process.env.SOURCE_DATE_EPOCH ??= '1767225600';
  const results: Record<string, SetScore & { makers: { right: number; of: number }; draftMs: number }> = {};
  let problems = 0;
  try {
    for (const set of GOLD_SETS) {
      const gold = await readGold(set.name);
      const ws = await set.make(dir);
      const sources = await readSources(ws);
      const texts = new Map(sources.documents.map((d) => [d.id, d.text]));
      for (const missing of missingPassages(gold, texts)) {
        problems++;
        console.error(`${set.name}: gold passage not in its document: ${missing}`);
      }
      const started = performance.now();
      const { yaml } = await documentsToDraftYaml(ws, sources.documents);
      const draftMs = Math.round(performance.now() - started);
      if (keep) await writeFile(path.join(ws, 'briefing.yaml'), yaml);
      const draft = parse(yaml);
      results[set.name] = { ...scoreDraft(draft, gold), makers: makerAccuracy(draft, gold), draftMs };
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
  console.log('set      | section       | precision | recall | drafted | right | gold found');
  for (const [name, score] of Object.entries(results)) {
    for (const section of [...SECTIONS, 'investmentLoose'] as const) {
      const s = score[section];
      const label = section === 'investmentLoose' ? 'invest. (a+k)' : section;
      console.log(`${name.padEnd(8)} | ${label.padEnd(13)} | ${pct(s.precision).padStart(9)} | ${pct(s.recall).padStart(6)} | ${String(s.drafted).padStart(7)} | ${String(s.correct).padStart(5)} | ${s.found}/${s.required}`);
      if (verbose && section !== 'investmentLoose') {
        if (s.missed.length > 0) console.log(`         |   missed: ${s.missed.join('; ')}`);
        if (s.wrong.length > 0) console.log(`         |   wrong:  ${s.wrong.join('; ')}`);
      }
    }
    console.log(`${name.padEnd(8)} | makers right  | ${score.makers.right}/${score.makers.of} | drafted in ${score.draftMs} ms`);
  }
  if (record) {
    const file = path.join(ROOT, 'bench/draft-scores.json');
    const existing = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    const compact = Object.fromEntries(
      Object.entries(results).map(([name, s]) => [
        name,
        Object.fromEntries([...SECTIONS, 'investmentLoose'].map((k) => {
          const x = s[k as keyof SetScore];
          return [k, { precision: x.precision, recall: x.recall, drafted: x.drafted, correct: x.correct, found: x.found, required: x.required }];
        })),
      ]),
    );
    existing[record] = { date: new Date().toISOString().slice(0, 10), scores: compact };
    await writeFile(file, `${JSON.stringify(existing, null, 2)}\n`);
    console.log(`recorded as "${record}" in bench/draft-scores.json`);
  }
  if (problems > 0) process.exitCode = 1;
}

await main();
