// The user's cache folder (XDG_CACHE_HOME, else ~/.cache) and small bounded stores in it. Caches
// only ever save work: a missing, unreadable or stale entry means the work is done again, and an
// entry's key names everything its content depends on, so a cache never changes an output.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { compareCodePoints } from '../common/file-hashes.js';

/** `<cache home>/briefing`, or undefined when caching is switched off (BRIEFING_NO_CACHE=1) or there is no home. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BRIEFING_NO_CACHE) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'briefing');
  let home: string;
  try {
    home = os.homedir();
  } catch {
    return undefined;
  }
  return home ? path.join(home, '.cache', 'briefing') : undefined;
}

/** What every cache entry starts with: a format tag, then the sha256 of its name and content. */
const ENTRY_TAG = Buffer.from('briefing-cache-1\n', 'latin1');
const DIGEST_BYTES = 32;

function entryDigest(name: string, content: Uint8Array): Buffer {
  return createHash('sha256').update(name, 'utf8').update('\u0000').update(content).digest();
}

/**
 * An entry as it is stored: the tag, a checksum over the name it is stored under (which names the
 * key it answers) and its content, then the content. A flipped bit, a truncated file, an entry
 * copied under another entry's name or edited by hand no longer matches, and is never used.
 */
export function sealEntry(name: string, content: Uint8Array | string): Buffer {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.concat([ENTRY_TAG, entryDigest(name, bytes), bytes]);
}

/** The content of a stored entry, or undefined when its checksum does not hold. */
export function unsealEntry(name: string, stored: Buffer): Buffer | undefined {
  const head = ENTRY_TAG.length + DIGEST_BYTES;
  if (stored.length < head || !stored.subarray(0, ENTRY_TAG.length).equals(ENTRY_TAG)) return undefined;
  const content = stored.subarray(head);
  return stored.subarray(ENTRY_TAG.length, head).equals(entryDigest(name, content)) ? content : undefined;
}

/**
 * A folder of cache entries (files) whose total size is kept under `maxBytes` (and their number
 * under `maxEntries`), oldest dropped first. Every entry is sealed (see sealEntry): one that does
 * not hold is removed when read, and the work it would have saved is done again.
 */
export class BoundedStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    readonly maxEntries: number = Infinity,
  ) {}

  /** The entry's content, or undefined when it is missing, unreadable or fails its checksum (then it is removed). */
  read(name: string): Buffer | undefined {
    let stored: Buffer;
    try {
      stored = readFileSync(path.join(this.dir, name));
    } catch {
      return undefined;
    }
    const content = unsealEntry(name, stored);
    if (content === undefined) {
      try {
        unlinkSync(path.join(this.dir, name));
      } catch {
        // removed meanwhile, or a folder the user keeps read-only: ignored all the same
      }
    }
    return content;
  }

  /** Writes the entry atomically (temporary file, then rename), then trims the folder. Never throws. */
  write(name: string, bytes: Uint8Array | string): boolean {
    const file = path.join(this.dir, name);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, sealEntry(name, bytes));
      renameSync(temporary, file);
    } catch {
      // A full disk or a failed rename leaves no temporary behind.
      try {
        unlinkSync(temporary);
      } catch {
        // never written
      }
      return false;
    }
    try {
      this.trim(name);
    } catch {
      // the folder went away meanwhile: the entry is written all the same
    }
    return true;
  }

  /** Drops the oldest entries (by modification time) until the folder fits; `keep` stays. */
  trim(keep?: string): void {
    const entries: { name: string; bytes: number; mtime: number }[] = [];
    for (const name of readdirSync(this.dir)) {
      try {
        const info = statSync(path.join(this.dir, name));
        if (info.isFile()) entries.push({ name, bytes: info.size, mtime: info.mtimeMs });
      } catch {
        // removed meanwhile by another process
      }
    }
    let total = entries.reduce((sum, e) => sum + e.bytes, 0);
    let count = entries.length;
    entries.sort((a, b) => a.mtime - b.mtime || compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      if (total <= this.maxBytes && count <= this.maxEntries) break;
      if (entry.name === keep) continue;
      try {
        unlinkSync(path.join(this.dir, entry.name));
        total -= entry.bytes;
        count -= 1;
      } catch {
        // another process removed it first
      }
    }
  }
}

/** The store `<cache root>/<kind>`, or undefined when caching is off. */
export function cacheStore(kind: string, maxBytes: number, env: NodeJS.ProcessEnv = process.env, maxEntries?: number): BoundedStore | undefined {
  const root = cacheRoot(env);
  return root ? new BoundedStore(path.join(root, kind), maxBytes, maxEntries) : undefined;
}
