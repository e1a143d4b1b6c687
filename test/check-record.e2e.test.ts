// An up-to-date check: when every input hashes as at the last check of the same workspace, the
// record of that check (in the user's cache folder) is printed again, byte for byte, with its exit
// code, and no parser is loaded; any change of an input, a corrupt record or BRIEFING_NO_CACHE
// means the full check again. A replay loading no parser is traced in a child process (the first
// test, and the bundled entry's); the other checks run in this process, where a replay is a check
// that never called the full check (check-full.ts's fullCheck, counted).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, CLI, copySeeds, removeDir, ROOT, runCli, seedDocumentFile, tempDir, type CliResult } from './helpers/workspace.js';
import { PARSERS, traced, type Trace } from './helpers/trace.js';

const counted = vi.hoisted(() => ({ fullChecks: 0 }));
vi.mock('../src/cli/check-full.js', async (importOriginal) => {
  const original = await importOriginal<{ fullCheck: (...args: unknown[]) => Promise<unknown> }>();
  return {
    ...original,
    fullCheck: (...args: unknown[]) => {
      counted.fullChecks++;
      return original.fullCheck(...args);
    },
  };
});

describe('the up-to-date check', () => {
  let dir: string;
  let ws: string;
  let cache: string;
  const records = () => path.join(cache, 'briefing/check-records');
  /** A check of `args` in `dir`, traced in a child process: `replayed` when it loaded none of the parsers. */
  const checkTraced = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Trace & { replayed: boolean }> => {
    const t = await traced(CLI, ['check', ...args], dir, { env: { XDG_CACHE_HOME: cache, ...env }, packages: PARSERS });
    return { ...t, replayed: t.heavy.length === 0 };
  };
  /** A check of `args` in `dir`, in this process: `replayed` when it did not run the full check. */
  const check = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult & { replayed: boolean }> => {
    const before = counted.fullChecks;
    const r = await runCli(['check', ...args], { cwd: dir, env: { XDG_CACHE_HOME: cache, ...env } });
    return { ...r, replayed: counted.fullChecks === before };
  };
  const same = (a: CliResult, b: CliResult) => expect({ code: b.code, stdout: b.stdout, stderr: b.stderr }).toEqual({ code: a.code, stdout: a.stdout, stderr: a.stderr });

  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    cache = await tempDir('briefing-check-cache-');
  });
  afterAll(async () => {
    await removeDir(dir);
    await removeDir(cache);
  });

  it('prints what the full check printed, with its exit code, and loads no parser', async () => {
    const full = await checkTraced(['ws']);
    expect(full.replayed).toBe(false);
    expect(full.heavy).toEqual(expect.arrayContaining(['handlebars', 'yaml', 'zod']));
    expect(full.stderr).toMatch(/^ws\/briefing\.yaml: ok: \d+ citations verified in 5 documents\n$/);
    expect(await readdir(records())).toHaveLength(1);
    const again = await checkTraced(['ws']);
    expect(again.replayed).toBe(true);
    same(full, again);
    // In this process too: the record the child wrote is replayed, the full check not called.
    const inProcess = await check(['ws']);
    expect(inProcess.replayed).toBe(true);
    same(full, inProcess);
  });

  it('replays the --json report as its own record, byte for byte', async () => {
    const full = await check(['ws', '--json']);
    expect(full.replayed).toBe(false);
    expect(JSON.parse(full.stdout).ok).toBe(true);
    const again = await check(['ws', '--json']);
    expect(again.replayed).toBe(true);
    same(full, again);
    // The plain check's record is still there: one record per way of asking.
    expect((await check(['ws'])).replayed).toBe(true);
  });

  it('checks again when a source changes by one byte, and replays the failure', async () => {
    const file = await seedDocumentFile(ws, '004');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('$13.75 billion');
    await writeFile(file, `${text.slice(0, at + 1)}4${text.slice(at + 2)}`);
    const broken = await check(['ws']);
    expect(broken.replayed).toBe(false);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('[quote-not-found]');
    const again = await check(['ws']);
    expect(again.replayed).toBe(true);
    same(broken, again);
    await writeFile(file, text);
    const fixed = await check(['ws']);
    expect(fixed.replayed).toBe(false);
    expect(fixed.code).toBe(0);
  });

  it('checks again when the summary, a template, the theme or the folder changes', async () => {
    expect((await check(['ws'])).replayed).toBe(true);
    // A template of the workspace's own: changed (a field it does not have) is an error.
    await mkdir(path.join(ws, 'templates'));
    const memo = await readFile(path.join(ROOT, 'templates/memo.md.hbs'), 'utf8');
    await writeFile(path.join(ws, 'templates/memo.md.hbs'), memo);
    const own = await check(['ws']);
    expect(own.replayed).toBe(false);
    expect(own.code).toBe(0);
    await writeFile(path.join(ws, 'templates/memo.md.hbs'), `${memo}{{headlines.bottomLine}}\n`);
    const badTemplate = await check(['ws']);
    expect(badTemplate.replayed).toBe(false);
    expect(badTemplate.stderr).toContain('unknown field "bottomLine"');
    // Removed again: as before, but the record is of the last check (one record a workspace).
    await rm(path.join(ws, 'templates'), { recursive: true });
    expect((await check(['ws'])).replayed).toBe(false);
    expect((await check(['ws'])).replayed).toBe(true);
    // A file that is not a source is named in a warning: adding one is a change.
    await writeFile(path.join(ws, 'notes.xyz'), 'not a source');
    const skipped = await check(['ws']);
    expect(skipped.replayed).toBe(false);
    expect(skipped.stderr).toContain('not read as sources');
    await rm(path.join(ws, 'notes.xyz'));
    expect((await check(['ws'])).replayed).toBe(false);
    // The summary, by one byte (a comment: the result is the same, but it is checked again).
    const summary = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
    await writeFile(path.join(ws, 'briefing.yaml'), `${summary}#\n`);
    expect((await check(['ws'])).replayed).toBe(false);
    await writeFile(path.join(ws, 'briefing.yaml'), summary);
    // The theme.
    await writeFile(path.join(ws, 'theme.yaml'), 'colors:\n  accent: "#AA3300"\n');
    expect((await check(['ws'])).replayed).toBe(false);
    expect((await check(['ws'])).replayed).toBe(true);
  });

  it('follows the logo the theme names, even one that could not be used', async () => {
    await writeFile(path.join(ws, 'theme.yaml'), 'logo: logo.png\n');
    await writeFile(path.join(ws, 'logo.png'), 'not an image');
    const bad = await check(['ws']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a PNG or JPEG image');
    expect((await check(['ws'])).replayed).toBe(true);
    // A 1×1 PNG.
    await writeFile(path.join(ws, 'logo.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const good = await check(['ws']);
    expect(good.replayed).toBe(false);
    expect(good.code).toBe(0);
    await rm(path.join(ws, 'theme.yaml'));
    await rm(path.join(ws, 'logo.png'));
  });

  it('checks again with a --templates folder whose template changed', async () => {
    const folder = path.join(dir, 'mine');
    await mkdir(folder, { recursive: true });
    const deck = await readFile(path.join(ROOT, 'templates/deck.md.hbs'), 'utf8');
    await writeFile(path.join(folder, 'deck.md.hbs'), deck);
    const first = await check(['ws', '--templates', 'mine']);
    expect(first.replayed).toBe(false);
    expect((await check(['ws', '--templates', 'mine'])).replayed).toBe(true);
    await writeFile(path.join(folder, 'deck.md.hbs'), deck.replace('{{title}}', '{{titel}}'));
    const changed = await check(['ws', '--templates', 'mine']);
    expect(changed.replayed).toBe(false);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('mine/deck.md.hbs');
  });

  it('takes the workspace as given and the working folder into account (paths are printed relative to them)', async () => {
    await check(['ws']);
    const plain = await check(['ws']);
    expect(plain.replayed).toBe(true);
    const other = await check(['./ws']);
    expect(other.replayed).toBe(false);
    expect(other.stderr).toContain('ws/briefing.yaml');
    const before = counted.fullChecks;
    const elsewhere = await runCli(['check', path.join(dir, 'ws')], { cwd: ROOT, env: { XDG_CACHE_HOME: cache } });
    expect(counted.fullChecks).toBe(before + 1);
    expect(elsewhere.stderr).toContain(`${path.join(dir, 'ws')}/briefing.yaml`);
    expect((await check(['ws'])).replayed).toBe(true);
  });

  it('ignores a corrupt record, checks in full and writes a good one', async () => {
    await rm(records(), { recursive: true });
    const reference = await check(['ws']);
    expect(await readdir(records())).toHaveLength(1);
    for (const name of await readdir(records())) await writeFile(path.join(records(), name), '{"format":1,"hash":');
    const afterCorrupt = await check(['ws']);
    expect(afterCorrupt.replayed).toBe(false);
    same(reference, afterCorrupt);
    // A record of the right shape, sealed with a checksum that holds, whose hash is not the inputs' is no match either.
    const { sealEntry, unsealEntry } = (await import(path.join(ROOT, 'dist/cache/cache-dir.js'))) as typeof import('../src/cache/cache-dir.js');
    const edit = async (change: (record: Record<string, unknown>) => Record<string, unknown>, seal: boolean) => {
      for (const name of await readdir(records())) {
        const stored = await readFile(path.join(records(), name));
        const record = JSON.parse((unsealEntry(name, stored) as Buffer).toString('utf8')) as Record<string, unknown>;
        const text = JSON.stringify(change(record));
        // Unsealed: the entry as it was with its content edited in place (its checksum no longer holds).
        await writeFile(path.join(records(), name), seal ? sealEntry(name, text) : Buffer.concat([stored.subarray(0, stored.length - Buffer.byteLength(JSON.stringify(record))), Buffer.from(text)]));
      }
    };
    await edit((record) => ({ ...record, hash: '0'.repeat(64), writes: [[2, 'forged\n']] }), true);
    const afterForged = await check(['ws']);
    expect(afterForged.replayed).toBe(false);
    same(reference, afterForged);
    expect((await check(['ws'])).replayed).toBe(true);
    // The record of these very inputs, its exit code and output edited: its checksum fails, it is dropped.
    await edit((record) => ({ ...record, exitCode: 0, writes: [[2, 'all fine\n']] }), false);
    const afterEdited = await check(['ws']);
    expect(afterEdited.replayed).toBe(false);
    same(reference, afterEdited);
  });

  it('replays through the bundled entry too, as the development layout prints', async () => {
    const bundleCache = await tempDir('briefing-bundle-cache-');
    try {
      const env = { XDG_CACHE_HOME: bundleCache };
      const dev = await runCli(['check', 'ws', '--json'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
      const first = await traced(BIN, ['check', 'ws', '--json'], dir, { env });
      const second = await traced(BIN, ['check', 'ws', '--json'], dir, { env });
      same(dev, first);
      same(dev, second);
      expect(await readdir(path.join(bundleCache, 'briefing/check-records'))).toHaveLength(1);
    } finally {
      await removeDir(bundleCache);
    }
  });

  it('keeps no record and replays none with BRIEFING_NO_CACHE', async () => {
    const emptyCache = await tempDir('briefing-no-cache-');
    try {
      const off = { XDG_CACHE_HOME: emptyCache, BRIEFING_NO_CACHE: '1' };
      expect((await check(['ws'], off)).replayed).toBe(false);
      expect((await check(['ws'], off)).replayed).toBe(false);
      expect(await readdir(emptyCache)).toEqual([]);
    } finally {
      await removeDir(emptyCache);
    }
  });
});
