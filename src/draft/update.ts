// briefing draft --update: proposals from new or changed documents appended to each section of
// briefing.yaml as text, so every curated line and comment stays byte-identical.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Manifest } from '../pipeline/manifest.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../inputs/sources.js';
import type { DraftSectionKey, Entry } from './compose.js';
import { citeKey, type DraftOptions } from './draft.js';
import { foldQuote } from '../verify/match.js';
import { decorateItems, SECTION_COMMENTS } from './write.js';
import { aliasProblem, LIMITS } from '../inputs/sandbox.js';

type ProposalSection = Exclude<DraftSectionKey, 'takeaways'>;
const SECTIONS: ProposalSection[] = ['investment', 'friction', 'alternatives', 'outlook', 'conflicts'];

type Proposer = (
  documents: SourceDocument[],
  only: ReadonlySet<string>,
  alreadyCited: ReadonlySet<string>,
  options: DraftOptions,
) => Promise<Record<ProposalSection, Entry[]>>;

export interface UpdateResult {
  text: string;
  diagnostics: Diagnostic[];
  /** What was done, for stderr. */
  messages: string[];
}

/**
 * The documents to propose from, each with why: those new or changed since the build whose
 * manifest is given (by sha256), and those no statement cites, whatever builds recorded them (a
 * build that saw a document arrive does not make it reviewed).
 */
export function documentsToPropose(documents: SourceDocument[], manifest: Manifest | undefined, cited: ReadonlySet<string>): Map<string, 'uncited' | 'changed'> {
  const why = new Map<string, 'uncited' | 'changed'>();
  const before = manifest ? new Map(manifest.inputs.documents.map((d) => [d.id, d.sha256])) : undefined;
  for (const d of documents) {
    if (before && before.get(d.id) !== d.sha256) why.set(d.id, 'changed');
    else if (!cited.has(d.id)) why.set(d.id, 'uncited');
  }
  return why;
}

/** "005 and 007 (cited by no statement), 004 (changed since the build recorded in out/build.json)". */
function basisOf(why: ReadonlyMap<string, 'uncited' | 'changed'>, manifestFile: string, manifest: boolean): string {
  const ids = (reason: string) => [...why].filter(([, r]) => r === reason).map(([id]) => id).sort();
  const parts: string[] = [];
  const uncited = ids('uncited');
  const changed = ids('changed');
  if (uncited.length > 0) parts.push(`${joinAnd(uncited)} (cited by no statement)`);
  if (changed.length > 0) parts.push(`${joinAnd(changed)} (${manifest ? `new or changed since the build recorded in ${manifestFile}` : 'changed'})`);
  return parts.join(' and ');
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whether an entry quotes a passage the summary already cites: the same passage, or one inside
 * or around it (folded as the verifier folds quotes), so that a proposal is never offered twice.
 */
function citesCitedPassage(entry: Entry, cited: ReadonlyMap<string, string[]>): boolean {
  const v = entry.value as { cite?: { doc: string; quote: string }[]; sides?: { cite: { doc: string; quote: string }[] }[] };
  const cites = [...(v.cite ?? []), ...(v.sides ?? []).flatMap((s) => s.cite)];
  return cites.some((c) => {
    const quote = foldQuote(c.quote);
    return (cited.get(String(c.doc)) ?? []).some((q) => q.includes(quote) || quote.includes(q));
  });
}

export async function proposalsIntoYaml(
  text: string,
  file: string,
  documents: SourceDocument[],
  manifest: Manifest | undefined,
  manifestFile: string,
  options: DraftOptions,
  propose: Proposer,
): Promise<UpdateResult> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const error = doc.errors[0];
    const pos = error ? lineCounter.linePos(error.pos[0]) : { line: 1, col: 1 };
    const message = error ? `cannot update: ${error.message.split('\n')[0]}` : 'cannot update: the summary is not a mapping of keys';
    return { text, diagnostics: [diagnostic('yaml-syntax', message, { file, line: pos.line, column: pos.col })], messages: [] };
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases }) as Record<string, unknown>;
  } catch (error) {
    return { text, diagnostics: [diagnostic('yaml-syntax', `cannot update: ${aliasProblem(error) ?? (error as Error).message.split('\n')[0]}`, { file, line: 1, column: 1 })], messages: [] };
  }
  const alreadyCited = citationsOf(data);
  const citedDocs = new Set([...alreadyCited].map((k) => k.split('\u0000')[0] as string));
  const why = documentsToPropose(documents, manifest, citedDocs);
  const only = new Set(why.keys());
  if (only.size === 0) {
    const none = manifest ? `every document is cited, and none is new or changed since the build recorded in ${manifestFile}` : `every document is cited (and no ${manifestFile} says which changed)`;
    return { text, diagnostics: [], messages: [`${file}: nothing to propose: ${none}`] };
  }
  const basis = basisOf(why, manifestFile, manifest !== undefined);
  const citedPassages = new Map<string, string[]>();
  for (const key of alreadyCited) {
    const [docId, quote] = key.split('\u0000') as [string, string];
    citedPassages.set(docId, [...(citedPassages.get(docId) ?? []), foldQuote(quote)]);
  }
  const drafted = await propose(documents, only, alreadyCited, options);
  const proposals = Object.fromEntries(SECTIONS.map((section) => [section, drafted[section].filter((e) => !citesCitedPassage(e, citedPassages))])) as Record<ProposalSection, Entry[]>;
  let updated = text;
  const counts: string[] = [];
  // Insert from the end of the file backwards, so earlier offsets stay valid.
  const edits: { at: number; remove: number; insert: string }[] = [];
  const top = doc.contents as YAMLMap;
  for (const section of SECTIONS) {
    const entries = proposals[section];
    if (entries.length === 0) continue;
    counts.push(`${entries.length} ${section}`);
    const pair = (top.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === section);
    edits.push(sectionEdit(text, lineCounter, pair, section, entries));
  }
  edits.sort((a, b) => b.at - a.at);
  for (const e of edits) updated = updated.slice(0, e.at) + e.insert + updated.slice(e.at + e.remove);
  const messages =
    counts.length === 0
      ? [`${file}: nothing to propose from ${basis}: no statement found that the summary does not already cite`]
      : [`${file}: proposed ${counts.join(', ')} from ${basis}; each is marked "proposed from …: review"`];
  return { text: updated, diagnostics: [], messages };
}

