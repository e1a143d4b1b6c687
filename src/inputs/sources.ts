// Reading a workspace's source documents: every file at its top level whose format a reader
// knows (see inputs/readers/), as plain text with a map back to the file. Other files are
// named in one warning.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isProblem, LIMITS, readInside } from './sandbox.js';
import path from 'node:path';
import { diagnostic, type Diagnostic, type RuleId } from '../diagnostics/diagnostic.js';
import { cacheKey, extractionCache, extractionDir, type ExtractionCache } from './cache.js';
import { dateOfText, impossibleDateOfText, isDateLine, withoutDateline } from './dates.js';
import { placeOf, ReaderError, type ExtractedText, type ReaderProblem, type SourceFormat, type SourceMap, type SourceReader } from './document.js';
import { readerFor, SOURCE_EXTENSIONS } from './readers/index.js';
import { stripInvisible, withoutInvisible } from './invisible.js';
import { compareCodePoints, mapLimited, sha256 } from '../common/file-hashes.js';

export { compareCodePoints, sha256 };

export { SOURCE_EXTENSIONS };

export interface SourceDocument {
  /** File name up to the first `_`, or the whole stem. */
  id: string;
  /** File name inside the workspace. */
  name: string;
  /** Path as shown to the user (workspace as given + name). */
  file: string;
  /** Plain text, whatever the format: no markup, no BOM, LF line ends, NFC. */
  text: string;
  /** The format it was read as; plain text when absent. */
  format?: SourceFormat;
  /** From offsets in `text` to lines (and pages) of the file; the identity when absent. */
  map?: SourceMap;
  /** Title found in the file, if any. */
  title?: string;
  /** ISO date found in the file, if any. */
  date?: string;
  /** The opening words of the text, to name a document that has no title. */
  lead: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
}

export function documentId(fileName: string): string {
  const stem = fileName.normalize('NFC').replace(/\.[^.]*$/, '');
  const cut = stem.indexOf('_');
  return cut > 0 ? stem.slice(0, cut) : stem;
}

export function isSourceFile(fileName: string): boolean {
  return readerFor(fileName) !== undefined && !fileName.startsWith('.');
}

export interface ReadSourcesResult {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
  /** Ids of documents that exist but could not be read: citations of them are not errors of their own. */
  failedIds: Set<string>;
}

export interface ReadSourcesOptions {
  /** Files of the workspace that are not sources and need no warning (the summary, the theme, its logo). */
  ownFiles?: ReadonlySet<string>;
  /**
   * Where parsed text of slow formats is kept between runs: by default the user's cache folder
   * (see cache.ts); null keeps it in memory only.
   */
  cacheDir?: string | null;
}

const PROBLEM_RULES: Record<ReaderProblem, RuleId> = {
  corrupt: 'source-corrupt',
  encrypted: 'source-encrypted',
  'no-text': 'source-no-text',
  'no-article': 'source-no-article',
  'too-large': 'source-too-large',
  'not-utf8': 'source-not-utf8',
  empty: 'source-empty',
  'over-limit': 'source-over-limit',
};

/** The workspace's own files, never sources. */
const WORKSPACE_FILES = ['briefing.yaml', 'theme.yaml', 'theme.yml'];

/** How many files are read at once. */
const CONCURRENCY = 8;

