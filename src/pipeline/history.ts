// The output folder keeps the manifests of its last few builds in `.briefing-history/`, so that a
// change report can be made against any of them (`build --since FILE`). A name sorts in build order
// and says what it is: `0007-2025-11-01-ab12cd34.json` (build number, build date, inputs hash).
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestFromText, type Manifest } from './manifest.js';
import { isProblem, readRegularFile } from '../inputs/sandbox.js';
import { compareCodePoints } from '../common/file-hashes.js';

export const HISTORY_FOLDER = '.briefing-history';
/** How many manifests the history keeps; the oldest go first. */
export const HISTORY_KEEP = 5;

const NAME = /^(\d{4,})-[\w-]+\.json$/;

/**
 * The history folder, when it is a folder of the output folder's own: a link (to a folder of the
 * user's files, say) is never followed, so nothing is written, pruned or read through it.
 */
async function historyFolder(outDir: string): Promise<{ dir: string; exists: boolean } | { problem: string }> {
  const dir = path.join(outDir, HISTORY_FOLDER);
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return { dir, exists: false };
  if (info.isSymbolicLink()) return { problem: `${HISTORY_FOLDER} is a symbolic link; it is not followed (remove it to keep a history)` };
  if (!info.isDirectory()) return { problem: `${HISTORY_FOLDER} is not a folder (remove it to keep a history)` };
  return { dir, exists: true };
}

/** The history's file names, oldest first. */
export async function historyNames(outDir: string): Promise<string[]> {
  const folder = await historyFolder(outDir);
  if ('problem' in folder || !folder.exists) return [];
  const names = await readdir(folder.dir).catch(() => [] as string[]);
  return names.filter((n) => NAME.test(n)).sort((a, b) => sequence(a) - sequence(b) || compareCodePoints(a, b));
}

function sequence(name: string): number {
  return Number(NAME.exec(name)?.[1] ?? 0);
}

/** Keep this build's manifest (its text as build.json holds it) in the history, and drop the oldest beyond HISTORY_KEEP. */
export async function recordHistory(outDir: string, manifest: Manifest, text: string): Promise<string> {
  const folder = await historyFolder(outDir);
  if ('problem' in folder) throw new Error(folder.problem);
  const { dir } = folder;
  if (!folder.exists) await mkdir(dir);
  const names = await historyNames(outDir);
  const next = names.length > 0 ? sequence(names[names.length - 1] as string) + 1 : 1;
  const name = `${String(next).padStart(4, '0')}-${manifest.date.slice(0, 10)}-${manifest.inputsHash.slice(0, 8)}.json`;
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  // A new file, never written through a link that happens to have its name.
  await rm(temp, { force: true });
  await writeFile(temp, text, { flag: 'wx' });
  await rename(temp, path.join(dir, name));
  for (const old of [...names, name].slice(0, Math.max(0, names.length + 1 - HISTORY_KEEP))) await rm(path.join(dir, old), { force: true });
  return name;
}

/**
 * What `--since` names: a file (an earlier build.json, wherever it is), else a manifest of the
 * output folder's history, by its name or the start of it ("0003"). Undefined when neither exists
 * or the start names several. Nothing is read here: a path that exists but is no regular file
 * (a folder, /dev/zero) is returned too, for readSinceManifest to refuse.
 */
export async function resolveSince(value: string, outDir: string): Promise<string | undefined> {
  const direct = path.resolve(value);
  if (await stat(direct).then(() => true, () => false)) return direct;
  const names = await historyNames(outDir);
  const matches = names.filter((n) => n === value || n.startsWith(value));
  return matches.length === 1 ? path.join(outDir, HISTORY_FOLDER, matches[0] as string) : undefined;
}

/** An earlier manifest named by --since, or why it cannot be used. */
export async function readSinceManifest(file: string): Promise<{ manifest: Manifest; text: string } | { problem: string }> {
  const bytes = await readRegularFile(file, 'manifest', { follow: !isHistoryFile(file) });
  if (isProblem(bytes)) return { problem: bytes.problem === 'missing' ? 'file not found' : bytes.message };
  const text = bytes.toString('utf8');
  const read = manifestFromText(text);
  if ('manifest' in read) return { manifest: read.manifest, text };
  if (read.problem === 'not-json') return { problem: 'it is not JSON: name a build.json, or a manifest of the output folder\'s .briefing-history' };
  if (read.problem === 'checksum') return { problem: 'its checksum does not hold: it was edited, or written by an older version of briefing that kept none; only a build.json as a build wrote it is compared with' };
  return { problem: 'it is not a build manifest (build.json) of briefing' };
}

/** A manifest of a history folder (it is read without following a link: the folder is the build's). */
function isHistoryFile(file: string): boolean {
  return path.basename(path.dirname(file)) === HISTORY_FOLDER;
}