/** Where and what to insert for one section: after its last item, or a new section at the end. */
function sectionEdit(text: string, lc: LineCounter, pair: Pair<Node, Node | null> | undefined, section: ProposalSection, entries: Entry[]): { at: number; remove: number; insert: string } {
  if (pair && isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0 && pair.value.range) {
    const seq = pair.value;
    const firstItem = seq.items[0] as Node;
    const itemStart = firstItem.range?.[0] ?? seq.range?.[0] ?? 0;
    // The column of the "- " that starts each item.
    const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
    const dash = text.slice(lineStart, itemStart).lastIndexOf('-');
    const indent = ' '.repeat(Math.max(0, dash));
    const lastItem = seq.items[seq.items.length - 1] as Node;
    const end = lastItem.range?.[1] ?? seq.range?.[1] ?? text.length;
    const at = endOfLine(text, Math.max(0, end - 1));
    return { at, remove: 0, insert: `\n${itemsText(entries, indent)}`.replace(/\n$/, '') };
  }
  const body = `${itemsText(entries, '  ')}`;
  const comment = SECTION_COMMENTS[section].split('\n').map((l) => `#${l}`).join('\n');
  if (pair && pair.value && isSeq(pair.value) && pair.value.items.length === 0 && pair.value.range) {
    // `section: []`: the empty list becomes a block list.
    const [from, to] = pair.value.range;
    return { at: from, remove: to - from, insert: `\n${body}`.replace(/\n$/, '') };
  }
  if (pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null))) {
    const keyEnd = (pair.key as Node).range?.[1] ?? 0;
    const at = endOfLine(text, keyEnd);
    return { at, remove: 0, insert: `\n${body}`.replace(/\n$/, '') };
  }
  void lc;
  const lead = text.endsWith('\n') ? '' : '\n';
  return { at: text.length, remove: 0, insert: `${lead}\n${comment}\n${section}:\n${body}` };
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** The entries as block list items, each with its "proposed from" comment, indented. */
function itemsText(entries: Entry[], indent: string): string {
  const doc = new Document(entries.map((e) => e.value));
  decorateItems(doc.contents as YAMLSeq, entries, 'proposed');
  return doc
    .toString({ lineWidth: 0 })
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

function citationsOf(data: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((typeof o.doc === 'string' || typeof o.doc === 'number') && typeof o.quote === 'string') keys.add(citeKey(String(o.doc), o.quote));
      else Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return keys;
}
