// Cache integrity (issue 21.7): every entry of every cache in the user's cache folder (the code
// cache, shaping, extracted text, parsed summaries, check records) carries a checksum of its name
// and content; an entry that fails it is dropped and the work done again. Here bytes are flipped in
// every entry of a warm cache, entries are cut short and swapped, and each time `check` must print
// what a run without cache prints and `build` must write the same bytes.
// CACHE_FUZZ_ROUNDS=24 runs more rounds.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir, writeFiles } from './helpers/workspace.js';
import { TINY_DOCUMENTS, TINY_SUMMARY } from './helpers/tiny.js';

const BUNDLED = path.join(ROOT, 'dist/briefing.cjs');
const ROUNDS = Number(process.env.CACHE_FUZZ_ROUNDS ?? 3);
const KINDS = ['code-cache', 'shaping', 'extracted', 'summaries', 'check-records'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BUNDLED, ...args], { cwd, env: { ...process.env, BRIEFING_NO_CACHE: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.replace(/ in \d+ ms/g, ' in N ms') });
    });
  });
}

/** A small pseudo-random sequence, so that a failing round can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function entries(cache: string): Promise<{ kind: string; file: string }[]> {
  const found: { kind: string; file: string }[] = [];
  for (const kind of KINDS) for (const name of await readdir(path.join(cache, 'briefing', kind)).catch(() => [] as string[])) found.push({ kind, file: path.join(cache, 'briefing', kind, name) });
  return found;
}

describe('a cache whose entries were damaged', () => {
  let dir: string;
  let warm: string;
  let reference: { check: Run; json: Run; outputs: Buffer[] };
  const outputsOf = (out: string) => Promise.all(['briefing.pptx', 'memo.pdf', 'build.json'].map((f) => readFile(path.join(dir, out, f))));

  beforeAll(async () => {
    dir = await tempDir('briefing-cache-fuzz-');
    await mkdir(path.join(dir, 'ws'));
    // The tiny workspace plus a web page: Markdown and HTML are kept in the extracted-text cache.
    await writeFiles(path.join(dir, 'ws'), { ...TINY_DOCUMENTS, '003_gamma.html': '<html><head><title>Gamma news</title></head><body><article><h1>Gamma news</h1><p>Gamma hired 300 engineers in 2024, the company said in a statement on Monday.</p></article></body></html>', 'briefing.yaml': TINY_SUMMARY });
    const none = { BRIEFING_NO_CACHE: '1' };
    const check = await run(['check', 'ws'], dir, none);
    const json = await run(['check', 'ws', '--json'], dir, none);
    expect((await run(['build', 'ws', '--out', 'reference'], dir, none)).code).toBe(0);
    reference = { check, json, outputs: await outputsOf('reference') };
    // A warm cache: every kind of entry written.
    warm = path.join(dir, 'warm');
    const env = { XDG_CACHE_HOME: warm };
    await run(['check', 'ws'], dir, env);
    await run(['check', 'ws', '--json'], dir, env);
    await run(['build', 'ws', '--out', 'warmed'], dir, env);
    await run(['build', 'ws', '--out', 'warmed', '--force'], dir, env);
    const kinds = new Set((await entries(warm)).map((e) => e.kind));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  }, 240_000);
  afterAll(() => removeDir(dir));

  const damages: [string, (files: { file: string }[], next: () => number) => Promise<void>][] = [
    [
      'a few bytes flipped in every entry',
      async (files, next) => {
        for (const { file } of files) {
          const bytes = await readFile(file);
          for (let k = 0; k < 3; k++) {
            const at = Math.floor(next() * bytes.length);
            bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(next() * 8));
          }
          await writeFile(file, bytes);
        }
      },
    ],
    [
      'every entry cut short',
      async (files, next) => {
        for (const { file } of files) {
          const bytes = await readFile(file);
          await writeFile(file, bytes.subarray(0, Math.floor(next() * bytes.length)));
        }
      },
    ],
    [
      'entries of one kind swapped by name',
      async (files) => {
        for (const kind of KINDS) {
          const same = (files as { kind: string; file: string }[]).filter((f) => f.kind === kind);
          for (let i = 0; i + 1 < same.length; i += 2) {
            const [a, b] = [same[i]?.file as string, same[i + 1]?.file as string];
            await rename(a, `${a}.swap`);
            await rename(b, a);
            await rename(`${a}.swap`, b);
          }
        }
      },
    ],
  ];

  for (let round = 0; round < ROUNDS; round++) {
    for (const [what, damage] of damages) {
      it(`round ${round + 1}, ${what}: check and build give the results of a run without cache`, async () => {
        const cache = path.join(dir, `cache-${round}-${what.length}`);
        await cp(warm, cache, { recursive: true });
        await damage(await entries(cache), random(round * 7919 + what.length));
        const env = { XDG_CACHE_HOME: cache };
        const check = await run(['check', 'ws'], dir, env);
        expect(check).toEqual(reference.check);
        expect(await run(['check', 'ws', '--json'], dir, env)).toEqual(reference.json);
        const out = `out-${round}-${what.length}`;
        const built = await run(['build', 'ws', '--out', out], dir, env);
        expect(built.code, built.stderr).toBe(0);
        const outputs = await outputsOf(out);
        outputs.forEach((bytes, i) => expect(bytes.equals(reference.outputs[i] as Buffer), `output ${i}`).toBe(true));
        // Every damaged entry was dropped or written anew: what is left holds.
        const { unsealEntry } = (await import(path.join(ROOT, 'dist/cache/cache-dir.js'))) as typeof import('../src/cache/cache-dir.js');
        for (const { file } of await entries(cache)) {
          if (file.endsWith('.tmp')) continue;
          const stored = await readFile(file);
          const holds = unsealEntry(path.basename(file), stored) !== undefined;
          // An entry this run did not read (another command's code cache) may still be damaged; none that it read is.
          if (!holds) expect(file).toMatch(/code-cache/);
        }
      }, 120_000);
    }
  }
});
