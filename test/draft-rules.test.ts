// Rules of the draft found wrong by the held-out gold set (test/draft-gold/HELDOUT.md), each held
// here on a small pile of fictional documents written in a real temporary folder: the draft is
// made from them and its YAML read back.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsToCorpus } from '../src/draft/corpus.js';
import { documentsToDraftYaml } from '../src/draft/draft.js';
import { commonWords } from '../src/draft/sections.js';
import { readSources } from '../src/inputs/sources.js';
import { removeDir, tempDir, writeFiles } from './helpers/workspace.js';

interface Amount {
  value: string;
  kind: string;
  party?: string;
  counterparty?: string;
}
interface Drafted {
  investment?: { when: string; amount: Amount; label: string; cite: { doc: string; quote: string }[] }[];
  friction?: { title: string; cite: { doc: string; quote: string }[] }[];
  alternatives?: { name: string; pursuedBy: string; maker?: string }[];
  conflicts?: { topic: string; sides: { cite: { doc: string; quote: string }[] }[] }[];
}

async function draftOf(files: Record<string, string>): Promise<{ draft: Drafted; dir: string }> {
  const dir = await tempDir();
  const ws = path.join(dir, 'ws');
  await mkdir(ws);
  await writeFiles(ws, files);
  const { documents } = await readSources(ws);
  const { yaml } = await documentsToDraftYaml(ws, documents);
  return { draft: parse(yaml) as Drafted, dir };
}

const amounts = (d: Drafted) => (d.investment ?? []).map((i) => `${i.amount.value} ${i.amount.kind} ${i.amount.party ?? '-'} ${i.when}`);

describe('amounts read as facts', () => {
  let draft: Drafted;
  let dir: string;
  beforeAll(async () => {
    ({ draft, dir } = await draftOf({
      '001_deal.txt': [
        'Orion Holdings agrees to buy Vega Systems',
        'date 2024-03-20',
        '',
        'Orion Holdings agreed last December to buy Vega Systems for $4 billion.',
        'Orion Holdings has tried to win over the staff of Vega Systems.',
        'Last month it promised to invest $1.2 billion in Vega Systems, including the North Works near Lyon.',
        'Including debt, the deal values Vega Systems at about $5 billion.',
        'Orion Holdings will pay $40 a share, the boards of Orion Holdings and Vega Systems said.',
        "Orion Holdings' total outlay on Vega Systems U.S. will top $6 billion by the end of 2027.",
        '',
      ].join('\n'),
      '002_review.txt': [
        'Regulator blocks the Vega Systems deal',
        'date 2025-01-06',
        '',
        "The regulator on Friday blocked Orion Holdings' $4 billion purchase of Vega Systems, saying it would put jobs at risk.",
        'Orion Holdings will invest $3 billion in Vega Systems over the next year, including about $1 billion at the North Works, Vega Systems said.',
        'Orion Holdings still wants to buy all of Vega Systems.',
        'The company has said it will pay in cash, and Ledger News reported that its banks are ready to lend it up to $2 billion to finance the purchase.',
        'Delta-Kappa, which bought the Danish maker Nordlys for about $1.5 billion in November, said it could still make an offer for Vega Systems on its own.',
        '',
      ].join('\n'),
    }));
  }, 60_000);
  afterAll(() => (dir ? removeDir(dir) : undefined));

  it('reads each amount with its kind, party and date; a restatement is no event; a price per share and a rival\'s deal are none', () => {
    expect(amounts(draft).sort()).toEqual(
      [
        // "agreed last December": one event, which the January restatement cites too. Its month
        // (2023-12) is in no cited document's date, so check cannot ground it: undated.
        '$4 billion investment Orion Holdings undated',
        // "Last month it promised": the stand-in is Orion Holdings, not a name after the amount;
        // its month (2024-02) cannot be grounded by check, so the year is written.
        '$1.2 billion commitment Orion Holdings 2024',
        // "values … at": the phrase is not cut at an abbreviation's full stop.
        '$5 billion valuation Vega Systems 2024-03-20',
        // "total outlay on Vega Systems U.S. will top": the cue survives "U.S.".
        '$6 billion cumulative total Orion Holdings 2027',
        '$3 billion commitment Orion Holdings 2025-01-06',
        // "including about $1 billion": a part of the amount before it, of its kind.
        '$1 billion commitment Orion Holdings 2025-01-06',
        // "lend it up to": a loan of the company the passages before name, not of the publisher.
        '$2 billion debt Orion Holdings 2025-01-06',
      ].sort(),
    );
    const deal = draft.investment?.find((i) => i.amount.value === '$4 billion');
    expect(deal?.cite.map((c) => c.doc)).toEqual(['001', '002']);
  });
});

