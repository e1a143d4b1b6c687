// The corpus of hidden text (test/grounding-corpus/hidden/cases.ts): in every format, a passage
// a reader cannot see fails `check` with quote-not-found, and its visible twin passes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './corpus/harness.js';
import { HIDDEN_CASES, HIDDEN_QUOTE, hiddenCaseWorkspace } from './grounding-corpus/hidden/cases.js';
import { removeDir, tempDir } from './helpers/workspace.js';

describe('text a reader cannot see grounds nothing', () => {
  let root = '';
  beforeAll(async () => {
    root = await tempDir('briefing-hidden-');
  });
  afterAll(() => removeDir(root));

  it('covers every format', () => {
    expect(new Set(HIDDEN_CASES.map((c) => c.format))).toEqual(new Set(['markdown', 'html', 'docx', 'pdf']));
    expect(new Set(HIDDEN_CASES.map((c) => c.id)).size).toBe(HIDDEN_CASES.length);
  });

  it.each(HIDDEN_CASES.map((c, i) => [c.id, c, i] as const))('%s', async (_id, c, i) => {
    for (const shown of [false, true]) {
      const dir = path.join(root, `${String(i).padStart(2, '0')}-${shown ? 'shown' : 'hidden'}`);
      await mkdir(dir);
      await hiddenCaseWorkspace(dir, c, shown);
      // No cache folder: each run reads its documents afresh.
      const result = await runInProcess(['check', 'ws'], dir, { SOURCE_DATE_EPOCH: '', XDG_CACHE_HOME: path.join(dir, 'cache') });
      const said = `${c.id} (${shown ? 'shown' : 'hidden'}): ${c.covers}\n${result.stderr}`;
      if (shown) {
        expect(result.code, said).toBe(0);
      } else {
        expect(result.code, said).toBe(1);
        // The passage is named (its first word where it parts from the closest one marked »«).
        const line = result.stderr.split('\n').find((l) => l.includes('[quote-not-found]')) ?? '';
        expect(line, said).toMatch(/error: quote not found in 002: "/);
        expect(line.replace(/[»«]/g, ''), said).toContain(HIDDEN_QUOTE);
      }
    }
  });
});
