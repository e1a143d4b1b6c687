// The record of the last check of a workspace, in the user's cache folder (never in the
// workspace): the hash of every input as that check read them, and what it printed. A check whose
// inputs hash the same prints the same again without loading a parser (see check-command.ts).
// One small record per workspace and way of asking (the folder as given, the working folder,
// --json, --templates), the oldest dropped beyond a bound; a record that cannot be read or does
// not look like one is no record. BRIEFING_NO_CACHE=1 turns records off with the other caches.
import { toolFingerprint } from '../cache/fingerprint.js';
import { cacheStore, type BoundedStore } from '../cache/cache-dir.js';
import { computeInputsHash, hashWorkspaceInputs, toolVersion, type WorkspaceInputs } from '../pipeline/inputs-hash.js';
import { sha256 } from '../common/file-hashes.js';
import { templateDirs } from '../template/template-files.js';
import type { Io } from './io.js';
import { limitSettings } from '../inputs/sandbox.js';

/** The command line's part of a check: what it checks and how it prints. */
export interface CheckOptions {
  workspace: string;
  json: boolean;
  templates?: string | undefined;
  /** `--strict`: the support check's warnings are errors. */
  strict?: boolean;
  /** --review FILE: the review page is written there (such a check is never replayed from a record). */
  review?: string;
}

export interface CheckRecord {
  format: typeof FORMAT;
  /** The hash of the check's inputs (see `checkHash`). */
  hash: string;
  /** The logo the theme named: an input the hash covers while the theme's bytes are unchanged. */
  logos: string[];
  exitCode: number;
  /** What the check printed, in order: 1 for stdout, 2 for stderr. */
  writes: [1 | 2, string][];
}

const FORMAT = 1;
const STORE = 'check-records';
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_RECORDS = 64;
/** A check that printed more than this (the --json report of a very large workspace) is not recorded. */
const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export function checkRecords(env: NodeJS.ProcessEnv = process.env): BoundedStore | undefined {
  return cacheStore(STORE, MAX_BYTES, env, MAX_RECORDS);
}

/** The record's file: one per workspace folder, as given, from this working folder, with these options. */
export function recordName(dir: string, options: CheckOptions): string {
  const key = JSON.stringify([dir, options.workspace, process.cwd(), options.json, options.templates ?? null, ...(options.strict ? ['strict'] : [])]);
  return `${sha256(key).slice(0, 32)}.json`;
}

/** The record in `name`, or undefined when there is none, or it cannot be read or is not one. */
export function readRecord(store: BoundedStore, name: string): CheckRecord | undefined {
  const bytes = store.read(name);
  if (!bytes) return undefined;
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<CheckRecord> | null;
    if (!value || value.format !== FORMAT || typeof value.hash !== 'string' || !Number.isInteger(value.exitCode)) return undefined;
    if (!Array.isArray(value.logos) || !value.logos.every((l) => typeof l === 'string')) return undefined;
    const writeOk = (w: unknown) => Array.isArray(w) && w.length === 2 && (w[0] === 1 || w[0] === 2) && typeof w[1] === 'string';
    if (!Array.isArray(value.writes) || !value.writes.every(writeOk)) return undefined;
    return value as CheckRecord;
  } catch {
    return undefined;
  }
}

export function writeRecord(store: BoundedStore, name: string, record: Omit<CheckRecord, 'format'>): void {
  const text = JSON.stringify({ format: FORMAT, ...record });
  if (Buffer.byteLength(text) <= MAX_RECORD_BYTES) store.write(name, text);
}

/** The inputs of a check as they are now (see hashWorkspaceInputs), the theme's logo as `logos` names it. */
export function hashCheckInputs(dir: string, options: CheckOptions, logos: readonly string[]): Promise<WorkspaceInputs> {
  return hashWorkspaceInputs(dir, { templateDirs: templateDirs({ dir }, { templatesDir: options.templates }), logos });
}

/**
 * The hash a record is found by: the inputs, the folder's listing, the tool (version and
 * fingerprint), the Node version, the options, where the check ran (paths are printed relative
 * to it) and SOURCE_DATE_EPOCH (the date every command may use), so that another tool or another
 * way of asking never replays it.
 */
export async function checkHash(dir: string, options: CheckOptions, inputs: WorkspaceInputs, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const [version, fingerprint] = await Promise.all([toolVersion(), toolFingerprint()]);
  const asked = { command: 'check', json: options.json, templates: options.templates ?? null, workspace: options.workspace, dir, cwd: process.cwd(), epoch: env.SOURCE_DATE_EPOCH ?? null, ...limitsAsked(env), ...(options.strict ? { strict: true } : {}) };
  const extra = [`node ${process.version} ${process.platform} ${process.arch}`, ...inputs.other];
  return computeInputsHash({ version, fingerprint, date: 'none', options: asked, ws: inputs, inputs: inputs.inputs, extra });
}

/** The readers' limits the environment sets (a source over a limit is an error under one setting, read under another). */
function limitsAsked(env: NodeJS.ProcessEnv): { limits?: string[] } {
  const limits = limitSettings(env);
  return limits.length > 0 ? { limits } : {};
}

/** Whether two readings of the inputs agree on everything but the theme's logo. */
export function sameInputs(a: WorkspaceInputs, b: WorkspaceInputs): boolean {
  const lines = (h: WorkspaceInputs) =>
    JSON.stringify([h.documents, h.summarySha256 ?? null, h.inputs.templates, h.inputs.theme.slice(0, 1), h.other.filter((l) => !l.startsWith('logo '))]);
  return lines(a) === lines(b);
}

/** An Io that also keeps what is printed, in order. */
export function recordingIo(io: Io): { io: Io; writes: [1 | 2, string][] } {
  const writes: [1 | 2, string][] = [];
  return {
    writes,
    io: {
      stdout: (text) => {
        writes.push([1, text]);
        io.stdout(text);
      },
      stderr: (text) => {
        writes.push([2, text]);
        io.stderr(text);
      },
    },
  };
}

export function replay(record: CheckRecord, io: Io): number {
  for (const [stream, text] of record.writes) (stream === 1 ? io.stdout : io.stderr)(text);
  return record.exitCode;
}
