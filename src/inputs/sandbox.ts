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
} as const;

/** The kinds of file read through `readInside`, each with its size limit in LIMITS. */
export type InputKind = 'source' | 'summary' | 'theme' | 'logo' | 'template' | 'manifest';

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
