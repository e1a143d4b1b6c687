// Running a corpus case: a fresh copy of the tiny workspace and of a built output folder, the
// case's changes, then the CLI run in this process (helpers/workspace.ts: runInProcess).
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { InProcessResult } from '../helpers/workspace.js';

/** The in-process runner the corpus files use (helpers/workspace.ts). */
export { runInProcess } from '../helpers/workspace.js';

export interface CaseContext {
  /** The case's folder: the current directory while the CLI runs. */
  dir: string;
  /** `<dir>/ws`, a copy of the tiny workspace. */
  ws: string;
  /** `<dir>/out`, a copy of the output folder built from the tiny workspace. */
  out: string;
}

export interface CorpusCase {
  /** A short name. */
  id: string;
  /** The defect of the issue (or the behaviour) it covers. */
  covers: string;
  /** Changes to the workspace or the output folder before the run. */
  setup?: (ctx: CaseContext) => Promise<void>;
  /** The command line; `build ws --out out` by default. */
  args?: string[];
  env?: Record<string, string>;
  code: number;
  /** What stderr (or stdout, for `stdout: true`) must contain: the exact diagnostic, or a pattern. */
  expect: string | RegExp;
  stdout?: boolean;
  /** The run must take less than this (a bound on a cost that used to explode). */
  maxMs?: number;
  /**
   * The outputs are allowed to change (a successful build); then `verify` checks them. By default
   * every file of the output folder must be byte-identical after the run.
   */
  builds?: boolean;
  verify?: (ctx: CaseContext, result: RunResult) => Promise<void>;
}

export type RunResult = InProcessResult;

/** A fresh case folder: `ws` and `out` copied from the baseline. */
export async function caseFolder(root: string, index: number, baseWs: string, baseOut: string): Promise<CaseContext> {
  const dir = path.join(root, `case${String(index).padStart(2, '0')}`);
  await mkdir(dir, { recursive: true });
  const ctx = { dir, ws: path.join(dir, 'ws'), out: path.join(dir, 'out') };
  await cp(baseWs, ctx.ws, { recursive: true });
  await cp(baseOut, ctx.out, { recursive: true });
  return ctx;
}
