// The workspace is a sandbox: every file it names (sources, the summary, the theme, the logo,
// templates), links followed, must be inside it, be a regular file (not /dev/zero, not a FIFO)
// and be no larger than its kind's limit. One table of limits, one reader.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';

const MB = 1024 * 1024;

/** The largest file of each kind a workspace may hold, and the other bounds on what the tool reads. */
export const LIMITS = {
  source: 50 * MB,
  summary: 16 * MB,
  theme: 256 * 1024,
  logo: 5 * MB,
  template: 1 * MB,
  // robustness (issue 21): bounds on what is read or made besides the workspace's files
  /** A build.json read back: the output folder's, a --since file (10,000 statements make about 12 MB). */
  manifest: 64 * MB,
  /** Characters of one document that `find` and `draft` analyse (their language model takes about 3 µs a character). */
  analysedText: 2_000_000,
  /** Text one template may render (the seeds' deck renders 20 KB; 10,000 statements about 15 MB). */
  templateOutput: 128 * MB,
  /** Blocks (`{{#each}}` items, partials) one template may render. */
  templateBlocks: 1_000_000,
  /** Time one template may take to render, in milliseconds. */
  templateMs: 30_000,
  /** Uses of YAML aliases (`*name`) in one YAML file, weighted by what they expand to (the yaml library's maxAliasCount). */
  yamlAliases: 100,
  /**
   * Characters of one text field of the summary (a statement, title, label): a slide holds a few
   * hundred. Checking a statement costs more than linear time in its length (a 1 MB statement
   * took 44 s); 10,000 characters take well under a second.
   */
  summaryText: 10_000,
} as const;

/** The kinds of file read through `readInside`, each with its size limit in LIMITS. */
export type InputKind = 'source' | 'summary' | 'theme' | 'logo' | 'template' | 'manifest';

/**
 * Bounds on what a reader builds from a source, checked as it reads (a small file can inflate
 * or nest without end: a zip bomb, 150,000 pages, 10,000 nested elements). Each can be raised
 * with its environment variable (see `limitVariable`), for a document that is real and large.
 */
export const READER_LIMITS = {
  /**
   * Pages of a PDF. A page of text takes 5–30 ms to read (hidden-text analysis included): a
   * 1,000-page PDF took 9.7 s under load, so 1,000 keeps a source within issue 21's 10 s bound.
   */
  pdfPages: { value: 1_000, unit: 'pages' },
  /** Characters of text extracted from a PDF (its streams are compressed: 100 MB can hold far more). */
  pdfText: { value: 50_000_000, unit: 'characters' },
  /** Characters of text on one PDF page (a dense page holds about 5,000; 200,000 take pdfjs about 2 s). */
  pdfPageText: { value: 200_000, unit: 'characters' },
  /** Entries in a Word document's zip archive. */
  docxEntries: { value: 10_000, unit: 'entries' },
  /**
   * Bytes of the XML parts of a Word document, inflated, in total (media are never inflated): a
   * 1,000-page report has about 8 MB; mammoth holds about 70 bytes of memory for each (1.1 GB
   * for 16 MB).
   */
  docxXml: { value: 10 * MB, unit: 'bytes' },
  /** Depth of a web page's elements (Readability's time grows with its square). */
  htmlDepth: { value: 256, unit: 'levels' },
  /** Elements of a web page (a long encyclopaedia article has about 25,000; 50,000 take 4–9 s). */
  htmlElements: { value: 50_000, unit: 'elements' },
  /** Nesting of a Markdown document's blocks and inlines (block quotes, lists, emphasis). */
  markdownNesting: { value: 100, unit: 'levels' },
  /**
   * Blocks of a Markdown document (paragraphs, list items, block quote lines, headings, table
   * rows), counted on its lines before it is parsed: markdown-it holds about 1.7 KB for each (a
   * list of a million items took 1.7 GB and 10 s); a long report has a few thousand.
   */
  markdownBlocks: { value: 200_000, unit: 'blocks' },
  /**
   * Characters of a Markdown document that open or close inline markup (* _ ` [ ] < ~): each
   * may become a token (one paragraph of a million *a* took 1.2 GB and 10 s); prose has a few
   * hundred.
   */
  markdownMarks: { value: 1_000_000, unit: 'markup characters' },
} as const satisfies Record<string, { value: number; unit: string }>;

export type ReaderLimit = keyof typeof READER_LIMITS;