describe('structure, options and disagreements', () => {
  let draft: Drafted;
  let dir: string;
  beforeAll(async () => {
    ({ draft, dir } = await draftOf({
      '001_analysis.md': [
        '---',
        'title: What stands in the way',
        'date: 2024-05-02',
        '---',
        '',
        '# What stands in the way',
        '',
        'Orion Holdings wants to buy Vega Systems.',
        '',
        '## Sticking points',
        '',
        '- **The workers.** The Vega Systems works council says the promises of Orion Holdings are not binding.',
        '- **The minister.** The trade minister said it was vital for Vega Systems to remain a Danish toolmaker that is owned at home.',
        '- **The review.** The competition office could take months to decide on the deal.',
        '',
        '## The options',
        '',
        'Vega Systems says it has no plan B, but it could sell its Lyon plant.',
        '',
        'The company is still building Nordhavn 2, a second plant near Aarhus that will make its Greenline tools.',
        '',
        'Orion Holdings, for its part, already owns Kestrel Tools jointly with Halvard.',
        '',
        'Delta-Kappa has said it remains interested in buying Vega Systems if the deal collapses.',
        '',
      ].join('\n'),
      '002_plan.txt': [
        'Orion Holdings sets out its plan',
        'date 2024-06-10',
        '',
        'Orion Holdings agreed to buy Vega Systems, ending a four-month auction for the 90-year-old Danish toolmaker.',
        'Orion Holdings will invest $3 billion in Vega Systems over the next two years, the minister said.',
        'The minister said it would be a partial ownership and that Vega Systems would be run from Copenhagen.',
        '',
      ].join('\n'),
      '003_close.txt': [
        'Orion Holdings completes the deal',
        'date 2024-07-15',
        '',
        'Under the agreement, Orion Holdings will make about $2.5 billion of new investments in Vega Systems by 2027.',
        'Vega Systems became a wholly owned subsidiary of Orion Holdings on Monday.',
        '',
      ].join('\n'),
    }));
  }, 60_000);
  afterAll(() => (dir ? removeDir(dir) : undefined));

  it('reads a bold lead-in written as a sentence ("**The workers.** …") as the item\'s title, for every item of the list, when its quote says the lead-in\'s words', () => {
    const titles = (draft.friction ?? []).map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining(['The workers', 'The minister']));
    // "The review." names no word of its sentence ("The competition office could take months…"): the
    // support check would find "review" in no quote, so the title is the quote's opening, hedge kept.
    expect(titles).not.toContain('The review');
    expect(titles).toContain('The competition office could take months');
  });

  it('reads every paragraph under a heading of options, without cue words: named options, another company that wants a main actor; not its own product, a place or a demonym', () => {
    const alternatives = (draft.alternatives ?? []).map((a) => `${a.name} (${a.pursuedBy})`);
    expect(alternatives).toEqual(expect.arrayContaining(['Nordhavn 2 (Vega Systems)', 'Kestrel Tools (Orion Holdings)', 'Delta-Kappa (Vega Systems)']));
    expect(alternatives.filter((a) => /Greenline|Aarhus|Danish|Lyon/.test(a))).toEqual([]);
  });

  it('finds one plan put at two amounts a month apart, and ownership in part against in whole; not a sale process "ending" against a company that should "remain"', () => {
    const conflicts = (draft.conflicts ?? []).map((c) => ({ topic: c.topic, docs: c.sides.map((s) => s.cite.map((q) => q.doc).join('+')) }));
    expect(conflicts).toEqual([
      { topic: 'Orion Holdings’s plan: $3 billion or about $2.5 billion?', docs: ['002', '003'] },
      { topic: 'Vega Systems: partial ownership or wholly owned?', docs: ['002', '003'] },
    ]);
  });
});

describe('who pursues an option, what is a name, what opens a point', () => {
  let draft: Drafted;
  let dir: string;
  beforeAll(async () => {
    ({ draft, dir } = await draftOf({
      '001_options.md': [
        '# Strategic Realignments in Software Partnerships',
        '',
        '## Exploring Alternative Software Models and Partnerships',
        '',
        'date 2024-05-02',
        '',
        'Orion Holdings is testing alternative software from Kestrel Tools to replace the platform of Vega Systems.',
        'While platform makers like Vega Systems and Brightline Labs have dominated the market, open-source alternatives are catching up with them.',
        'Partnerships in this market require a careful balance between cooperation and proprietary work, analysts say.',
        'Orion Holdings formed partnerships with two smaller suppliers last year, and Brightline Labs sells to both of them.',
        '',
      ].join('\n'),
      '002_plant.txt': [
        'Vega Systems keeps its plant open',
        'date 2024-06-10',
        '',
        'Vega Systems had planned to close its plant near Tartu in November, a move that would have affected 400 workers.',
        'It dropped the plan this month after the regulator objected to the closure.',
        'The union said it was disappointed that Vega Systems had chosen Orion Holdings as its buyer.',
        'Orion Holdings agreed in March to buy Vega Systems, and Brightline Labs said it would compete with both.',
        '',
      ].join('\n'),
    }));
  }, 60_000);
  afterAll(() => (dir ? removeDir(dir) : undefined));

  it('does not take a name joined to one after a preposition ("makers like X and Y") for the subject that pursues an option', () => {
    const alternatives = (draft.alternatives ?? []).map((a) => `${a.name} (${a.pursuedBy})`);
    expect(alternatives).toContain('Kestrel Tools (Orion Holdings)');
    expect(alternatives.filter((a) => /^Open-source/i.test(a))).toEqual(['Open-source alternatives (Orion Holdings)']);
  });

  it('takes a word capitalised only at sentence starts and in title-case headings, and written in lower case elsewhere, for a common word, not a name', async () => {
    const { documents } = await readSources(path.join(dir, 'ws'));
    const common = commonWords(await documentsToCorpus(documents));
    // "Partnerships" opens a sentence and stands in the headings; "partnerships" is written in prose.
    expect(common('Partnerships')).toBe(true);
    // Names written mid-sentence, and names of several words, are names.
    expect(common('Brightline Labs')).toBe(false);
    expect(common('Tartu')).toBe(false);
    // Never written in lower case: not known as a common word.
    expect(common('Kestrel')).toBe(false);
  });

  it('does not open a friction point with a sentence whose acting subject is a pronoun ("It dropped the plan …")', () => {
    const titles = (draft.friction ?? []).map((f) => f.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((t) => /^(?:it|they|he|she)\b/i.test(t))).toEqual([]);
  });
});
