// All or nothing: a build that fails, is stopped (SIGTERM) or killed (SIGKILL) at any step of
// replacing its outputs leaves the output folder byte for byte as it was (a SIGKILL: once the next
// build has recovered the journal); a full disk, a memo path that is a folder and a lock left
// empty change nothing either.
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, statfs, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitSteps } from '../src/pipeline/atomic-output.js';
import { snapshot } from './helpers/snapshot.js';
import { makeTinyWorkspace } from './helpers/tiny.js';
import { CLI, removeDir, runCli, tempDir } from './helpers/workspace.js';

const OUTPUTS = ['briefing.pptx', 'memo.pdf', 'build.json'];

/** Run a build in a child process; resolves with its exit code or the signal that ended it. */
function build(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, 'build', ...args], { cwd, env: { ...process.env, ...env } }, (_e, _out, stderr) =>
      resolve({ code: child.exitCode, signal: child.signalCode, stderr }),
    );
  });
}

describe('replacing the outputs is all or nothing', () => {
  let dir: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  beforeAll(async () => {
    dir = await tempDir();
    const ws = await makeTinyWorkspace(dir);
    await mkdir(path.join(dir, 'empty'));
    expect((await runCli(['build', 'ws', '--out', 'base'], { cwd: dir })).code).toBe(0);
    before = await snapshot(path.join(dir, 'base'));
    // A new title changes all three outputs.
    const yaml = path.join(ws, 'briefing.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('title: Alpha and Beta', 'title: Alpha, Beta and more'));
    await cp(path.join(dir, 'base'), path.join(dir, 'new'), { recursive: true });
    expect((await runCli(['build', 'ws', '--out', 'new'], { cwd: dir })).code).toBe(0);
    after = await snapshot(path.join(dir, 'new'));
    for (const f of OUTPUTS) expect(after[f]).not.toBe(before[f]);
  });
  afterAll(() => removeDir(dir));

  const steps = commitSteps(OUTPUTS);
  const cases = [
    ...steps.filter((s) => s !== 'commit').map((step) => ({ step, action: 'fail' })),
    ...steps.map((step) => ({ step, action: 'term' })),
    ...steps.map((step) => ({ step, action: 'kill' })),
  ];

  it(`holds at every step (${steps.join(', ')}) for an I/O failure, SIGTERM and SIGKILL`, async () => {
    const run = async ({ step, action }: { step: string; action: string }, i: number) => {
      const out = `out${i}`;
      await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
      const r = await build(['ws', '--out', out], dir, { BRIEFING_TEST_FAULT: `${step}:${action}` });
      const label = `${step}:${action}`;
      if (action === 'fail') {
        expect(r.code, label).toBe(1);
        expect(r.stderr, label).toContain(`error: cannot write to ${out}: injected fault at ${step} [output-unwritable]`);
        expect(r.stderr, label).toContain(`build failed: ${out} was left as it was`);
      } else expect(r.signal, `${label}: ${r.stderr}`).toBe(action === 'term' ? 'SIGTERM' : 'SIGKILL');
      if (action === 'kill') {
        // The next build, even one that then fails, first undoes what the killed one left.
        const next = await build(['empty', '--out', out], dir);
        expect(next.code, label).toBe(1);
      }
      // Past the commit point the new set stands; before it, the old one, and nothing else.
      expect(await snapshot(path.join(dir, out)), label).toEqual(step === 'commit' ? after : before);
      await rm(path.join(dir, out), { recursive: true, force: true });
    };
    // two at a time: the machine has two cores
    for (let i = 0; i < cases.length; i += 2) await Promise.all(cases.slice(i, i + 2).map((c, j) => run(c, i + j)));
  }, 240_000);

  it('leaves the previous set when the memo cannot be replaced (a folder has its name)', async () => {
    await cp(path.join(dir, 'base'), path.join(dir, 'blocked'), { recursive: true });
    await rm(path.join(dir, 'blocked/memo.pdf'));
    await mkdir(path.join(dir, 'blocked/memo.pdf'));
    await writeFile(path.join(dir, 'blocked/memo.pdf/keep.txt'), 'mine\n');
    const blocked = await snapshot(path.join(dir, 'blocked'));
    const r = await runCli(['build', 'ws', '--out', 'blocked'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot write to blocked: .*memo\.pdf.* \[output-unwritable\]/);
    expect(r.stderr).not.toContain('internal error');
    expect(await snapshot(path.join(dir, 'blocked'))).toEqual(blocked);
  });

  it('takes over an empty lock older than a few seconds (its builder died before writing its id)', async () => {
    await cp(path.join(dir, 'base'), path.join(dir, 'locked'), { recursive: true });
    const lock = path.join(dir, 'locked/.briefing.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const r = await runCli(['build', 'ws', '--out', 'locked'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(await snapshot(path.join(dir, 'locked'))).toEqual(after);
  });
});

/** A small tmpfs at `dir`, or a reason why not (not root, no mount permission). */
function mountTmpfs(dir: string, size: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

describe('a full disk', () => {
  let dir: string;
  let disk: string;
  let why: string | undefined;
  beforeAll(async () => {
    dir = await tempDir();
    await makeTinyWorkspace(dir);
    disk = path.join(dir, 'disk');
    await mkdir(disk);
    why = mountTmpfs(disk, '2m');
    if (why) console.warn(`skipped the full-disk tests: cannot mount a tmpfs here (${why})`);
  });
  afterAll(async () => {
    if (!why) execFileSync('umount', [disk]);
    await removeDir(dir);
  });

  it('filling up between the deck and the memo leaves the previous set as it was', async (ctx) => {
    if (why) return ctx.skip();
    expect((await runCli(['build', 'ws', '--out', 'disk/out'], { cwd: dir })).code).toBe(0);
    const before = await snapshot(path.join(disk, 'out'));
    const yaml = path.join(dir, 'ws/briefing.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('title: Alpha and Beta', 'title: Alpha and Beta, again'));
    // Leave room for the new deck (about the old one's size) and a little more, not for the memo.
    const deckBytes = (await readFile(path.join(disk, 'out/briefing.pptx'))).length;
    const memoBytes = (await readFile(path.join(disk, 'out/memo.pdf'))).length;
    const page = 4096;
    const room = Math.ceil(deckBytes / page) * page + 3 * page;
    expect(memoBytes).toBeGreaterThan(4 * page);
    const fs = await statfs(disk);
    const free = fs.bavail * fs.bsize;
    await writeFile(path.join(disk, 'filler'), Buffer.alloc(free - room));
    const r = await runCli(['build', 'ws', '--out', 'disk/out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot write to disk\/out: ENOSPC: no space left on device.* \[output-unwritable\]/);
    expect(r.stderr).toContain('build failed: disk/out was left as it was');
    expect(await snapshot(path.join(disk, 'out'))).toEqual(before);
    await rm(path.join(disk, 'filler'));
  });

  it('a disk too full for the lock leaves no lock behind, and the next build succeeds', async (ctx) => {
    if (why) return ctx.skip();
    expect((await runCli(['build', 'ws', '--out', 'disk/out2'], { cwd: dir })).code).toBe(0);
    const before = await snapshot(path.join(disk, 'out2'));
    const yaml = path.join(dir, 'ws/briefing.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^title: .*$/m, 'title: Alpha and Beta, once more'));
    const fs = await statfs(disk);
    await writeFile(path.join(disk, 'filler'), Buffer.alloc(fs.bavail * fs.bsize));
    const r = await runCli(['build', 'ws', '--out', 'disk/out2'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no space left on device');
    expect(await snapshot(path.join(disk, 'out2'))).toEqual(before);
    await rm(path.join(disk, 'filler'));
    const again = await runCli(['build', 'ws', '--out', 'disk/out2'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
  });
});