/** Read every source of the workspace folder `dir`; `shownDir` is how paths are printed. */
export async function readSources(dir: string, shownDir: string = dir, options: ReadSourcesOptions = {}): Promise<ReadSourcesResult> {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const failedIds = new Set<string>();
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    diagnostics.push(diagnostic('source-unreadable', `cannot read the workspace folder: ${(error as Error).message}`, { file: shownDir }));
    return { documents, diagnostics, failedIds };
  }
  const names: string[] = [];
  const skipped: string[] = [];
  const ownFiles = new Set([...WORKSPACE_FILES, ...(options.ownFiles ?? [])]);
  for (const e of entries) {
    if (e.name.startsWith('.') || ownFiles.has(e.name)) continue;
    // A link counts as what it names (a link to a folder is skipped); a link out of the workspace,
    // a named pipe or a device with a source's name is reported when it is read.
    if (e.isDirectory() || (e.isSymbolicLink() && (await stat(path.join(dir, e.name)).catch(() => undefined))?.isDirectory())) continue;
    if (isSourceFile(e.name)) names.push(e.name);
    else skipped.push(e.name);
  }
  names.sort(compareCodePoints);
  // One name spelt two ways (composed and decomposed accents, as macOS and Linux may write them)
  // is one document twice: neither is read.
  const spellings = new Map<string, string[]>();
  for (const name of names) spellings.set(name.normalize('NFC'), [...(spellings.get(name.normalize('NFC')) ?? []), name]);
  for (const [nfc, spelt] of spellings) {
    if (spelt.length < 2) continue;
    const forms = spelt.map((n) => `"${n}" (${n === nfc ? 'NFC' : n === n.normalize('NFD') ? 'NFD' : 'mixed'})`).join(' and ');
    diagnostics.push(diagnostic('file-name-twice', `${forms} are one file name spelt two ways; keep one`, { file: path.join(shownDir, nfc) }));
    for (const n of spelt) {
      names.splice(names.indexOf(n), 1);
      failedIds.add(documentId(n));
    }
  }
  if (skipped.length > 0) {
    skipped.sort(compareCodePoints);
    const message = `${skipped.length === 1 ? 'file' : `${skipped.length} files`} not read as sources (sources are ${SOURCE_EXTENSIONS.join(', ')}): ${skipped.join(', ')}`;
    diagnostics.push(diagnostic('source-skipped', message, { file: shownDir }));
  }
  const cache = extractionCache(options.cacheDir === undefined ? extractionDir() : (options.cacheDir ?? undefined));
  const results = await mapLimited(names, CONCURRENCY, (name) => readOne(dir, shownDir, name, cache));
  cache.trim();
  const byId = new Map<string, string>();
  names.forEach((name, i) => {
    const result = results[i] as SourceDocument | Diagnostic;
    const id = documentId(name);
    // A briefing's own memo is no source: it is left out (its id names no document), with a warning.
    if ('rule' in result && result.rule === 'source-own-output') {
      diagnostics.push(result);
      return;
    }
    if ('rule' in result) {
      diagnostics.push(result);
      failedIds.add(id);
      return;
    }
    const previous = byId.get(id);
    if (previous !== undefined) {
      diagnostics.push(diagnostic('duplicate-doc-id', `document id "${id}" is used by both ${previous} and ${name}; rename one`, { file: result.file }));
      // Neither file is the document: its citations are not checked against whichever came first.
      failedIds.add(id);
      return;
    }
    byId.set(id, name);
    documents.push(result);
    // A date that is no calendar date is not used: the document is undated, and the curator told.
    const impossible = result.date === undefined ? impossibleDateOfText(result.text) : undefined;
    if (impossible) {
      const offset = result.text.split('\n').slice(0, impossible.lineIndex).reduce((n, l) => n + l.length + 1, 0);
      diagnostics.push(
        diagnostic('date-impossible', `the date "${impossible.written}" is not a real calendar date; document ${id} is taken as undated`, {
          file: result.file,
          line: placeOf(result, offset).line,
        }),
      );
    }
  });
  return { documents: documents.filter((d) => !failedIds.has(d.id)), diagnostics, failedIds };
}

