// The support results of a workspace's statements, kept between runs in the user's cache folder
// (`support/`): a statement whose text, quotes and reading are the same as last time is not read
// again. Keyed by the sha256 of what `supportOf` reads and the tool's fingerprint, so an entry can
// only give what `supportOf` would. The verifier stays pure: it is handed the memo and fills it.
import { deserialize, serialize } from 'node:v8';
import { cacheStore } from '../cache/cache-dir.js';
import { toolFingerprint } from '../cache/fingerprint.js';
import { sha256 } from '../common/file-hashes.js';
import type { SupportMode, SupportQuote, SupportResult } from './support.js';

/** Results read from the cache (`known`) and those this run used (`used`, what is written back). */
export interface SupportMemo {
  known: ReadonlyMap<string, SupportResult>;
  used: Map<string, SupportResult>;
}

const STORE = 'support';
const FORMAT = 1;
/** One entry per workspace folder: the results of its last run. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 64;

/** What `supportOf` reads, as one key. */
export function supportKey(text: string, quotes: readonly SupportQuote[], mode: SupportMode): string {
  return sha256(JSON.stringify([mode, text, quotes.map((q) => (typeof q === 'string' ? [q] : [q.text, q.source ?? null, q.frame ?? null]))]));
}

async function entryName(dir: string): Promise<string> {
  return `${sha256(`${await toolFingerprint()}\u0000${dir}`).slice(0, 40)}.bin`;
}

/** The memo of a workspace folder (empty when caching is off or nothing is kept). */
export async function readSupportMemo(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<SupportMemo> {
  const memo: SupportMemo = { known: new Map(), used: new Map() };
  const store = cacheStore(STORE, MAX_BYTES, env, MAX_ENTRIES);
  const bytes = store?.read(await entryName(dir));
  if (!bytes) return memo;
  try {
    const entry = deserialize(bytes) as { format?: unknown; results?: unknown };
    if (entry.format === FORMAT && entry.results instanceof Map) memo.known = entry.results as Map<string, SupportResult>;
  } catch {
    // Not an entry of this version: read again.
  }
  return memo;
}

/** Keeps the results this run used, when any was new or one went unused. Never throws. */
export async function writeSupportMemo(dir: string, memo: SupportMemo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const unchanged = memo.used.size === memo.known.size && [...memo.used.keys()].every((k) => memo.known.has(k));
  if (unchanged) return;
  const store = cacheStore(STORE, MAX_BYTES, env, MAX_ENTRIES);
  if (!store) return;
  try {
    store.write(await entryName(dir), serialize({ format: FORMAT, results: memo.used }));
  } catch {
    // A result that cannot be kept is computed again next time.
  }
}
