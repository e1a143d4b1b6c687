// The tool's fingerprint: a hash of everything that decides what it writes, so that a build with
// another version of the code or of a writer library is not up to date even when the version
// number and the inputs are the same. The bundle (scripts/bundle.mjs) computes it once, when it is
// built, and carries it as a constant; the development build (tsc's dist/) computes the same value
// from the sources at run time.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __BRIEFING_FINGERPRINT__: string | undefined;

/** The repository's files the fingerprint covers, besides every file under src/. */
const ALSO = ['package-lock.json', 'tsconfig.json', 'scripts/bundle.mjs'];

/** sha256 over src/ and ALSO under `root`, or undefined when there is no src/ (an installed package). */
export async function sourceFingerprint(root: string): Promise<string | undefined> {
  const src = path.join(root, 'src');
  const files = await readdir(src, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!files) return undefined;
  const names = files
    .filter((f) => f.isFile())
    .map((f) => path.relative(root, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const name of [...names, ...ALSO]) {
    const bytes = await readFile(path.join(root, name)).catch(() => undefined);
    hash.update(`${name}\u0000${bytes ? bytes.length : -1}\u0000`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex');
}

/** sha256 over the compiled code in `dist` and the lock file: for a dist/ without its sources. */
async function compiledFingerprint(dist: string): Promise<string> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js') || f.endsWith('.cjs')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(path.join(dist, file)));
  const lock = await readFile(path.join(dist, '../package-lock.json')).catch(() => undefined);
  if (lock) hash.update(lock);
  return hash.digest('hex');
}

let cached: Promise<string> | undefined;

export function toolFingerprint(): Promise<string> {
  if (typeof __BRIEFING_FINGERPRINT__ === 'string') return Promise.resolve(__BRIEFING_FINGERPRINT__);
  cached ??= (async () => {
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    return (await sourceFingerprint(path.dirname(dist))) ?? (await compiledFingerprint(dist));
  })();
  return cached;
}
