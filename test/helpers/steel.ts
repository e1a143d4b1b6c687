// The held-out fixture set: Nippon Steel's purchase of U.S. Steel (December 2023 to September
// 2025), written from public reporting for an independent measure of `briefing draft` (issue 22
// follow-up; the gold is test/draft-gold/steel.yaml, written before the draft's code was read).
// Text, Markdown and web page under test/fixtures/steel; the PDF and the Word document made here.
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePdf } from './sources.js';
import { ROOT } from './workspace.js';

export const STEEL_FIXTURES = path.join(ROOT, 'test/fixtures/steel');

export function steelPdf(): Promise<Uint8Array> {
  return makePdf({
    title: 'Trump orders a new review of Nippon Steel’s bid',
    pages: [
      [
        'Trump orders a new review of Nippon Steel’s bid',
        'Published: 8 April 2025',
        'President Donald Trump on Monday ordered the Committee on Foreign Investment in the United States to review Nippon Steel’s purchase of U.S. Steel again, giving it 45 days to report.',
        'Earlier this year, Trump said Nippon Steel would look at investing in U.S. Steel rather than buying it, and that no one could hold a majority stake in the company.',
        'Nippon Steel is reportedly willing to raise its investment pledge and to build a new mill, people familiar with the matter said.',
      ],
      [
        'The company has said it still plans to pay $55 a share for all of U.S. Steel, and Nikkei reported that its banks are ready to lend it up to ¥2 trillion to finance the purchase.',
        'Cleveland-Cliffs and Nucor discussed a joint bid for U.S. Steel in February, people familiar with the matter said: Cliffs would buy the whole company and sell its Big River Steel mill to Nucor.',
        'The union remains opposed. “Nothing has changed,” a spokesman for the United Steelworkers said last week.',
        'Shares of U.S. Steel rose 16% on the news, to about $42.',
      ],
    ],
  });
}

export function steelDocx(): Promise<Uint8Array> {
  return makeDocx([
    { text: 'Trump backs a “partnership” between U.S. Steel and Nippon Steel', style: 'Title' },
    { text: 'May 27, 2025' },
    { text: 'President Donald Trump on Friday announced a “planned partnership” between U.S. Steel and Nippon Steel that he said would create at least 70,000 jobs.' },
    { text: 'Nippon Steel will invest $14 billion in U.S. Steel over the next 14 months, including about $2.2 billion at the Mon Valley Works, Senator Dave McCormick of Pennsylvania said.' },
    { text: 'Asked on Sunday whether Nippon Steel would own the company, Trump said it would be a partial ownership and that U.S. Steel would be controlled by the USA.' },
    { text: 'Nippon Steel welcomed the announcement but did not say whether it would still buy all of U.S. Steel’s shares.' },
    { text: 'The United Steelworkers said it remained sceptical: the union wants Nippon Steel’s promises on jobs written into a binding agreement.' },
    { text: 'Trump is due to hold a rally at U.S. Steel’s Irvin Works near Pittsburgh on Friday.' },
  ]);
}

/** The steel workspace at `<dir>/<name>`, with its PDF and Word document made fresh. */
export async function makeSteelWorkspace(dir: string, name = 'steel'): Promise<string> {
  const ws = path.join(dir, name);
  await cp(STEEL_FIXTURES, ws, { recursive: true });
  await writeFile(path.join(ws, '004_review.pdf'), await steelPdf());
  await writeFile(path.join(ws, '005_partnership.docx'), await steelDocx());
  return ws;
}
