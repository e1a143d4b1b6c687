// All or nothing: a build that fails, is stopped (SIGTERM) or killed (SIGKILL) at any step of
// replacing its outputs leaves the output folder byte for byte as it was (a SIGKILL: once the next
// build has recovered the journal); a full disk, a memo path that is a folder and a lock left
// empty change nothing either. (Every step under each signal: atomic-signals.long.test.ts.)
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, statfs, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultCases, faultFixture, runFaultCases, STEPS, type FaultFixture } from './helpers/atomic.js';
import { snapshot } from './helpers/snapshot.js';
import { makeTinyWorkspace } from './helpers/tiny.js';
import { removeDir, runCli, tempDir } from './helpers/workspace.js';

describe('replacing the outputs is all or nothing', () => {
  let fixture: FaultFixture;
  let dir: string;
  let after: Record<string, string>;
  beforeAll(async () => {
    fixture = await faultFixture();
    ({ dir, after } = fixture);
  });
  afterAll(() => removeDir(dir));

  it(`holds for an I/O failure at every step (${STEPS.filter((s) => s !== 'commit').join(', ')})`, async () => {
    await runFaultCases(fixture, faultCases(['fail']));
  });

  // A signal ends the build's process: each is a child process. Every step under SIGTERM and
  // SIGKILL is in atomic-signals.long.test.ts (npm run test:long); here, one of each where the
  // folder is most mixed (the deck renamed, the memo not yet) and SIGKILL past the commit point.
  it('holds for SIGTERM and SIGKILL while the outputs are renamed, and after the commit point', async () => {
    await runFaultCases(fixture, [
      { step: 'rename:memo.pdf', action: 'term' },
      { step: 'rename:memo.pdf', action: 'kill' },
      { step: 'journal', action: 'kill' },
      { step: 'commit', action: 'kill' },
    ]);
  });

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
