// A zod issue → a diagnostic placed at the YAML node it is about, in words a curator reads:
// "missing …", "unknown key … (did you mean …?)", "… must be one of …".
import type * as z from 'zod';
import { didYouMeanHint } from './curator.js';
import { diagnostic, type Diagnostic, type RuleId } from './diagnostic.js';
import type { Locator, YamlPath } from './yaml-locator.js';

export interface IssueContext {
  /** The schema that was parsed (for the keys an unknown key could have meant). */
  schema: z.ZodType;
  locator: Locator;
  /** The data that was parsed (for the value an enum did not accept). */
  data: unknown;
  /** How a path is named in messages ("investment[2].amount", "theme sizes.body"). */
  label(path: YamlPath): string;
}

export function zodIssueDiagnostic(rule: RuleId, issue: z.core.$ZodIssue, context: IssueContext): Diagnostic {
  const { schema, locator, data, label } = context;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = label(path);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    const message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys} in ${where}${didYouMeanHint(issue.keys[0] as string, known)}`;
    return diagnostic(rule, message, locator.at([...path, issue.keys[0] as string], 'key'));
  }
  let message: string;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `missing ${where} (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    const given = valueAt(data, path);
    const hint = typeof given === 'string' ? didYouMeanHint(given, issue.values.map(String)) : '';
    message = `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
  } else {
    message = `${where}: ${issue.message}`;
  }
  return diagnostic(rule, message, locator.at(path));
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
      // A preprocess is a pipe from a transform: the shape is on its way out.
      else if (def.type === 'pipe' && def.in) node = defOf(def.in)?.type === 'transform' && def.out ? def.out : def.in;
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
  out?: unknown;
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
