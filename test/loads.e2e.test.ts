// A command loads only what it needs: `check` and an up-to-date `build` load neither writer, nor
// pdfmake, pptxgenjs or fontkit, and start no worker; a build loads each writer only for an
// output it must render. Traced with module hooks in the CLI's own process (and its workers).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copySeeds, removeDir } from './helpers/workspace.js';
import { traced } from './helpers/trace.js';

describe('what each command loads', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('check loads no writer, no heavy library and starts no worker', async () => {
    const t = await traced(CLI, ['check', 'ws'], dir);
    expect(t.stderr).toContain(': ok: ');
    expect({ heavy: t.heavy, workers: t.workers, writers: t.writers }).toEqual({ heavy: [], workers: [], writers: [] });
  });

  it('a full build loads both writers (the trace sees them), an up-to-date one neither', async () => {
    const full = await traced(CLI, ['build', 'ws', '--out', 'out'], dir);
    expect(full.code).toBe(0);
    expect(full.heavy).toEqual(expect.arrayContaining(['pdfmake', 'pptxgenjs']));
    expect(full.workers).toHaveLength(1);
    expect(full.writers).toEqual(['pdf-writer.js', 'pptx-writer.js']);

    const upToDate = await traced(CLI, ['build', 'ws', '--out', 'out'], dir);
    expect(upToDate.stderr).toContain('up to date');
    expect({ heavy: upToDate.heavy, workers: upToDate.workers, writers: upToDate.writers }).toEqual({ heavy: [], workers: [], writers: [] });
  });

  it('a change that only the deck shows renders the deck alone: no memo worker, no pdfmake', async () => {
    await writeFile(path.join(ws, 'theme.yaml'), 'colors:\n  accent: "1F6FB2"\n');
    const t = await traced(CLI, ['build', 'ws', '--out', 'out'], dir);
    expect(t.stderr).toContain('kept memo.pdf');
    expect(t.workers).toEqual([]);
    expect(t.heavy).not.toContain('pdfmake');
    expect(t.writers).toEqual(['pptx-writer.js']);
  });
});
