// Text extracted from formats that are slow to parse (PDF, Word, web pages, Markdown), kept by
// the file's sha256 and its reader's version, so an unchanged file is not parsed again: in memory
// for the life of the process (watch mode) and on disk in the user's cache folder
// (`extracted/`), shared by every workspace and every command (check, build, draft, find).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { BoundedStore, cacheRoot, sealEntry, unsealEntry } from '../cache/cache-dir.js';
import type { ExtractedText, SourceReader } from './document.js';

/** What older versions kept in an output folder; a build removes it. */
export const OLD_CACHE_FOLDER = '.briefing-cache';
/** The extracted texts kept on disk, at most (oldest written dropped first). */
const MAX_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 50_000;

/** The folder of extracted texts in the user's cache folder; undefined when caching is off. */
export function extractionDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = cacheRoot(env);
  return root ? path.join(root, 'extracted') : undefined;
}

const ExtractedSchema = z.object({
  text: z.string(),
  map: z.object({ offsets: z.array(z.number()), lines: z.array(z.number()), pages: z.array(z.number()).optional() }),
  title: z.string().optional(),
  date: z.string().optional(),
  creator: z.string().optional(),
});

export interface ExtractionCache {
  get(key: string): Promise<ExtractedText | undefined>;
  set(key: string, value: ExtractedText): Promise<void>;
  /** Keep the folder within its bounds, when this cache wrote to it (oldest entries go first). */
  trim(): void;
}

/** The key of a file's text: its bytes and the reader (and reader version) that read them. */
export function cacheKey(reader: SourceReader, sha256: string): string {
  return `${sha256}.${reader.format}-v${reader.version}`;
}

/** An entry's file: sealed with its checksum (cache-dir.ts), so no longer plain JSON. */
function entryName(key: string): string {
  return `${key}.entry`;
}

const MEMORY_LIMIT = 4000;
const memory = new Map<string, ExtractedText>();

/** Forget what this process has read (as a new process would); for tests. */
export function forgetExtractions(): void {
  memory.clear();
}

function remember(key: string, value: ExtractedText): void {
  memory.delete(key);
  memory.set(key, value);
  if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string);
}

/** The process's cache, backed by a folder when one is given. Failures to read or write it are not errors. */
export function extractionCache(folder?: string, bounds: { maxBytes: number; maxEntries: number } = { maxBytes: MAX_BYTES, maxEntries: MAX_ENTRIES }): ExtractionCache {
  let wrote = false;
  return {
    async get(key) {
      const known = memory.get(key);
      if (known || !folder) return known;
      const name = entryName(key);
      const stored = await readFile(path.join(folder, name)).catch(() => undefined);
      if (stored === undefined) return undefined;
      const raw = unsealEntry(name, stored);
      if (raw === undefined) {
        // A corrupt or edited entry is dropped: the file is parsed again.
        await rm(path.join(folder, name), { force: true }).catch(() => undefined);
        return undefined;
      }
      try {
        const parsed = ExtractedSchema.safeParse(JSON.parse(raw.toString('utf8')));
        if (!parsed.success) return undefined;
        const value = parsed.data as ExtractedText;
        remember(key, value);
        return value;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      remember(key, value);
      if (!folder) return;
      try {
        await mkdir(folder, { recursive: true });
        const name = entryName(key);
        const file = path.join(folder, name);
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, sealEntry(name, JSON.stringify(value)));
        await rename(temporary, file);
        wrote = true;
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
    trim() {
      if (!folder || !wrote) return;
      wrote = false;
      try {
        new BoundedStore(folder, bounds.maxBytes, bounds.maxEntries).trim();
      } catch {
        // A cache that cannot be trimmed now is trimmed by a later run.
      }
    },
  };
}
