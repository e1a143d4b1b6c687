// briefing.yaml read once per text: the YAML library's result (the summary's data, before the
// schema) and the positions of its nodes, kept in the user's cache folder by the sha256 of the
// text and the tool's fingerprint. Parsing YAML is the slowest step of a check (about a
// microsecond a byte, ~40 ms for the seeds' 33 KB even in a warm process); a check or a build of a
// summary read before (after an edit of a source, or a build after a check) takes the entry
// instead. The schema still checks the data every time, and a cached locator answers exactly as
// the live one (test/summary-cache.test.ts compares them on every path of several documents).
import { deserialize, serialize } from 'node:v8';
import { isCollection, isMap, isNode, isScalar, isSeq, LineCounter, type Document } from 'yaml';
import { cacheStore, type BoundedStore } from '../cache/cache-dir.js';
import { toolFingerprint } from '../cache/fingerprint.js';
import { offsetLocator, type Locator, type YamlPath } from '../diagnostics/yaml-locator.js';
import { sha256 } from '../common/file-hashes.js';
import { pushAll } from '../common/arrays.js';

/** Where a node is: its start offset, and for a collection its entries. */
export interface NodePlaces {
  /** Offset of the node's first character (undefined: not a node, or a node without a range). */
  at?: number;
  /** A mapping's pairs (and a sequence's pair items) in order: key's value, key's offset, value. */
  pairs?: [key: unknown, keyAt: number | undefined, value: NodePlaces][];
  /** A sequence's items. */
  items?: NodePlaces[];
}

/** What the cache keeps of a parsed summary. */
export interface ParsedSummary {
  data: unknown;
  lineStarts: number[];
  places: NodePlaces;
}

const FORMAT = 1;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 200;
/** Larger entries are not kept: reading them would save little over parsing. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** A text this long makes an entry over that size (about twice the text): not even prepared. */
export const MAX_TEXT_KEPT = MAX_ENTRY_BYTES / 2;

/** The places of every node of a parsed document, for a locator that needs no document. */
export function nodePlaces(doc: Document): NodePlaces {
  return placesOf(doc.contents);
}

function placesOf(node: unknown): NodePlaces {
  const places: NodePlaces = {};
  if (isNode(node) && node.range) places.at = node.range[0];
  if (!isCollection(node)) return places;
  const pairs: NonNullable<NodePlaces['pairs']> = [];
  const items: NodePlaces[] = [];
  for (const item of node.items as unknown[]) {
    if (isSeq(node)) items.push(placesOf(item));
    if (item && typeof item === 'object' && 'key' in item && 'value' in item) {
      const { key, value } = item as { key: unknown; value: unknown };
      // Only a scalar key can be named by a path (the YAML library matches keys by their value).
      if (isScalar(key)) pairs.push([key.value, key.range ? key.range[0] : undefined, placesOf(value)]);
    }
  }
  if (isMap(node) || pairs.length > 0) places.pairs = pairs;
  if (isSeq(node)) places.items = items;
  return places;
}

/** The node at `path`, found as the YAML library's `getIn(path, true)` finds it. */
function placesAt(root: NodePlaces, path: YamlPath): NodePlaces | undefined {
  let node: NodePlaces | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    if (node.items) {
      // A sequence takes an index, or a string of one.
      const index = typeof part === 'string' && part !== '' ? Number(part) : part;
      node = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? node.items[index] : undefined;
    } else if (node.pairs) {
      node = node.pairs.find(([key]) => key === part)?.[2];
    } else return undefined;
  }
  return node;
}

/** A locator from cached places, answering as yamlLocator (diagnostics/yaml-locator.ts) does. */
export function placesLocator(parsed: Pick<ParsedSummary, 'lineStarts' | 'places'>, file: string): Locator {
  const lineCounter = new LineCounter();
  pushAll(lineCounter.lineStarts, parsed.lineStarts);
  const keyOffset = (path: YamlPath): number | undefined => {
    if (path.length === 0) return undefined;
    const parent = placesAt(parsed.places, path.slice(0, -1));
    const last = path[path.length - 1];
    return parent?.pairs?.find(([key, keyAt]) => key === last && keyAt !== undefined)?.[1];
  };
  return offsetLocator(file, lineCounter, (path) => placesAt(parsed.places, path)?.at, keyOffset);
}

/** The cache of parsed summaries, or undefined when caching is off. */
export function summaryStore(env: NodeJS.ProcessEnv = process.env): BoundedStore | undefined {
  return cacheStore('summaries', MAX_BYTES, env, MAX_ENTRIES);
}

async function entryName(textSha256: string): Promise<string> {
  return `${sha256(`${await toolFingerprint()}\u0000${textSha256}`).slice(0, 40)}.bin`;
}

export async function readParsedSummary(store: BoundedStore, textSha256: string): Promise<ParsedSummary | undefined> {
  const bytes = store.read(await entryName(textSha256));
  if (!bytes) return undefined;
  try {
    const entry = deserialize(bytes) as { format?: unknown; parsed?: ParsedSummary };
    const parsed = entry.parsed;
    if (entry.format !== FORMAT || !parsed || !Array.isArray(parsed.lineStarts) || typeof parsed.places !== 'object' || parsed.places === null) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

export async function writeParsedSummary(store: BoundedStore, textSha256: string, parsed: ParsedSummary): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = serialize({ format: FORMAT, parsed });
  } catch {
    return;
  }
  if (bytes.length <= MAX_ENTRY_BYTES) store.write(await entryName(textSha256), bytes);
}
