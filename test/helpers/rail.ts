// The second fixture set: a fictional regional rail merger, in every source format. The text,
// Markdown and web page are files under test/fixtures/rail; the PDF and the Word document are
// made here, at test time.
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePdf } from './sources.js';
import { ROOT } from './workspace.js';

export const RAIL_FIXTURES = path.join(ROOT, 'test/fixtures/rail');

export function railPdf(): Promise<Uint8Array> {
  return makePdf({
    title: 'Interim findings on the Northline–Cascade merger',
    pages: [
      [
        'Interim findings on the Northline–Cascade merger',
        'Published: 12 July 2024',
        'Valley Competition Authority, case VCA/24/031',
        'The authority has found that the merger would leave a single operator on the Valleyford–Eastbank\ncorridor, where fares could rise by up to 8% with-\nout competition from another operator.',
      ],
      [
        'Possible remedies',
        'The parties have offered to sell the Eastbank line to another operator. The regional transport\nauthority has said it could run the line itself as a public service if no buyer is found.',
        'A final decision is expected in November 2024.',
      ],
    ],
  });
}

export function railDocx(): Promise<Uint8Array> {
  return makeDocx([
    { text: 'Unions seek depot guarantees', style: 'Title' },
    { text: 'June 20, 2024' },
    { text: 'The rail unions asked Northline and Cascade for a **written guarantee** that no depot will close before 2027.' },
    { text: 'If talks fail, the unions plan a one-day strike in September, and the operators would run replacement buses on the busiest routes.' },
    { text: 'The union leader, Tomas Brandt, said the workforce of 3,200 wanted certainty.' },
  ]);
}

/** The rail workspace at `<dir>/ws`, with its PDF and Word document made fresh. */
export async function makeRailWorkspace(dir: string): Promise<string> {
  const ws = path.join(dir, 'ws');
  await cp(RAIL_FIXTURES, ws, { recursive: true });
  await writeFile(path.join(ws, '004_review.pdf'), await railPdf());
  await writeFile(path.join(ws, '005_unions.docx'), await railDocx());
  return ws;
}
