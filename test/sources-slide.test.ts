// The sources slide of a large pile: the documents the briefing cites, and one line for the rest.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allText, readPptx, renderWorkspaceDeck } from './helpers/deck.js';
import { copySeeds, removeDir } from './helpers/workspace.js';

describe('sources slide', () => {
  it('lists the cited documents and counts the uncited ones, however many there are', async () => {
    const { dir, ws } = await copySeeds();
    try {
      for (let i = 100; i < 400; i++) {
        await writeFile(path.join(ws, `${i}_note.txt`), `Note ${i}\ndate 2025-01-01\n\nA note that no statement of the summary cites.\n`);
      }
      const { bytes } = await renderWorkspaceDeck(ws);
      const { slides, notes } = await readPptx(bytes);
      // As many slides as the seeds alone: 300 uncited documents add no sources slide.
      const sources = slides.map((xml, i) => ({ xml, n: i + 1 })).filter(({ xml }) => allText(xml).includes('Sources cited'));
      expect(sources).toHaveLength(1);
      const slide = sources[0] as { xml: string; n: number };
      const text = allText(slide.xml);
      expect(text).toContain('Sources cited: 5 of the 305 documents in the workspace');
      for (const id of ['000', '001', '002', '003', '004']) expect(text).toContain(id);
      expect(text).not.toMatch(/\b1\d\d_note\.txt\b/);
      // The speaker notes name the first uncited documents and count the rest.
      expect(allText(notes.get(slide.n) ?? '')).toContain('Not cited by any statement: 100, 101, 102');
      expect(allText(notes.get(slide.n) ?? '')).toContain('and 280 more.');
    } finally {
      await removeDir(dir);
    }
  });

  it('keeps the plain title when every document is cited', async () => {
    const { dir, ws } = await copySeeds();
    try {
      const { slides } = await readPptx((await renderWorkspaceDeck(ws)).bytes);
      expect(slides.some((xml) => /\bSources\b.*\b004_3c6ee07f2251c661\.txt\b/.test(allText(xml)))).toBe(true);
      expect(slides.some((xml) => allText(xml).includes('Sources cited'))).toBe(false);
    } finally {
      await removeDir(dir);
    }
  });
});
