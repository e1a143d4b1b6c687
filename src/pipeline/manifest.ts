// build.json: what a build read, what it wrote, and how every citation resolved.
import path from 'node:path';
import * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
export { toolFingerprint } from '../cache/fingerprint.js';
import { statementsOf, pathLabel } from '../verify/verify.js';
import { citationKey } from '../verify/verify.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { SECTION_KEYS } from '../inputs/summary-schema.js';

export const MANIFEST_FILE = 'build.json';

const FileHash = z.object({ file: z.string(), sha256: z.string() });
const DocumentSchema = FileHash.extend({ id: z.string(), title: z.string() });
const FieldsSchema = z.record(z.string(), z.string());
/**
 * A statement as the change report compares it: `id` is the item's own `id:`, `within` that of
 * the item it is part of (a side's conflict); `fields` its wording field by field ("text",
 * "amount.value", a conflict side's "topic"). Manifests written before ids and fields lack them.
 */
const StatementSchema = z.object({
  path: z.string(),
  text: z.string(),
  citations: z.array(z.string()),
  docs: z.array(z.string()),
  id: z.string().optional(),
  within: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});

export const ManifestSchema = z.object({
  tool: z.object({ name: z.literal('briefing'), version: z.string(), fingerprint: z.string().optional() }),
  /** sha256 over the tool version, the options and every input: equal means up to date. */
  inputsHash: z.string(),
  date: z.string(),
  /** Where the date came from: an up-to-date check that skips parsing the summary needs to know. */
  dateSource: z.enum(['asOf', 'SOURCE_DATE_EPOCH']).optional(),
  /** `since`: the sha256 of the manifest a --since build compared with (only then). */
  /** `preview`: a watch session's build with --changes: it reports its changes but is no baseline (it carries the last one forward). */
  options: z.object({ changes: z.boolean(), pdfa: z.boolean(), templates: z.string().nullable(), since: z.string().optional(), preview: z.boolean().optional() }),
  inputs: z.object({
    documents: z.array(DocumentSchema),
    summary: FileHash,
    templates: z.array(FileHash),
    /** The theme file and the logo it names, when the workspace has them. */
    theme: z.array(FileHash),
  }),
  /** `key` hashes what an output's bytes depend on; an equal key lets the next build keep the file. */
  /** The memo also records its length: every page, and the body's (before the references). */
  outputs: z.array(FileHash.extend({ bytes: z.number(), key: z.string().optional(), pages: z.number().optional(), bodyPages: z.number().optional() })),
  citations: z.array(
    z.object({
      n: z.number(),
      doc: z.string(),
      quote: z.string(),
      verified: z.boolean(),
      start: z.number().optional(),
      end: z.number().optional(),
      line: z.number().optional(),
      page: z.number().optional(),
    }),
  ),
  statements: z.array(StatementSchema),
  /** The summary's fields that are not statements (title, asOf, memo header, headlines, sources), by path. */
  fields: FieldsSchema.optional(),
  /**
   * What a `--changes` build compares with by default: the documents and statements of the last
   * build that reported its changes (or of the first build). A build without `--changes` carries it
   * forward, so what it saw change is still reported by the next `--changes` build. Absent when
   * that is this build itself.
   */
  baseline: z
    .object({
      date: z.string(),
      inputsHash: z.string(),
      /** Whether that build reported its changes (else it was the first build of the folder). */
      reported: z.boolean().optional(),
      documents: z.array(DocumentSchema),
      statements: z.array(StatementSchema),
      fields: FieldsSchema.optional(),
      summarySha256: z.string().optional(),
    })
    .optional(),
  warnings: z.array(z.object({ rule: z.string(), severity: z.string(), message: z.string(), file: z.string().optional(), line: z.number().optional(), column: z.number().optional() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type StatementRecord = Manifest['statements'][number];
/** What a change report compares with: a build's documents and statements. */
export type BuildState = NonNullable<Manifest['baseline']>;

/** A manifest's own state, as a later build compares with it. */
export function stateOf(manifest: Manifest): BuildState {
  const state: BuildState = {
    date: manifest.date,
    inputsHash: manifest.inputsHash,
    reported: manifest.options.changes && manifest.options.preview !== true,
    documents: manifest.inputs.documents,
    statements: manifest.statements,
    summarySha256: manifest.inputs.summary.sha256,
  };
  if (manifest.fields) state.fields = manifest.fields;
  return state;
}

import type { InputFiles } from './inputs-hash.js';
import { PARSE_ONCE } from '../diagnostics/zod-once.js';
import { isProblem, readRegularFile } from '../inputs/sandbox.js';
import { sha256 } from '../common/file-hashes.js';
export { computeInputsHash, toolVersion, type InputFiles } from './inputs-hash.js';

/** Every statement with its wording, identity and the citations it rests on, for the change report. */
export function statementRecords(ws: VerifiedWorkspace): StatementRecord[] {
  if (!ws.summary) return [];
  const summary = ws.summary;
  return statementsOf(summary).map((s) => {
    const record: StatementRecord = {
      path: pathLabel(s.path),
      text: wording(s.fields.map((f) => f.value).join(' · ')),
      citations: s.cite.map((c) => citationKey(c).replace('\u0000', ': ')),
      docs: [...new Set(s.cite.map((c) => c.doc))].sort(),
    };
    const identity = itemIdentity(summary, s.path);
    if (identity.id !== undefined) record.id = identity.id;
    if (identity.within !== undefined) record.within = identity.within;
    record.fields = identity.fields;
    return record;
  });
}

/**
 * The item at `path` and the items it is part of: its own id, the id of the nearest enclosing
 * item, and its wording, field by field: its own scalar fields (an object's by dotted path:
 * "amount.value") and those of the items around it ("topic" for a conflict's side). Citations,
 * ids and lists are not wording.
 */
export function itemIdentity(summary: unknown, path: readonly (string | number)[]): { id?: string; within?: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const ids: string[] = [];
  let node: unknown = summary;
  for (let depth = 0; depth < path.length; depth++) {
    node = (node as Record<string | number, unknown> | undefined)?.[path[depth] as string | number];
    if (depth === 0 || node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    const item = node as Record<string, unknown>;
    if (typeof item.id === 'string') ids.push(item.id);
    const own = depth === path.length - 1;
    flatten(item, '', fields, own);
  }
  const identity: { id?: string; within?: string; fields: Record<string, string> } = { fields };
  const item = node as Record<string, unknown> | undefined;
  const ownId = typeof item?.id === 'string' ? item.id : undefined;
  if (ownId !== undefined) identity.id = ownId;
  const enclosing = ownId !== undefined ? ids.slice(0, -1) : ids;
  if (enclosing.length > 0) identity.within = enclosing[enclosing.length - 1] as string;
  return identity;
}

/** Wording as a reader sees it: composed (NFC), white space as single spaces; so an editor's re-encoding or re-wrapping is no change. */
function wording(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Scalar fields by dotted path; nested objects only for the item itself (an enclosing item gives its own scalars). */
function flatten(value: Record<string, unknown>, prefix: string, into: Record<string, string>, nested: boolean): void {
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id' || key === 'cite' || v === undefined || v === null || Array.isArray(v)) continue;
    if (typeof v === 'object') {
      if (nested) flatten(v as Record<string, unknown>, `${prefix}${key}.`, into, true);
    } else into[`${prefix}${key}`] = wording(String(v));
  }
}

/** Keys of the summary whose values are statements (recorded apart, with their citations). */
const STATEMENT_SECTIONS = new Set<string>(SECTION_KEYS);

/** The summary's other fields, flattened by path ("title", "memo.to", "sources.001.title"). */
export function summaryFields(ws: VerifiedWorkspace): Record<string, string> {
  const fields: Record<string, string> = {};
  const walk = (value: unknown, at: string) => {
    if (value === undefined || value === null) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
      return;
    }
    fields[at] = String(value);
  };
  for (const [key, value] of Object.entries(ws.summary ?? {})) if (!STATEMENT_SECTIONS.has(key)) walk(value, key);
  // An audience of one line is recorded as one line, as before it could be more (no change to report).
  if (fields['audience.who'] !== undefined && Object.keys(fields).filter((k) => k.startsWith('audience.')).length === 1) {
    fields.audience = fields['audience.who'];
    delete fields['audience.who'];
  }
  return fields;
}

/**
 * The manifest's own hash: sha256 over its content (every field but `checksum`, as compact JSON,
 * in the order written). A build writes it last in build.json; a manifest read back is used only
 * when it holds, so an edited, truncated or hand-made build.json is never taken for a build's
 * record (a --since baseline, the previous build of an up-to-date check). It proves integrity,
 * not authorship: anyone can compute it, but no edit goes unnoticed by accident.
 */
function manifestChecksum(content: unknown): string {
  return sha256(`briefing-manifest\n${JSON.stringify(content)}`);
}

/** build.json's text: the manifest with its checksum, as the last field. */
export function manifestText(manifest: Manifest): string {
  const sealed = { ...manifest, checksum: manifestChecksum(manifest) };
  return `${JSON.stringify(sealed, null, 2)}\n`;
}

/** A manifest from build.json's text, or why it is not one this tool wrote and left as it was. */
export function manifestFromText(text: string): { manifest: Manifest } | { problem: 'not-json' | 'not-a-manifest' | 'checksum' } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'not-json' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: 'not-a-manifest' };
  const { checksum, ...content } = raw as Record<string, unknown>;
  const parsed = ManifestSchema.safeParse(content, PARSE_ONCE);
  if (!parsed.success) return { problem: 'not-a-manifest' };
  if (typeof checksum !== 'string' || checksum !== manifestChecksum(content)) return { problem: 'checksum' };
  return { manifest: parsed.data };
}

/** The output folder's build.json, when it is a regular file (a link is not followed), within its size limit, and whole. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const bytes = await readRegularFile(path.join(outDir, MANIFEST_FILE), 'manifest', { follow: false });
  if (isProblem(bytes)) return undefined;
  const read = manifestFromText(bytes.toString('utf8'));
  return 'manifest' in read ? read.manifest : undefined;
}

/** The manifest of a build, but for its outputs. */
export function manifestOf(parts: {
  ws: VerifiedWorkspace;
  version: string;
  fingerprint: string;
  inputsHash: string;
  date: Date;
  dateSource: 'asOf' | 'SOURCE_DATE_EPOCH';
  options: Manifest['options'];
  inputs: InputFiles;
  current: Manifest['statements'];
  diagnostics: Diagnostic[];
}): Manifest {
  const { ws } = parts;
  return {
    tool: { name: 'briefing', version: parts.version, fingerprint: parts.fingerprint },
    inputsHash: parts.inputsHash,
    date: parts.date.toISOString(),
    dateSource: parts.dateSource,
    options: parts.options,
    inputs: {
      documents: ws.documents.map((d) => ({ id: d.id, file: d.name, title: d.title, sha256: d.sha256 })),
      summary: { file: path.basename(ws.summaryFile), sha256: ws.summarySha256 ?? '' },
      templates: parts.inputs.templates,
      theme: parts.inputs.theme,
    },
    outputs: [],
    citations: (ws.verification?.citations ?? []).map((c) => {
      const entry: Manifest['citations'][number] = { n: c.n, doc: c.doc, quote: c.quote, verified: c.verified };
      if (c.start !== undefined) Object.assign(entry, { start: c.start, end: c.end, line: c.line }, c.page !== undefined ? { page: c.page } : {});
      return entry;
    }),
    statements: parts.current,
    fields: summaryFields(ws),
    warnings: parts.diagnostics.filter((d) => d.severity === 'warning'),
  };
}
