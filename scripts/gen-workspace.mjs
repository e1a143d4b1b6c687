// node scripts/gen-workspace.mjs OUT (--statements N | --documents N): writes a workspace for the
// scale benchmark, deterministically, from the seeds (their documents and their summary's quotes).
//   --statements N  the seeds' documents and a summary of about N statements: the seeds' own, then
//                   friction points, alternatives and outlook items cycled from the seeds' items,
//                   each with a distinct title ("… (set ab)"; letters, so no new figure to verify)
//   --documents N   N documents (copies of the five seeds, each with a line of its own) and a
//                   summary that cites every one: the seeds' summary, plus one friction point
//                   per further copy citing a quote of each of its five documents
//   --repeat K      the seeds' documents and their summary with every list repeated K times
//                   (takeaways, which the schema caps at five, excepted): each copy after the
//                   first renamed "… (set b)" (letters, no new figure) and its `id` renumbered
//                   when items carry one
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seeds = path.join(root, 'seeds');
const [out, flag, count] = process.argv.slice(2);
const n = Number(count);
if (!out || !['--statements', '--documents', '--repeat'].includes(flag) || !Number.isInteger(n) || n < 1) {
  console.error('usage: node scripts/gen-workspace.mjs OUT (--statements N | --documents N | --repeat K)');
  process.exit(2);
}

const summary = YAML.parse(readFileSync(path.join(seeds, 'briefing.yaml'), 'utf8'));
const documents = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

/** a, b, …, z, ba, bb, …: a name without digits. */
function letters(i) {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/** The lists --statements counts (the bench's sizes are in these statements; implications and signposts are extra). */
const LISTS = ['takeaways', 'investment', 'friction', 'alternatives', 'outlook'];

function statementCount(s) {
  return LISTS.reduce((sum, k) => sum + (s[k]?.length ?? 0), 0) + (s.conflicts ?? []).reduce((sum, c) => sum + c.sides.length, 0);
}

/** The field that names an item of each list: a copy gets " (set b)" there. */
const NAMED = { implications: 'title', watch: 'signpost', recommendations: 'action', investment: 'label', friction: 'title', alternatives: 'name', outlook: 'title', conflicts: 'topic' };

/** Every list but the takeaways repeated `k` times, copies named apart and ids renumbered. */
function repeatLists(s, k) {
  for (const [list, field] of Object.entries(NAMED)) {
    const items = s[list];
    if (!Array.isArray(items) || items.length === 0) continue;
    const copies = [];
    for (let r = 0; r < k; r++) {
      for (const item of items) {
        const copy = structuredClone(item);
        if (r > 0 && typeof copy[field] === 'string') copy[field] = `${copy[field]} (set ${letters(r)})`;
        if (r > 0 && typeof copy.id === 'string') copy.id = `${copy.id}-${letters(r)}`;
        copies.push(copy);
      }
    }
    s[list] = copies;
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

if (flag === '--statements') {
  for (const f of documents) writeFileSync(path.join(out, f), readFileSync(path.join(seeds, f)));
  const pools = { friction: summary.friction, alternatives: summary.alternatives, outlook: summary.outlook };
  const titled = { friction: 'title', alternatives: 'name', outlook: 'title' };
  const kinds = Object.keys(pools);
  let i = 0;
  while (statementCount(summary) < n) {
    const kind = kinds[i % kinds.length];
    const pool = pools[kind];
    const item = structuredClone(pool[Math.floor(i / kinds.length) % pool.length]);
    item[titled[kind]] = `${item[titled[kind]]} (set ${letters(i)})`;
    summary[kind] = [...summary[kind], item];
    i++;
  }
} else if (flag === '--repeat') {
  for (const f of documents) writeFileSync(path.join(out, f), readFileSync(path.join(seeds, f)));
  repeatLists(summary, n);
} else {
  const groups = Math.ceil(n / documents.length);
  // Quotes by document, from the seeds' summary: each further copy is cited by one friction point.
  const quotes = new Map();
  const collect = (node) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      if (typeof node.doc === 'string' && typeof node.quote === 'string' && !quotes.has(node.doc)) quotes.set(node.doc, node.quote);
      Object.values(node).forEach(collect);
    }
  };
  collect(summary);
  let written = 0;
  for (let g = 0; g < groups && written < n; g++) {
    const cite = [];
    for (const f of documents) {
      if (written >= n) break;
      const id = f.slice(0, f.indexOf('_'));
      const copyId = g === 0 ? id : `${id}-${letters(g)}`;
      const text = readFileSync(path.join(seeds, f), 'utf8');
      writeFileSync(path.join(out, g === 0 ? f : `${copyId}_copy.txt`), g === 0 ? text : `${text}\nCopy ${g} of document ${id}.\n`);
      if (g > 0) cite.push({ doc: copyId, quote: quotes.get(id) });
      written++;
    }
    if (g > 0) summary.friction.push({ title: `Copies of the sources (set ${letters(g)})`, text: 'The copied sources repeat what the originals say.', cite });
  }
}
writeFileSync(path.join(out, 'briefing.yaml'), YAML.stringify(summary, { lineWidth: 0 }));
console.log(`${out}: ${readdirSync(out).length - 1} documents, ${statementCount(summary)} statements`);
