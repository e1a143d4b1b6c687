// A small valid workspace that builds fast: two documents and three takeaways.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFiles } from './workspace.js';

export const TINY_SUMMARY = [
  'title: Alpha and Beta',
  'asOf: 2025-02-01',
  'takeaways:',
  '  - text: Alpha invested $2 billion in Beta in 2021.',
  '    cite:',
  '      - { doc: "001", quote: "Alpha Corp invested $2 billion in Beta in 2021" }',
  '  - text: It was the largest deal, by far.',
  '    cite:',
  '      - { doc: "001", quote: "It was the largest deal by far" }',
  '  - text: Beta revenue rose 40% last year.',
  '    cite:',
  '      - { doc: "002", quote: "revenue rose 40% last year" }',
  '',
].join('\n');

export const TINY_DOCUMENTS = {
  '001_alpha.txt': 'date 2025-01-02\n\nAlpha Corp invested $2 billion in Beta in 2021, people said.\nIt was the largest deal by far.\n',
  '002_beta.md': '# Beta grows\n\nBeta’s revenue rose 40% last year.\n',
};

/** Writes the tiny workspace at `<dir>/<name>` and returns its path. */
export async function makeTinyWorkspace(dir: string, name = 'ws', summary = TINY_SUMMARY): Promise<string> {
  const ws = path.join(dir, name);
  await mkdir(ws, { recursive: true });
  await writeFiles(ws, { ...TINY_DOCUMENTS, 'briefing.yaml': summary });
  return ws;
}
