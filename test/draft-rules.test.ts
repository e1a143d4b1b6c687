// Rules of the draft found wrong by the held-out gold set (test/draft-gold/HELDOUT.md), each held
// here on a small pile of fictional documents written in a real temporary folder: the draft is
// made from them and its YAML read back.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsToDraftYaml } from '../src/draft/draft.js';
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