/** The environment variable that sets a limit: `BRIEFING_LIMIT_PDF_PAGES` for `pdfPages`. */
export function limitVariable(name: ReaderLimit): string {
  return `BRIEFING_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** A limit as the environment sets it (a whole number above 0), else its default. */
export function readerLimit(name: ReaderLimit, env: NodeJS.ProcessEnv = process.env): number {
  const set = env[limitVariable(name)]?.trim();
  return set && /^[1-9]\d{0,14}$/.test(set) ? Number(set) : READER_LIMITS[name].value;
}

/** Why a limit variable that is set cannot be used, for a usage error; undefined when all can. */
export function checkLimitVariables(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of Object.keys(READER_LIMITS) as ReaderLimit[]) {
    const variable = limitVariable(name);
    const set = env[variable];
    // Set but empty counts as unset, as for SOURCE_DATE_EPOCH.
    if (set === undefined || set.trim() === '') continue;
    if (!/^[1-9]\d{0,14}$/.test(set.trim())) return `${variable} must be a whole number above 0, such as ${READER_LIMITS[name].value}; got "${set}"`;
  }
  return undefined;
}

/** Every limit variable that is set, as `NAME=value` lines (what a cached check result depends on). */
export function limitSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  return (Object.keys(READER_LIMITS) as ReaderLimit[]).map(limitVariable).filter((v) => env[v]?.trim()).map((v) => `${v}=${env[v]?.trim()}`);
}

/** "150,000 pages; the limit is 5,000 pages (set BRIEFING_LIMIT_PDF_PAGES=… to raise it)". */
export function overLimit(name: ReaderLimit, found: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${found}; the limit is ${limitAmount(name, readerLimit(name, env))} (set ${limitVariable(name)} to raise it)`;
}

/** An amount in a limit's unit: "5,000 pages", "64 MB". */
export function limitAmount(name: ReaderLimit, amount: number): string {
  const { unit } = READER_LIMITS[name];
  return unit === 'bytes' ? formatBytes(amount) : `${thousands(amount)} ${unit}`;
}

/** 150000 → "150,000", whatever the locale. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export type SandboxProblem =
  | { problem: 'missing'; message: string }
  | { problem: 'outside'; message: string }
  | { problem: 'not-a-file'; message: string }
  | { problem: 'too-large'; message: string; size: number }
  | { problem: 'unreadable'; message: string };

/** "50 MB", "256 KB", "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The bytes of `file`, which the workspace `root` names, or why it may not be read: it must
 * resolve (links followed) inside `root`, be a regular file, and hold at most `LIMITS[kind]`
 * bytes (or `limit`, when a format has a smaller one).
 */
export async function readInside(root: string, file: string, kind: InputKind, limit: number = LIMITS[kind]): Promise<Buffer | SandboxProblem> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'missing', message: 'file not found' };
    return { problem: 'unreadable', message: `cannot read it (${(error as Error).message})` };
  }
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { problem: 'outside', message: `it resolves to ${real}, outside the workspace; only files inside the workspace are read` };
  }
  // Judged on the opened file (O_NONBLOCK: a file swapped for a FIFO after the check cannot make the read hang).
  return readRegularFile(real, kind, { follow: true, limit });
}

/**
 * The bytes of a file, or why not (a workspace's files come through readInside; a build.json
 * or a --since file straight here): it must be a regular file of at most `limit` bytes, judged on the opened file itself (a
 * FIFO or /dev/zero is refused at once, never read). With `follow: false` a symbolic link is
 * not followed (a file of the output folder must not lead out of it).
 */
export async function readRegularFile(file: string, kind: InputKind, options: { follow: boolean; limit?: number } = { follow: true }): Promise<Buffer | SandboxProblem> {
  const limit = options.limit ?? LIMITS[kind];
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (options.follow ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'missing', message: 'file not found' };
    if (code === 'ELOOP') return { problem: 'not-a-file', message: 'it is a symbolic link, which is not followed here' };
    return { problem: 'unreadable', message: `cannot read it (${(error as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: 'not-a-file', message: `it is not a regular file (${kindOf(info)}); only regular files are read` };
    if (info.size > limit) return { problem: 'too-large', size: info.size, message: `it is ${formatBytes(info.size)}; the limit for a ${kind} is ${formatBytes(limit)}` };
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return { problem: 'too-large', size: length, message: `it is larger than the limit for a ${kind} (${formatBytes(limit)})` };
      if (length === buffer.length) return { problem: 'unreadable', message: 'it grew while it was read' };
    }
    return buffer.subarray(0, length);
  } catch (error) {
    return { problem: 'unreadable', message: `cannot read it (${(error as Error).message})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function isProblem(value: Buffer | SandboxProblem): value is SandboxProblem {
  return !Buffer.isBuffer(value);
}

function kindOf(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** A problem as a diagnostic about `what` ("the theme's logo"), at `position`. */
export function problemDiagnostic(what: string, p: SandboxProblem, position: Position): Diagnostic {
  const rule = p.problem === 'outside' ? 'outside-workspace' : p.problem === 'not-a-file' ? 'input-not-a-file' : p.problem === 'too-large' ? 'input-too-large' : 'source-unreadable';
  return diagnostic(rule, `${what}: ${p.message}`, position);
}

/** What a YAML file whose aliases expand beyond LIMITS.yamlAliases is told (the yaml library throws a ReferenceError). */
export function aliasProblem(error: unknown): string | undefined {
  const message = (error as Error)?.message ?? '';
  if (!/alias/i.test(message)) return undefined;
  return `its aliases (*name) expand too far: at most ${LIMITS.yamlAliases} alias uses, weighted by what each expands to, are read (a "billion laughs" document is refused)`;
}

/** Text of a workspace file (UTF-8), or its problem. */
export async function readTextInside(root: string, file: string, kind: InputKind): Promise<string | SandboxProblem> {
  const bytes = await readInside(root, file, kind);
  return isProblem(bytes) ? bytes : bytes.toString('utf8');
}
