// Reading a workspace's source documents: every *.txt and *.md at its top level.
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normalizeSourceText } from './source-text.js';

export interface SourceDocument {
  /** File name up to the first `_`, or the whole stem. */
  id: string;
  /** File name inside the workspace. */
  name: string;
  /** Path as shown to the user (workspace as given + name). */
  file: string;
  /** Normalised text: no BOM, LF line ends, NFC. */
  text: string;
  /** Title found in the text, if any. */
  title?: string;
  /** ISO date found in the text, if any. */
  date?: string;
  /** The opening words of the text, to name a document that has no title. */
  lead: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
}

export const SOURCE_EXTENSIONS = ['.txt', '.md'];

export function documentId(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const cut = stem.indexOf('_');
  return cut > 0 ? stem.slice(0, cut) : stem;
}

export function isSourceFile(fileName: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(fileName).toLowerCase()) && !fileName.startsWith('.');
}

export interface ReadSourcesResult {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
  /** Ids of documents that exist but could not be read: citations of them are not errors of their own. */
  failedIds: Set<string>;
}

/** Read every source of the workspace folder `dir`; `shownDir` is how paths are printed. */
export async function readSources(dir: string, shownDir: string = dir): Promise<ReadSourcesResult> {
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
  for (const e of entries) {
    if (!isSourceFile(e.name)) continue;
    // A link to a file counts as the file.
    if (e.isFile() || (e.isSymbolicLink() && (await stat(path.join(dir, e.name)).catch(() => undefined))?.isFile())) names.push(e.name);
  }
  names.sort(compareCodePoints);
  const byId = new Map<string, string>();
  for (const name of names) {
    const file = path.join(shownDir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name));
    } catch (err) {
      diagnostics.push(diagnostic('source-unreadable', `cannot read source: ${(err as Error).message}`, { file }));
      failedIds.add(documentId(name));
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if (decoded === undefined) {
      diagnostics.push(diagnostic('source-not-utf8', `source is not valid UTF-8; save it as UTF-8`, { file }));
      failedIds.add(documentId(name));
      continue;
    }
    const text = normalizeSourceText(decoded);
    if (text.trim() === '') {
      diagnostics.push(diagnostic('source-empty', 'source has no text', { file }));
      failedIds.add(documentId(name));
      continue;
    }
    const id = documentId(name);
    const previous = byId.get(id);
    if (previous !== undefined) {
      diagnostics.push(
        diagnostic('duplicate-doc-id', `document id "${id}" is used by both ${previous} and ${name}; rename one`, { file }),
      );
      continue;
    }
    byId.set(id, name);
    documents.push({ id, name, file, text, sha256: sha256(bytes), lead: leadOf(text), ...describeText(text) });
  }
  return { documents, diagnostics, failedIds };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const DATE_LINE = /^\s*(?:date|published|dated)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*$/i;
const MD_HEADING = /^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$/;

/** Title and date where the text gives them: a date line, a Markdown heading, a headline-like first line. */
export function describeText(text: string): { title?: string; date?: string } {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const found: { title?: string; date?: string } = {};
  for (const line of lines.slice(0, 10)) {
    const date = DATE_LINE.exec(line);
    if (date && found.date === undefined) {
      found.date = date[1] as string;
      continue;
    }
    const heading = MD_HEADING.exec(line);
    if (heading && found.title === undefined) {
      found.title = heading[1] as string;
      break;
    }
  }
  if (found.title === undefined) {
    // The first line, or the second when the first is a stray word ("Back", a kicker) or the date line.
    const candidates = lines.filter((l) => !DATE_LINE.test(l)).slice(0, 2);
    const first = candidates[0];
    const pick = first !== undefined && first.split(/\s+/).length < 3 ? candidates[1] : first;
    if (pick !== undefined && looksLikeHeadline(pick)) found.title = pick;
  }
  return found;
}

/** The first sentence of the body (after any date line), cut at a word to about 70 characters. */
export function leadOf(text: string): string {
  const body = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !DATE_LINE.test(l))
    .join(' ');
  const sentence = (/^(.*?[.!?])(\s|$)/.exec(body)?.[1] ?? body).replace(/^#+\s*/, '');
  if (sentence.length <= 70) return sentence;
  const cut = sentence.slice(0, 70);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 70).replace(/[\s,;:]+$/, '')}…`;
}

function looksLikeHeadline(line: string): boolean {
  if (DATE_LINE.test(line)) return false;
  const words = line.split(/\s+/).length;
  return words >= 4 && line.length <= 140 && !/[.;,]$/.test(line);
}
