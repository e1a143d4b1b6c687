// briefing.yaml → Summary, with every diagnostic placed at the YAML node it is about.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { didYouMeanHint, yamlErrorToDiagnostic } from '../diagnostics/curator.js';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { pathLabel } from '../diagnostics/path-label.js';
import { SummarySchema, type Summary } from './summary-schema.js';

export type YamlPath = readonly (string | number)[];

/** Finds the position of a node of the YAML text by its path. */
export interface Locator {
  file: string;
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export interface LoadedSummary {
  summary?: Summary;
  locator: Locator;
  diagnostics: Diagnostic[];
}

export function summaryFromYaml(source: string, file: string): LoadedSummary {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = makeLocator(doc, lineCounter, file);
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<number>();
  for (const error of doc.errors) {
    const d = yamlErrorToDiagnostic(error, source, lineCounter, file, reported);
    if (d) diagnostics.push(d);
  }
  if (diagnostics.length > 0) return { locator, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { locator, diagnostics: [diagnostic('yaml-syntax', firstLine((error as Error).message), { file, line: 1, column: 1 })] };
  }
  const parsed = SummarySchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(schemaDiagnostic(issue, locator, data));
    return { locator, diagnostics: sortByPosition(diagnostics) };
  }
  return { summary: parsed.data, locator, diagnostics };
}

function schemaDiagnostic(issue: z.core.$ZodIssue, locator: Locator, data: unknown): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length > 0 ? pathLabel(path) : 'the summary';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(SummarySchema, path);
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${where}${didYouMeanHint(issue.keys[0] as string, known)}`;
    const keyPath = [...path, issue.keys[0] as string];
    return diagnostic('schema', message, locator.at(keyPath, 'key'));
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `missing ${where} (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    const given = valueAt(data, path);
    const hint = typeof given === 'string' ? didYouMeanHint(given, issue.values.map(String)) : '';
    message = `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
  } else {
    message = `${where}: ${issue.message}`;
  }
  return diagnostic('schema', message, locator.at(path));
}

function makeLocator(doc: Document, lineCounter: LineCounter, file: string): Locator {
  return {
    file,
    at(path, part = 'value') {
      // Walk down as far as the path exists; report the deepest node found.
      for (let depth = path.length; depth >= 0; depth--) {
        const prefix = path.slice(0, depth);
        const offset = part === 'key' && depth === path.length ? keyOffset(doc, prefix) : valueOffset(doc, prefix);
        if (offset !== undefined) {
          const pos = lineCounter.linePos(offset);
          return { file, line: pos.line, column: pos.col };
        }
      }
      return { file };
    },
  };
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

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** The keys an object of the schema allows at a path of the data (array indexes and record keys skipped through). */
export function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  let node: unknown = schema;
  for (let depth = 0; depth <= path.length; depth++) {
    // Unwrap optional, default, nullable and pipes down to the object, array or record.
    for (let guard = 0; guard < 10; guard++) {
      const def = defOf(node);
      if (!def) return [];
      if (def.innerType) node = def.innerType;
      else if (def.type === 'pipe' && def.in) node = def.in;
      else break;
    }
    const def = defOf(node);
    if (!def) return [];
    if (depth === path.length) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    const step = path[depth];
    if (def.type === 'object' && def.shape && typeof step === 'string') node = def.shape[step];
    else if (def.type === 'array' && def.element) node = def.element;
    else if (def.type === 'record' && def.valueType) node = def.valueType;
    else return [];
  }
  return [];
}

interface LooseDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  innerType?: unknown;
  in?: unknown;
}

function defOf(node: unknown): LooseDef | undefined {
  return (node as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}
