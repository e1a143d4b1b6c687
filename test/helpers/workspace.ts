// Real temporary folders for fixtures, and two ways to run the CLI: its command table in this
// process (runCli, most tests) and an entry in a child process (runCliProcess).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(ROOT, 'seeds');
/** The development layout's entry (tsc's dist/): module by module, as the load traces need. */
export const CLI = path.join(ROOT, 'dist/cli/main.js');
/** The package's `bin`: the bundled entry with its V8 code cache (a third of the development layout's start-up CPU). */
export const BIN = path.join(ROOT, 'dist/briefing.cjs');

export async function tempDir(prefix = 'briefing-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A copy of the seeds workspace in a fresh temporary folder, at `<dir>/ws`. */
export async function copySeeds(): Promise<{ dir: string; ws: string }> {
  const dir = await tempDir();
  const ws = path.join(dir, 'ws');
  await cp(SEEDS, ws, { recursive: true });
  return { dir, ws };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
}

export async function seedDocumentFile(ws: string, id: string): Promise<string> {
  const names = await readdir(ws);
  const name = names.find((n) => n.startsWith(`${id}_`));
  if (!name) throw new Error(`no document ${id} in ${ws}`);
  return path.join(ws, name);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** An entry to run in a child process (`BIN`, the bundled one; `CLI`, the development layout). */
  bin?: string;
}

/**
 * Run the CLI's command table in this process (`runCommandLine` of src/cli/cli.ts, what `main.ts`
 * runs; the same modules as the tests that import stages from src/, so one copy of each library's
 * speed-ups is installed), with `cwd` as the current folder and `env` added to the environment; the
 * memo is rendered in this thread (BRIEFING_NO_WORKER=1) unless `env` says otherwise, so that the
 * libraries and fonts loaded by one run serve the next. A child process proves more only for
 * signals, locks held by other processes, builds at once, a cold process (caches, loaded modules)
 * and the entries themselves: use `runCliProcess` for those. `bin` runs that entry in a child.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (options.bin) return runCliProcess(args, options);
  return runInProcess(args, options.cwd ?? ROOT, { BRIEFING_NO_WORKER: '1', ...options.env });
}

/** Run the CLI in a child process: the package's `bin` (the bundled entry), or another entry `bin`. */
export function runCliProcess(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.bin ?? BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface InProcessResult extends CliResult {
  ms: number;
}

type RunCommandLine = (argv: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }) => Promise<number>;

let commandTable: Promise<RunCommandLine> | undefined;
/** One in-process run at a time: the current folder and the environment belong to the process. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run the CLI's command table in this process with `cwd` as the current folder and `env` added to
 * the environment (a value undefined removes the variable); both are put back after the run. What
 * would end or hold the process is refused, as it needs `runCliProcess`: a fault that sends the
 * process a signal, --help and --version (yargs answers them with an exit), and watch (it runs
 * until a signal).
 */
export function runInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  const fault = env.BRIEFING_TEST_FAULT ?? '';
  if (/:(term|kill)$/.test(fault)) throw new Error(`BRIEFING_TEST_FAULT=${fault} signals its process: run it with runCliProcess`);
  if (args.includes('--help') || args.includes('--version')) throw new Error('yargs prints help and the version itself and ends the process: run it with runCliProcess');
  if (args[0] === 'watch') throw new Error('watch runs until a signal: run it with runCliProcess');
  const run = queue.then(() => runNow(args, cwd, env));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<InProcessResult> {
  commandTable ??= import('../../src/cli/cli.js').then((m) => m.runCommandLine);
  const runCommandLine = await commandTable;
  let stdout = '';
  let stderr = '';
  const saved = new Map<string, string | undefined>();
  const before = process.cwd();
  try {
    for (const [k, v] of Object.entries(env)) {
      saved.set(k, process.env[k]);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.chdir(cwd);
    const t0 = performance.now();
    const code = await runCommandLine(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }).catch((error: unknown) => {
      stderr += `briefing: internal error: ${(error as Error).stack ?? String(error)}\n`;
      return 70;
    });
    return { code, stdout, stderr, ms: performance.now() - t0 };
  } finally {
    process.chdir(before);
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
