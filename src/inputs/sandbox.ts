// The workspace is a sandbox: every file it names (sources, the summary, the theme, the logo,
// templates), links followed, must be inside it, be a regular file (not /dev/zero, not a FIFO)
// and be no larger than its kind's limit. One table of limits, one reader.
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';

const MB = 1024 * 1024;

/** The largest file of each kind a workspace may hold. */
export const LIMITS = {
  source: 50 * MB,
  summary: 16 * MB,
  theme: 256 * 1024,
  logo: 5 * MB,
  template: 1 * MB,
} as const;

export type InputKind = keyof typeof LIMITS;

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
  const info = await stat(real).catch(() => undefined);
  if (!info) return { problem: 'missing', message: 'file not found' };
  if (!info.isFile()) return { problem: 'not-a-file', message: `it is not a regular file (${kindOf(info)}); only regular files are read` };
  if (info.size > limit) return { problem: 'too-large', size: info.size, message: `it is ${formatBytes(info.size)}; the limit for a ${kind} is ${formatBytes(limit)}` };
  try {
    // O_NONBLOCK: a file swapped for a FIFO after the check cannot make the read hang.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        // It grew past the limit while being read.
        if (length > limit) return { problem: 'too-large', size: length, message: `it is larger than the limit for a ${kind} (${formatBytes(limit)})` };
        if (length === buffer.length) break;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { problem: 'unreadable', message: `cannot read it (${(error as Error).message})` };
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

/** Text of a workspace file (UTF-8), or its problem. */
export async function readTextInside(root: string, file: string, kind: InputKind): Promise<string | SandboxProblem> {
  const bytes = await readInside(root, file, kind);
  return isProblem(bytes) ? bytes : bytes.toString('utf8');
}