/** One file: its reader's text (from the cache when the bytes are unchanged), or why it has none. */
async function readOne(dir: string, shownDir: string, name: string, cache: ExtractionCache): Promise<SourceDocument | Diagnostic> {
  const file = path.join(shownDir, name);
  const reader = readerFor(name) as SourceReader;
  const bytes = await readInside(dir, path.join(dir, name), 'source', reader.maxBytes ?? LIMITS.source);
  if (isProblem(bytes)) {
    if (bytes.problem === 'too-large') {
      return diagnostic('source-too-large', `${reader.format.toUpperCase()} source is ${megabytes(bytes.size)}; the limit is ${megabytes(reader.maxBytes ?? LIMITS.source)}`, { file });
    }
    if (bytes.problem === 'outside') return diagnostic('outside-workspace', `source: ${bytes.message}`, { file });
    if (bytes.problem === 'not-a-file') return diagnostic('input-not-a-file', `source: ${bytes.message}`, { file });
    return diagnostic('source-unreadable', `cannot read source: ${bytes.message}`, { file });
  }
  const hash = sha256(bytes);
  let extracted: ExtractedText | undefined;
  const key = cacheKey(reader, hash);
  if (reader.cached) {
    extracted = await cache.get(key);
  }
  if (!extracted) {
    try {
      extracted = await reader.read(bytes, file);
    } catch (error) {
      if (error instanceof ReaderError) return diagnostic(PROBLEM_RULES[error.problem], error.message, { file });
      return diagnostic('source-unreadable', `cannot read ${reader.format} source: ${oneLine(error)}`, { file });
    }
    if (reader.cached) await cache.set(key, extracted);
  }
  // What is checked is what is shown: invisible characters (zero-width, soft hyphens, bidi
  // controls) are not part of a document's text; the map moves with the text.
  const { text, map } = withoutInvisible(extracted.text, extracted.map);
  if (extracted.creator !== undefined && OWN_CREATOR.test(extracted.creator)) {
    return diagnostic('source-own-output', `${name} is a memo this tool wrote (its PDF metadata names briefing); a briefing's own output is never a source, so it was not read`, { file });
  }
  if (text.trim() === '') return diagnostic('source-empty', 'source has no text', { file });
  const found = describeText(text);
  const doc: SourceDocument = { id: documentId(name), name, file, text, format: reader.format, map, sha256: hash, lead: leadOf(text) };
  const title = extracted.title !== undefined ? stripInvisible(extracted.title) : found.title;
  const date = extracted.date ?? found.date;
  if (title !== undefined) doc.title = title;
  if (date !== undefined) doc.date = date;
  return doc;
}

/** The Creator the memo's PDF metadata carries (src/memo/document.ts). */
const OWN_CREATOR = /^briefing$/;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function oneLine(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').trim();
}

const MD_HEADING = /^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$/;

/** Title and date where the text gives them: a date line, a Markdown heading, a headline-like first line. */
export function describeText(text: string): { title?: string; date?: string } {
  const lines = topOf(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const found: { title?: string; date?: string } = {};
  const date = dateOfText(text)?.date;
  if (date !== undefined) found.date = date;
  for (const line of lines.slice(0, 10)) {
    if (isDateLine(line)) continue;
    const heading = MD_HEADING.exec(line);
    if (heading) {
      found.title = heading[1] as string;
      break;
    }
  }
  if (found.title === undefined) {
    // The first line, or the second when the first is a stray word ("Back", a kicker) or the date line.
    const candidates = lines.filter((l) => !isDateLine(l)).slice(0, 2);
    const first = candidates[0];
    const pick = first !== undefined && first.split(/\s+/).length < 3 ? candidates[1] : first;
    if (pick !== undefined && looksLikeHeadline(pick)) found.title = pick;
  }
  return found;
}

/** The first sentence of the body (after any date line), cut at a word to about 70 characters. */
export function leadOf(text: string): string {
  const lines = topOf(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !isDateLine(l));
  // A dateline names the place and date, not the story.
  if (lines[0] !== undefined) lines[0] = withoutDateline(lines[0]);
  const body = lines.join(' ');
  const sentence = (/^(.*?[.!?])(\s|$)/.exec(body)?.[1] ?? body).replace(/^#+\s*/, '');
  if (sentence.length <= 70) return sentence;
  const cut = sentence.slice(0, 70);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 70).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The start of a text, where a title, a lead or a date line can be: the rest is never looked at
 * (a first line over 140 characters is no headline, a lead is cut to 70), so a 48 MB source is
 * not split, trimmed and joined whole for them.
 */
function topOf(text: string): string {
  return text.length <= 65_536 ? text : text.slice(0, 65_536);
}

function looksLikeHeadline(line: string): boolean {
  if (isDateLine(line)) return false;
  const words = line.split(/\s+/).length;
  return words >= 4 && line.length <= 140 && !/[.;,]$/.test(line);
}
