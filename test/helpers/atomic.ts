// Faults injected at each step of replacing the outputs (BRIEFING_TEST_FAULT=STEP:ACTION, see
// src/pipeline/atomic-output.ts): an I/O failure runs in this process; SIGTERM and SIGKILL end
// their process, so they run in a child. Shared by atomic.e2e.test.ts (npm test) and
// atomic-signals.long.test.ts (npm run test:long).
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { commitSteps } from '../../src/pipeline/atomic-output.js';
import { OUTPUTS, snapshot } from './snapshot.js';
import { makeTinyWorkspace } from './tiny.js';
import { BIN, runCli, tempDir } from './workspace.js';

export type FaultAction = 'fail' | 'term' | 'kill';
export interface FaultCase {
  step: string;
  action: FaultAction;
}

export const STEPS = commitSteps(OUTPUTS);

/** Every step for each action (a failure at 'commit' is past the point of no return: not a case). */
export function faultCases(actions: readonly FaultAction[]): FaultCase[] {
  return actions.flatMap((action) => STEPS.filter((step) => action !== 'fail' || step !== 'commit').map((step) => ({ step, action })));
}

/** A tiny workspace built into `base`, then retitled and built into `new`: every output differs. */
export interface FaultFixture {
  dir: string;
  before: Record<string, string>;
  after: Record<string, string>;
}

export async function faultFixture(): Promise<FaultFixture> {
  const dir = await tempDir();
  const ws = await makeTinyWorkspace(dir);
  await mkdir(path.join(dir, 'empty'));
  expect((await runCli(['build', 'ws', '--out', 'base'], { cwd: dir })).code).toBe(0);
  const before = await snapshot(path.join(dir, 'base'));
  // A new title changes all three outputs.
  const yaml = path.join(ws, 'briefing.yaml');
  await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('title: Alpha and Beta', 'title: Alpha, Beta and more'));
  await cp(path.join(dir, 'base'), path.join(dir, 'new'), { recursive: true });
  expect((await runCli(['build', 'ws', '--out', 'new'], { cwd: dir })).code).toBe(0);
  const after = await snapshot(path.join(dir, 'new'));
  for (const f of OUTPUTS) expect(after[f]).not.toBe(before[f]);
  return { dir, before, after };
}

/** Run a build in a child process (the package's bin); resolves with its exit code or the signal that ended it. */
function buildProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, 'build', ...args], { cwd, env: { ...process.env, ...env } }, (_e, _out, stderr) =>
      resolve({ code: child.exitCode, signal: child.signalCode, stderr }),
    );
  });
}

/**
 * One case on a fresh copy of `base` in `out<i>`: the build fails (exit 1, the folder's name in the
 * message) or dies of its signal; after a SIGKILL the next build, even one that then fails, first
 * undoes what the killed one left. Past the commit point the new set stands; before it, the old
 * one, and nothing else.
 */
export async function runFaultCase(fixture: FaultFixture, { step, action }: FaultCase, i: number): Promise<void> {
  const { dir } = fixture;
  const out = `out${i}`;
  const label = `${step}:${action}`;
  await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
  const env = { BRIEFING_TEST_FAULT: label };
  if (action === 'fail') {
    const r = await runCli(['build', 'ws', '--out', out], { cwd: dir, env });
    expect(r.code, label).toBe(1);
    expect(r.stderr, label).toContain(`error: cannot write to ${out}: injected fault at ${step} [output-unwritable]`);
    expect(r.stderr, label).toContain(`build failed: ${out} was left as it was`);
  } else {
    const r = await buildProcess(['ws', '--out', out], dir, env);
    expect(r.signal, `${label}: ${r.stderr}`).toBe(action === 'term' ? 'SIGTERM' : 'SIGKILL');
  }
  if (action === 'kill') {
    const next = await runCli(['build', 'empty', '--out', out], { cwd: dir });
    expect(next.code, label).toBe(1);
  }
  expect(await snapshot(path.join(dir, out)), label).toEqual(step === 'commit' ? fixture.after : fixture.before);
  await rm(path.join(dir, out), { recursive: true, force: true });
}

/** The cases two at a time (the machine has two cores); in-process ones one at a time anyway. */
export async function runFaultCases(fixture: FaultFixture, cases: readonly FaultCase[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 2) await Promise.all(cases.slice(i, i + 2).map((c, j) => runFaultCase(fixture, c, i + j)));
}
