// The third fixture set, written from public reporting on Volkswagen's investment in Rivian
// (2024-2025): a text file, Markdown and a web page under test/fixtures/venture, and a PDF and a
// Word document made here. Used by the draft's gold annotations (test/draft-gold/venture.yaml).
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePdf } from './sources.js';
import { ROOT } from './workspace.js';

export const VENTURE_FIXTURES = path.join(ROOT, 'test/fixtures/venture');

export function venturePdf(): Promise<Uint8Array> {
  return makePdf({
    title: 'Rivian posts its first gross profit',
    pages: [
      [
        'Rivian posts its first gross profit',
        'Published: 21 February 2025',
        'Rivian reported a gross profit of $170 million for the fourth quarter, its first since production began.',
        'Volkswagen has so far paid $1 billion of the planned $5.8 billion: the convertible note turned into Rivian shares in December.',
      ],
      [
        'Rivian still depends on the joint venture payments to fund the launch of its R2 in 2026.',
        'The company warned that tariffs and the end of federal tax credits could hurt demand this year.',
      ],
    ],
  });
}

export function ventureDocx(): Promise<Uint8Array> {
  return makeDocx([
    { text: 'Volkswagen sets out its software plan', style: 'Title' },
    { text: 'April 10, 2025' },
    { text: 'Volkswagen has paid about $2 billion of the promised money so far, according to people familiar with the matter.' },
    { text: 'The joint venture is free to license its software to other carmakers, Volkswagen\'s software chief said on Wednesday.' },
    { text: 'Cariad will cut jobs as work shifts to the joint venture, and the works council has objected to the plan.' },
    { text: 'Volkswagen will keep using Xpeng\'s electrical architecture for the cars it builds for China from 2026.' },
    { text: 'Some Volkswagen managers worry that the group now depends on a loss-making start-up for its most important software.' },
  ]);
}

/** The venture workspace at `<dir>/<name>`, with its PDF and Word document made fresh. */
export async function makeVentureWorkspace(dir: string, name = 'venture'): Promise<string> {
  const ws = path.join(dir, name);
  await cp(VENTURE_FIXTURES, ws, { recursive: true });
  await writeFile(path.join(ws, '004_results.pdf'), await venturePdf());
  await writeFile(path.join(ws, '005_plan.docx'), await ventureDocx());
  return ws;
}
