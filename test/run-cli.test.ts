// The tests' two ways of running the CLI (helpers/workspace.ts) give the same result: the command
// table in this process (runCli, what most tests use) and the package's bin in a child process
// (runCliProcess). The in-process run puts back the current folder and the environment, runs one
// command at a time, and refuses what would end or hold the test's process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUTS } from './helpers/snapshot.js';
import { makeTinyWorkspace } from './helpers/tiny.js';
import { removeDir, runCli, runCliProcess, tempDir } from './helpers/workspace.js';

describe('runCli (in this process) and runCliProcess (the bin, in a child)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await makeTinyWorkspace(dir);
  });
  afterAll(() => removeDir(dir));

  it('print the same and write the same bytes', async () => {
    const inside = await runCli(['build', 'ws', '--out', 'inside', '--json'], { cwd: dir });
    const child = await runCliProcess(['build', 'ws', '--out', 'child', '--json'], { cwd: dir });
    expect(inside.code, inside.stderr).toBe(0);
    // The same but for times and the output folder's name (and the order timings are recorded in).
    const timeless = (text: string) => text.replace(/ in \d+ ms/g, ' in N ms').replace(/\binside\b|\bchild\b/g, 'OUT');
    expect(timeless(inside.stderr)).toBe(timeless(child.stderr));
    const report = (text: string) => {
      const { timings, ...rest } = JSON.parse(timeless(text)) as { timings: Record<string, number> };
      return { ...rest, timed: Object.keys(timings).sort() };
    };
    expect(report(inside.stdout)).toEqual(report(child.stdout));
    expect(inside.code).toBe(child.code);
    for (const name of OUTPUTS) {
      const a = await readFile(path.join(dir, 'inside', name));
      const b = await readFile(path.join(dir, 'child', name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('puts back the current folder and the environment, even when the folder does not exist', async () => {
    const cwd = process.cwd();
    delete process.env.BRIEFING_RUN_CLI_PROBE;
    const r = await runCli(['check', 'ws', '--json'], { cwd: dir, env: { BRIEFING_RUN_CLI_PROBE: 'set', SOURCE_DATE_EPOCH: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(process.cwd()).toBe(cwd);
    expect(process.env.BRIEFING_RUN_CLI_PROBE).toBeUndefined();
    await expect(runCli(['check', 'ws'], { cwd: path.join(dir, 'nowhere'), env: { BRIEFING_RUN_CLI_PROBE: 'set' } })).rejects.toThrow(/ENOENT/);
    expect(process.cwd()).toBe(cwd);
    expect(process.env.BRIEFING_RUN_CLI_PROBE).toBeUndefined();
  });

  it('runs one command at a time, each in its own folder', async () => {
    const runs = await Promise.all(['ws', 'ws', 'ws'].map((ws, i) => runCli(['check', ws, '--json'], { cwd: dir, env: { BRIEFING_RUN_CLI_PROBE: String(i) } })));
    for (const r of runs) expect(JSON.parse(r.stdout).ok).toBe(true);
    const missing = await Promise.all([runCli(['check', 'ws'], { cwd: dir }), runCli(['check', 'ws'], { cwd: path.dirname(dir) })]);
    expect(missing.map((r) => r.code)).toEqual([0, 2]);
  });

  it('refuses what would end or hold this process', () => {
    expect(() => runCli(['build', 'ws'], { cwd: dir, env: { BRIEFING_TEST_FAULT: 'commit:kill' } })).toThrow(/runCliProcess/);
    expect(() => runCli(['build', 'ws'], { cwd: dir, env: { BRIEFING_TEST_FAULT: 'journal:term' } })).toThrow(/runCliProcess/);
    expect(() => runCli(['--help'])).toThrow(/runCliProcess/);
    expect(() => runCli(['check', '--version'])).toThrow(/runCliProcess/);
    expect(() => runCli(['watch', 'ws'], { cwd: dir })).toThrow(/runCliProcess/);
  });
});
