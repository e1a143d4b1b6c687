// A command loads only what it needs: `check` and an up-to-date `build` load neither writer, nor
// pdfmake, pptxgenjs or fontkit, and start no worker; a build loads each writer only for an
// output it must render. Traced with module hooks in the CLI's own process (and its workers).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copySeeds, removeDir, ROOT } from './helpers/workspace.js';
import { execFile } from 'node:child_process';

const TRACER = path.join(ROOT, 'test/helpers/trace-loads.mjs');
const HEAVY = /node_modules\/(pdfmake|pdfkit|pptxgenjs|fontkit|jszip)\//;

interface Trace {
  code: number;
  stderr: string;
  heavy: string[];
  workers: string[];
  writers: string[];
}

async function traced(entry: string, args: string[], dir: string): Promise<Trace> {
  const file = path.join(dir, 'trace.txt');
  await rm(file, { force: true });
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', TRACER, entry, ...args],
      { cwd: dir, env: { ...process.env, BRIEFING_TRACE_LOADS: file } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const packages = new Set(lines.map((l) => HEAVY.exec(l)?.[1]).filter((p): p is string => !!p));
  return {
    code,
    stderr,
    heavy: [...packages].sort(),
    workers: lines.filter((l) => l.startsWith('worker ')),
    writers: lines.filter((l) => /(\/(deck\/pptx-writer|memo\/pdf-writer)\.js|^bundle (deck|memo)$)/.test(l)).map((l) => l.replace(/^.*\//, '')).sort(),
  };
}

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
