// The deck as a real viewer draws it: LibreOffice converts the .pptx to PDF, pdftotext gives
// every word's box, and no word may lie outside its page or on top of another word.
// Runs when `soffice` and `pdftotext` are on PATH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { doubledSeeds, hasCommand, layoutProblems, pdfWords, pptxToPdf, renderWorkspaceDeck } from './helpers/deck.js';
import { removeDir, SEEDS, tempDir } from './helpers/workspace.js';

const available = (await hasCommand('soffice')) && (await hasCommand('pdftotext'));

describe.skipIf(!available)('deck in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-lo-');
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  async function problemsOf(name: string, bytes: Uint8Array): Promise<{ problems: string[]; pages: number; words: number }> {
    const file = path.join(dir, `${name}.pptx`);
    await writeFile(file, bytes);
    const pages = await pdfWords(await pptxToPdf(file, dir));
    return { problems: layoutProblems(pages), pages: pages.length, words: pages.reduce((n, p) => n + p.words.length, 0) };
  }

  it('draws the seeds deck with no word outside a slide and no two words overlapping', async () => {
    const { bytes } = await renderWorkspaceDeck(SEEDS);
    const result = await problemsOf('seeds', bytes);
    expect(result.pages).toBe(13);
    expect(result.words).toBeGreaterThan(1000);
    expect(result.problems).toEqual([]);
  });

  it('draws a summary with twice the friction points and alternatives on continuation slides, still clean', async () => {
    const { bytes, diagnostics } = await renderWorkspaceDeck(await doubledSeeds(dir));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = await problemsOf('doubled', bytes);
    expect(result.pages).toBeGreaterThan(11);
    expect(result.problems).toEqual([]);
  });

  it('catches a deck whose text overflows its box', async () => {
    const mod = (await import('pptxgenjs')) as unknown as { default?: new () => any };
    const PptxGen = (mod.default ?? mod) as new () => any;
    const pptx = new PptxGen();
    pptx.layout = 'LAYOUT_WIDE';
    const slide = pptx.addSlide();
    const long = Array.from({ length: 40 }, (_, k) => `Line ${k + 1} of a paragraph that is far too long for its little box.`).join(' ');
    slide.addText(long, { x: 0.5, y: 0.5, w: 4, h: 0.6, fontSize: 18, fontFace: 'Arial', fit: 'none', valign: 'top' });
    slide.addText('A neighbour box right below the first one', { x: 0.5, y: 1.3, w: 4, h: 0.5, fontSize: 18, fontFace: 'Arial' });
    const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
    const result = await problemsOf('overflowing', bytes);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.join('\n')).toMatch(/overlaps|outside the page/);
  });
});
