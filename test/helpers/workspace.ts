// Real temporary folders for fixtures, and a way to run the compiled CLI.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(ROOT, 'seeds');
export const CLI = path.join(ROOT, 'dist/cli/main.js');

/**
 * The storyline warnings (issue 24) the seeds' summary raises until its re-curation, which waits
 * for issue 20's re-curation to land: tests of a clean check of the seeds leave these aside.
 * Remove with the seeds' re-curation.
 */
export const SEEDS_STORYLINE_RULES: readonly string[] = ['passage-reused', 'figure-repeated', 'as-of-after-sources', 'memo-too-long'];

/** Lines of a CLI's stderr other than the seeds' pending storyline warnings. */
export function withoutSeedsStoryline(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !SEEDS_STORYLINE_RULES.some((rule) => line.endsWith(`[${rule}]`)))
    .join('\n');
}

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

/** Run the CLI (the development layout, or `bin`: another entry such as the bundled one). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.bin ?? CLI, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
