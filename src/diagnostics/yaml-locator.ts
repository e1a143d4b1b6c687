// Where a node of a YAML (or JSON) text is: a path of keys and indexes → file, line and column.
// The summary and the theme both place their diagnostics with it.
import { isNode, type Document, type LineCounter } from 'yaml';
import type { Position } from './diagnostic.js';

export type YamlPath = readonly (string | number)[];

/** Finds the position of a node of the YAML text by its path. */
export interface Locator {
  file: string;
  /** The node at `path` (its key with part "key"), or the deepest node on the way that exists. */
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

/** A locator for a parsed document; `lineCounter` must be the one given to the parser. */
export function yamlLocator(doc: Document, lineCounter: LineCounter, file: string): Locator {
  return offsetLocator(file, lineCounter, (path) => valueOffset(doc, path), (path) => keyOffset(doc, path));
}

/**
 * A locator from two ways of finding a node's offset in the text (of its value; of its key):
 * the node at the path, else the deepest node on the way that exists.
 */
export function offsetLocator(
  file: string,
  lineCounter: LineCounter,
  valueAt: (path: YamlPath) => number | undefined,
  keyAt: (path: YamlPath) => number | undefined,
): Locator {
  return {
    file,
    at(path, part = 'value') {
      for (let depth = path.length; depth >= 0; depth--) {
        const prefix = path.slice(0, depth);
        const offset = part === 'key' && depth === path.length ? keyAt(prefix) : valueAt(prefix);
        if (offset !== undefined) {
          const pos = lineCounter.linePos(offset);
          return { file, line: pos.line, column: pos.col };
        }
      }
      return { file };
    },
  };
}

/** A locator that knows only the file (a text parsed without positions, such as JSON). */
export function fileLocator(file: string): Locator {
  return { file, at: () => ({ file }) };
}

function valueOffset(doc: Document, path: YamlPath): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function keyOffset(doc: Document, path: YamlPath): number | undefined {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  const last = path[path.length - 1];
  if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    for (const item of parent.items as unknown[]) {
      if (item && typeof item === 'object' && 'key' in item) {
        const key = (item as { key: unknown }).key;
        if (isNode(key) && (key as { value?: unknown }).value === last && key.range) return key.range[0];
      }
    }
  }
  return undefined;
}
