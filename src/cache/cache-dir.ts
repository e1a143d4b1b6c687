// The user's cache folder (XDG_CACHE_HOME, else ~/.cache) and small bounded stores in it. Caches
// only ever save work: a missing, unreadable or stale entry means the work is done again, and an
// entry's key names everything its content depends on, so a cache never changes an output.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * A folder of cache entries (files) whose total size is kept under `maxBytes` (and their number
 * under `maxEntries`), oldest dropped first.
 */
export class BoundedStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    readonly maxEntries: number = Infinity,
  ) {}

  /** The entry's bytes, or undefined when it is missing or unreadable. */
  read(name: string): Buffer | undefined {
    try {
      return readFileSync(path.join(this.dir, name));
    } catch {
      return undefined;
    }
  }

  /** Writes the entry atomically (temporary file, then rename), then trims the folder. Never throws. */
  write(name: string, bytes: Uint8Array | string): boolean {
    const file = path.join(this.dir, name);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, bytes);
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
