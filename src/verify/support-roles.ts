// Roles: who did what to whom. "B invested in A" against a quote's "A invested in B", "A was
// acquired by B" against "A acquired B". A relation is two names of one clause with a content
// word between them (the verb or its noun: "invested in", "’s investment in"); a passive ("was
// acquired by") turns it round. Relations between partners ("with", "and") have no direction.
import type { Token } from './support-lexicon.js';

interface Name {
  key: string;
  text: string;
  start: number;
  end: number;
}

interface Relation {
  agent: Name;
  patient: Name;
  keys: string[];
  /** The relation as the text writes it, from the first name to the second. */
  written: string;
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', 'got', 'gets']);
/** Words after which two names act together, or across a list: no direction. */
const UNDIRECTED = new Set(['with', 'and', 'or', 'nor', 'alongside', 'between', 'versus', 'vs']);
const MAX_GAP = 8;

function namesOf(tokens: readonly Token[], isName: (t: Token) => boolean): Name[] {
  const names: Name[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i] as Token)) continue;
    let j = i;
    while (j + 1 < tokens.length && isName(tokens[j + 1] as Token) && !/['’]s$/.test((tokens[j] as Token).text)) j++;
    const parts = tokens.slice(i, j + 1);
    names.push({ key: parts.map((t) => t.lower).join(' '), text: parts.map((t) => t.text).join(' '), start: i, end: j + 1 });
    i = j;
  }
  return names;
}

function relationsOf(tokens: readonly Token[], isName: (t: Token) => boolean, keysOf: (t: Token) => string[] | undefined): Relation[] {
  const names = namesOf(tokens, isName);
  const relations: Relation[] = [];
  for (let n = 0; n + 1 < names.length; n++) {
    const first = names[n] as Name;
    const second = names[n + 1] as Name;
    const gap = tokens.slice(first.end, second.start);
    if (gap.length === 0 || gap.length > MAX_GAP) continue;
    if ((tokens[first.start] as Token).segment !== (tokens[second.start] as Token).segment) continue;
    if (gap.some((t) => (t.punct && t.text !== '’' && t.text !== "'") || UNDIRECTED.has(t.lower))) continue;
    const verb = gap.flatMap((t) => keysOf(t) ?? []);
    if (verb.length === 0) continue;
    const passive = gap[gap.length - 1]?.lower === 'by' && gap.some((t) => BE.has(t.lower));
    const written = tokens.slice(first.start, second.end).map((t) => t.text).join(' ');
    relations.push(passive ? { agent: second, patient: first, keys: verb, written } : { agent: first, patient: second, keys: verb, written });
  }
  return relations;
}

function sameRelation(a: Relation, b: Relation): boolean {
  return a.keys.some((k) => b.keys.includes(k));
}

function told(r: Relation): string {
  return `"${r.written}"`;
}

/**
 * A relation of the statement whose roles its quotes give the other way round, and never its way:
 * how the statement and the quote tell it, and the names.
 */
export function swappedRoles(
  statement: readonly Token[],
  quotes: readonly (readonly Token[])[],
  isName: (t: Token) => boolean,
  keysOf: (t: Token) => string | undefined,
): { statement: string; quote: string; words: string[] } | undefined {
  const keys = (t: Token) => {
    const k = keysOf(t);
    return k === undefined ? undefined : [k];
  };
  const own = relationsOf(statement, isName, keys);
  if (own.length === 0) return undefined;
  const theirs = quotes.flatMap((q) => relationsOf(q, isName, keys));
  for (const r of own) {
    const same = theirs.some((q) => q.agent.key === r.agent.key && q.patient.key === r.patient.key && sameRelation(q, r));
    if (same) continue;
    const reversed = theirs.find((q) => q.agent.key === r.patient.key && q.patient.key === r.agent.key && sameRelation(q, r));
    if (reversed) return { statement: told(r), quote: told(reversed), words: [r.agent.text, r.patient.text] };
  }
  return undefined;
}
