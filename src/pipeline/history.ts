// The output folder keeps the manifests of its last few builds in `.briefing-history/`, so that a
// change report can be made against any of them (`build --since FILE`). A name sorts in build order
// and says what it is: `0007-2025-11-01-ab12cd34.json` (build number, build date, inputs hash).
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ManifestSchema, type Manifest } from './manifest.js';
import { PARSE_ONCE } from '../diagnostics/zod-once.js';

export const HISTORY_FOLDER = '.briefing-history';
/** How many manifests the history keeps; the oldest go first. */
export const HISTORY_KEEP = 5;

const NAME = /^(\d{4,})-[\w-]+\.json$/;

/** The history's file names, oldest first. */
export async function historyNames(outDir: string): Promise<string[]> {
  const names = await readdir(path.join(outDir, HISTORY_FOLDER)).catch(() => [] as string[]);
  return names.filter((n) => NAME.test(n)).sort((a, b) => sequence(a) - sequence(b) || a.localeCompare(b));
}

function sequence(name: string): number {
  return Number(NAME.exec(name)?.[1] ?? 0);
}

/** Keep this build's manifest (its text as build.json holds it) in the history, and drop the oldest beyond HISTORY_KEEP. */
export async function recordHistory(outDir: string, manifest: Manifest, text: string): Promise<string> {
  const dir = path.join(outDir, HISTORY_FOLDER);
  await mkdir(dir, { recursive: true });
  const names = await historyNames(outDir);
  const next = names.length > 0 ? sequence(names[names.length - 1] as string) + 1 : 1;
  const name = `${String(next).padStart(4, '0')}-${manifest.date.slice(0, 10)}-${manifest.inputsHash.slice(0, 8)}.json`;
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path.join(dir, name));
  for (const old of [...names, name].slice(0, Math.max(0, names.length + 1 - HISTORY_KEEP))) await rm(path.join(dir, old), { force: true });
  return name;
}

/**
 * What `--since` names: a file (an earlier build.json, wherever it is), else a manifest of the
 * output folder's history, by its name or the start of it ("0003"). Undefined when neither exists
 * or the start names several.
 */
export async function resolveSince(value: string, outDir: string): Promise<string | undefined> {
  const direct = path.resolve(value);
  if (await isFile(direct)) return direct;
  const names = await historyNames(outDir);
  const matches = names.filter((n) => n === value || n.startsWith(value));
  return matches.length === 1 ? path.join(outDir, HISTORY_FOLDER, matches[0] as string) : undefined;
}

async function isFile(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

/** An earlier manifest named by --since, or why it cannot be used. */
export async function readSinceManifest(file: string): Promise<{ manifest: Manifest; text: string } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: `cannot read it: ${(error as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON: name a build.json, or a manifest of the output folder\'s .briefing-history' };
  }
  const parsed = ManifestSchema.safeParse(raw, PARSE_ONCE);
  return parsed.success ? { manifest: parsed.data, text } : { problem: 'it is not a build manifest (build.json) of briefing' };
}
