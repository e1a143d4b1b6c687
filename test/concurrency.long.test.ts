// Builds at once into one output folder (issue 21.1): two builds of different options, a build
// during a watch's rebuild, a check beside a build. Each run starts the second command at an
// offset into the first; afterwards the folder must be one build's whole set: build.json whole
// (its checksum holds), every output it lists on disk with the sha256 it records, the history's
// newest manifest the same text, nothing left over (lock, journal, temporaries, backups).
// CONCURRENCY_OFFSETS=0,40,80,… runs other offsets (the 100-run measurement in the report).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, ROOT } from './helpers/workspace.js';

const BUNDLED = path.join(ROOT, 'dist/briefing.cjs');
const OFFSETS = (process.env.CONCURRENCY_OFFSETS ?? '0,150,400,800').split(',').map(Number);

type ManifestModule = { manifestFromText: (text: string) => { manifest: { outputs: { file: string; sha256: string; bytes: number }[] } } | { problem: string } };

interface Run {
  code: number | null;
  stderr: string;
}

function start(args: string[], cwd: string, env: Record<string, string> = {}): { done: Promise<Run>; kill: () => void } {
  const child = spawn(process.execPath, [BUNDLED, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr }))), kill: () => child.kill('SIGINT') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The folder holds exactly the set its build.json names. */
async function expectOneBuild(out: string, label: string): Promise<void> {
  const { manifestFromText } = (await import(path.join(ROOT, 'dist/pipeline/manifest.js'))) as ManifestModule;
  const text = await readFile(path.join(out, 'build.json'), 'utf8');
  const read = manifestFromText(text);
  expect('manifest' in read, `${label}: build.json whole`).toBe(true);
  if (!('manifest' in read)) return;
  for (const output of read.manifest.outputs) {
    const bytes = await readFile(path.join(out, output.file));
    expect(sha256(bytes), `${label}: ${output.file} is the one build.json records`).toBe(output.sha256);
  }
  const entries = await readdir(out);
  expect(entries.filter((e) => e.startsWith('.') && e !== '.briefing-history'), `${label}: nothing left over`).toEqual([]);
  const history = (await readdir(path.join(out, '.briefing-history'))).sort();
  expect(await readFile(path.join(out, '.briefing-history', history[history.length - 1] as string), 'utf8'), `${label}: newest history entry`).toBe(text);
}

describe('commands at once on one output folder', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    const first = start(['build', 'ws', '--out', 'base'], dir);
    expect((await first.done).code).toBe(0);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it.each(OFFSETS)('two builds of different options, the second %i ms into the first', async (offset) => {
    const out = `two-${offset}`;
    await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
    // --pdfa renders the memo only and keeps the deck; --changes renders both: the race the issue found.
    const a = start(['build', 'ws', '--out', out, '--pdfa'], dir);
    await sleep(offset);
    const b = start(['build', 'ws', '--out', out, '--changes'], dir);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    await expectOneBuild(path.join(dir, out), `offset ${offset}`);
  }, 120_000);

  it.each(OFFSETS)('build --pdfa %i ms into a watch rebuild', async (offset) => {
    const out = `watch-${offset}`;
    await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
    const watch = start(['watch', 'ws', '--out', out, '--changes'], dir);
    // The first build of the session, then an edit that makes it rebuild.
    for (let i = 0; i < 600 && !(await readFile(path.join(dir, out, 'build.json'), 'utf8')).includes('"changes": true'); i++) await sleep(50);
    const summary = path.join(ws, 'briefing.yaml');
    const text = await readFile(summary, 'utf8');
    try {
      // A comment: new bytes, the same content: the watch's rebuild keeps both outputs and writes a manifest.
      await writeFile(summary, `${text}# edited ${offset}\n`);
      await sleep(offset);
      const build = await start(['build', 'ws', '--out', out, '--pdfa'], dir).done;
      expect(build.code, build.stderr).toBe(0);
      // Let the watch finish what it started, then stop it.
      await sleep(1500);
    } finally {
      watch.kill();
      await watch.done;
      await writeFile(summary, text);
    }
    await expectOneBuild(path.join(dir, out), `watch, offset ${offset}`);
  }, 120_000);

  it('a check beside a build: the check answers, the folder is the build', async () => {
    const out = 'check-build';
    await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
    const build = start(['build', 'ws', '--out', out, '--force', '--changes'], dir);
    const check = start(['check', 'ws'], dir);
    const [rb, rc] = await Promise.all([build.done, check.done]);
    expect(rb.code, rb.stderr).toBe(0);
    expect(rc.code, rc.stderr).toBe(0);
    await expectOneBuild(path.join(dir, out), 'check and build');
  }, 120_000);

  it('in one process too (as the corpus runs them): builds wait for each other', async () => {
    const { runCommandLine } = (await import(path.join(ROOT, 'dist/cli/cli.js'))) as { runCommandLine: (argv: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }) => Promise<number> };
    const out = path.join(dir, 'in-process');
    await cp(path.join(dir, 'base'), out, { recursive: true });
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t) };
    const codes = await Promise.all([
      runCommandLine(['build', ws, '--out', out, '--pdfa'], io),
      runCommandLine(['build', ws, '--out', out, '--changes'], io),
      runCommandLine(['build', ws, '--out', out, '--force'], io),
    ]);
    expect(codes, stderr).toEqual([0, 0, 0]);
    await expectOneBuild(out, 'in one process');
  }, 120_000);
});
