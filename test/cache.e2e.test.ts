// Caches save work and nothing else: a build with a cold cache, a warm one, one warmed by another
// workspace, and none at all write the same bytes; the cache lives in the user's cache folder.
// Each build whose cache is under test is a process of its own (the package's bin), so that no
// cache in memory stands in for the folder.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, runCli, runCliProcess, tempDir, type CliOptions } from './helpers/workspace.js';
import { unsealEntry } from '../src/cache/cache-dir.js';

async function outputs(out: string): Promise<{ deck: Buffer; memo: Buffer }> {
  return { deck: await readFile(path.join(out, 'briefing.pptx')), memo: await readFile(path.join(out, 'memo.pdf')) };
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name));
}

describe('the shaping cache', () => {
  let dir: string;
  let ws: string;
  let cache: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    cache = await tempDir('briefing-cache-');
  });
  afterAll(async () => {
    await removeDir(dir);
    await removeDir(cache);
  });

  const build = async (out: string, env: NodeJS.ProcessEnv = {}, run: (args: string[], options: CliOptions) => Promise<{ code: number; stderr: string }> = runCliProcess) => {
    const result = await run(['build', ws, '--out', path.join(dir, out), '--force'], { env: { XDG_CACHE_HOME: cache, ...env } });
    expect(result.stderr).toContain(': wrote ');
    expect(result.code).toBe(0);
    return outputs(path.join(dir, out));
  };

  it('writes the same bytes with no cache, a cold cache, a warm cache and a cache warmed by other text', { timeout: 300_000 }, async () => {
    const none = await build('none', { BRIEFING_NO_CACHE: '1' });
    expect(await filesUnder(cache)).toEqual([]);

    const cold = await build('cold');
    const entries = (await filesUnder(path.join(cache, 'briefing/shaping'))).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThanOrEqual(4); // the memo's faces
    // Every entry is sealed with its checksum (src/cache/cache-dir.ts): its content follows the seal.
    const words = JSON.parse((unsealEntry(path.basename(entries[0] as string), await readFile(entries[0] as string)) as Buffer).toString('utf8')).words;
    expect(Object.keys(words).length).toBeGreaterThan(10);

    // The summary was parsed once and kept (src/inputs/summary-cache.ts): the warm build reads it.
    expect((await filesUnder(path.join(cache, 'briefing/summaries'))).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const warm = await build('warm');
    expect(cold.memo.equals(none.memo)).toBe(true);
    expect(warm.memo.equals(none.memo)).toBe(true);
    expect(warm.deck.equals(none.deck)).toBe(true);

    // Another summary shapes other words first into the same cache; the seeds' memo is unchanged by it.
    const yamlFile = path.join(ws, 'briefing.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    const other = yaml.replace(/^ {2}subject: .*$/m, "  subject: 'Ligatures “ﬁ” fi ff ffi — naïve façade, “quoted” Ωmega'");
    expect(other).not.toBe(yaml);
    await writeFile(yamlFile, other);
    const changed = await build('other');
    expect(changed.memo.equals(none.memo)).toBe(false);
    await writeFile(yamlFile, yaml);
    const mixed = await build('mixed');
    expect(mixed.memo.equals(none.memo)).toBe(true);
  });

  it('removes the extracted-text folder that older versions kept in the output folder', { timeout: 120_000 }, async () => {
    const old = path.join(dir, 'upgraded', '.briefing-cache');
    await mkdir(old, { recursive: true });
    await writeFile(path.join(old, 'abc.pdf-v1.json'), '{}');
    await build('upgraded', {}, runCli);
    expect(await readdir(path.join(dir, 'upgraded'))).not.toContain('.briefing-cache');
  });

  it('keeps the cache out of the workspace and the output folder', async () => {
    const names = (await filesUnder(dir)).map((f) => path.relative(dir, f));
    expect(names.filter((n) => /shaping|code-cache|\.json$/.test(n) && !n.endsWith('build.json') && !n.includes('.briefing-history'))).toEqual([]);
  });
});
