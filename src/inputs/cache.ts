// Text extracted from formats that are slow to parse (PDF, Word, web pages, Markdown), kept by
// the file's sha256 so an unchanged file is not parsed again: in memory for the life of the
// process (watch mode) and, for builds, on disk in the output folder's `.briefing-cache/`.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { ExtractedText, SourceReader } from './document.js';

export const CACHE_FOLDER = '.briefing-cache';

const ExtractedSchema = z.object({
  text: z.string(),
  map: z.object({ offsets: z.array(z.number()), lines: z.array(z.number()), pages: z.array(z.number()).optional() }),
  title: z.string().optional(),
  date: z.string().optional(),
});

export interface ExtractionCache {
  get(key: string): Promise<ExtractedText | undefined>;
  set(key: string, value: ExtractedText): Promise<void>;
  /** Remove from the folder every entry but these keys (files no longer in the workspace). */
  keepOnly(keys: ReadonlySet<string>): Promise<void>;
}

/** The key of a file's text: its bytes and the reader (and reader version) that read them. */
export function cacheKey(reader: SourceReader, sha256: string): string {
  return `${sha256}.${reader.format}-v${reader.version}`;
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
export function extractionCache(folder?: string): ExtractionCache {
  return {
    async get(key) {
      const known = memory.get(key);
      if (known || !folder) return known;
      const raw = await readFile(path.join(folder, `${key}.json`), 'utf8').catch(() => undefined);
      if (raw === undefined) return undefined;
      try {
        const parsed = ExtractedSchema.safeParse(JSON.parse(raw));
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
        const file = path.join(folder, `${key}.json`);
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(value));
        await rename(temporary, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
    async keepOnly(keys) {
      if (!folder) return;
      const names = await readdir(folder).catch(() => [] as string[]);
      const stale = names.filter((n) => n.endsWith('.json') && !keys.has(n.slice(0, -'.json'.length)));
      await Promise.all(stale.map((n) => rm(path.join(folder, n), { force: true }).catch(() => undefined)));
    },
  };
}
