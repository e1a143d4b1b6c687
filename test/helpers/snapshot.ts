// What an output folder holds, file by file (sha256), to prove a failed build changed nothing.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The parse cache: an optimisation that a build may fill even when it fails; not an output. */
const CACHE = '.briefing-cache';
/**
 * The history of manifests: a record a build adds to once its outputs are committed (never when it
 * fails), for --since; not an output. Its own test is changes-baseline.e2e.test.ts.
 */
const HISTORY = '.briefing-history';

/** Every entry under `dir` (but the parse cache and the history): files as their sha256, folders as "dir". */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (sub: string) => {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.join(sub, e.name);
      if (rel === CACHE || rel === HISTORY) continue;
      if (e.isDirectory()) {
        result[rel] = 'dir';
        await walk(rel);
      } else result[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
    }
  };
  await walk('');
  return result;
}

/** The files a build writes. */
export const OUTPUTS = ['briefing.pptx', 'memo.pdf', 'review.html', 'build.json'] as const;

/** The bytes of the outputs in `out`. */
export async function readOutputs(out: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const name of OUTPUTS) files[name] = await readFile(path.join(out, name));
  return files;
}
