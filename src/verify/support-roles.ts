// Roles: who did what to whom. "B invested in A" against a quote's "A invested in B", "A was
// acquired by B" against "A acquired B", "A had been B's publisher" against "B had been A's
// publisher", and who does a thing at all ("Carrow would contribute" where the quotes say "Andes
// Metals would contribute"). A relation is two names of one clause with a content word between
// them (the verb or its noun: "invested in", "’s investment in"), or after the second name when it
// is a possessive ("B's publisher"); a passive ("was acquired by") turns it round. Names joined by
// "and", "or" or a list act alike, and so does a name after "including" or "such as" with the
// name before it. An appositive between a name and its verb ("Pixelforge, the studio behind X,
// was acquired by …") is read past. Relations between partners ("with", "between") have no direction.
import { isAdverb, lemmaOf, type Token } from './support-lexicon.js';
import { pushAll } from '../common/arrays.js';

/** A text's tokens with the keys of each (lemma and equivalence keys; empty for words without content). */
export interface RoleText {
  tokens: readonly Token[];
  keys: readonly (readonly string[])[];
}

interface Name {
  key: string;
  text: string;
  /** Positions in the reading (appositives left out), first and past the last. */
  start: number;
  end: number;
  possessive: boolean;
  /** A noun phrase after "the" ("the trust"), not a name: a party of a relation, never a subject of its own. */
  phrase?: boolean;
}

interface Relation {
  agent: Name;
  patient: Name;
  keys: readonly string[];
  /** The relation as the text writes it, from the first name to the second. */
  written: string;
}

/** Who does a thing, without whom it is done to: "Andes Metals would contribute". */
interface Subject {
  name: Name;
  keys: readonly string[];
  passive: boolean;
  written: string;
  /** The keys of the clause's words after the verb (the names there are what it is done to or with). */
  after: readonly Name[];
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', 'got', 'gets']);
/** Words after which two names act together, or across a list: no direction. */
const UNDIRECTED = new Set(['with', 'and', 'or', 'nor', 'alongside', 'between', 'versus', 'vs', 'against']);
/** Words that join names into one group: "A and B", "A, B and C". */
const JOINING = new Set(['and', 'or', ',', '&']);
/** Words that make the name after them one of the names (or the things) before them: "confectioners, including Ambrosa". */
const INCLUDING = new Set(['including', 'like', 'notably', 'especially']);
/** Words that open an appositive or a relative clause after a comma: "Pixelforge, the studio behind …,". */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'which', 'who', 'whose', 'one', 'itself']);
/** Function words a verb group may have between its subject and its verb: "would also contribute", "has been acquired". */
const VERB_GROUP = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'been', 'being', 'be', 'will', 'would', 'could', 'may', 'might', 'should', 'can', 'must', 'shall', 'also', 'then', 'now', 'still', 'already', 'not', 'never', 'did', 'does', 'do']);
const MAX_GAP = 8;
const MAX_APPOSITIVE = 14;

const POSSESSIVE = /['’]s?$/;

/** The tokens as read for roles: appositives and relative clauses after a name left out, and "X's rival, Y," read as "Y". */
function reading(tokens: readonly Token[], isName: (t: Token) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const previous = out[out.length - 1];
    const close = t.text === ',' && previous !== undefined ? closingComma(tokens, i) : undefined;
    if (close !== undefined && previous !== undefined) {
      const opener = tokens[i + 1] as Token;
      if (isName(previous) && APPOSITIVE_OPENERS.has(opener.lower)) {
        i = close;
        continue;
      }
      // "Harbourline's rival, Nordsund Lines, was fined": the name in commas is who the clause is about.
      const head = close > i + 1 && tokens.slice(i + 1, close).every((n) => isName(n)) ? headStart(out, isName) : undefined;
      if (head !== undefined) {
        out.length = head;
        pushRange(out, tokens, i + 1, close);
        i = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function pushRange(out: Token[], tokens: readonly Token[], from: number, to: number): void {
  for (let k = from; k < to; k++) out.push(tokens[k] as Token);
}

/** The comma that closes an appositive opened at `i`, in the same sentence and not too far; else undefined. */
function closingComma(tokens: readonly Token[], i: number): number | undefined {
  const segment = (tokens[i] as Token).segment;
  for (let k = i + 1; k < tokens.length && k <= i + MAX_APPOSITIVE; k++) {
    const t = tokens[k] as Token;
    if (t.segment !== segment) return undefined;
    if (t.text === ',') return k;
    if (t.punct && t.text !== '’' && t.text !== "'") return undefined;
  }
  return undefined;
}

/** Where "X's rival" starts at the end of what has been read: a possessive name and a noun or two after it; else undefined. */
function headStart(out: readonly Token[], isName: (t: Token) => boolean): number | undefined {
  for (let k = out.length - 2; k >= 0 && k >= out.length - 4; k--) {
    const t = out[k] as Token;
    if (t.punct) return undefined;
    if (isName(t) && POSSESSIVE.test(t.text)) {
      let start = k;
      while (start > 0 && isName(out[start - 1] as Token) && !(out[start - 1] as Token).punct) start--;
      return start;
    }
  }
  return undefined;
}

/** How many words a noun phrase after "the" may have ("the regional health authority"). */
const PHRASE_WORDS = 3;

/**
 * A noun phrase after "the" at `i` that names a party ("the trust", "the regional health
 * authority"): lower-case content words, the first always, each next one unless it reads as a
 * finite verb ("the trust fined"); ends at a possessive. Undefined when there is none.
 */
function phraseAt(tokens: readonly Token[], i: number, isName: (t: Token) => boolean, content: (t: Token) => boolean): Name | undefined {
  if ((tokens[i] as Token).lower !== 'the') return undefined;
  const isWord = (t: Token | undefined): t is Token => t !== undefined && !t.punct && !t.digit && !t.capital && !isName(t) && content(t);
  if (!isWord(tokens[i + 1])) return undefined;
  let j = i + 1;
  while (j - i < PHRASE_WORDS && !POSSESSIVE.test((tokens[j] as Token).text) && isWord(tokens[j + 1]) && !finite(tokens[j + 1] as Token)) j++;
  const parts = tokens.slice(i + 1, j + 1);
  return { key: parts.map((t) => t.lower).join(' '), text: parts.map((t) => t.text).join(' '), start: i + 1, end: j + 1, possessive: POSSESSIVE.test((tokens[j] as Token).text), phrase: true };
}

function namesOf(tokens: readonly Token[], isName: (t: Token) => boolean, content?: (t: Token) => boolean): Name[] {
  const names: Name[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = content ? phraseAt(tokens, i, isName, content) : undefined;
    if (phrase) {
      names.push(phrase);
      i = phrase.end - 1;
      continue;
    }
    if (!isName(tokens[i] as Token)) continue;
    let j = i;
    for (;;) {
      const here = tokens[j] as Token;
      if (POSSESSIVE.test(here.text)) break;
      const next = tokens[j + 1];
      if (next && isName(next)) {
        j++;
        continue;
      }
      // "University of Brelin", "Bank of Spain": one name across "of" (not "CEO of Acme").
      if (next?.lower === 'of' && !here.acronym && tokens[j + 2] && isName(tokens[j + 2] as Token) && !(tokens[j + 2] as Token).acronym) {
        j += 2;
        continue;
      }
      break;
    }
    const parts = tokens.slice(i, j + 1);
    names.push({ key: parts.map((t) => t.lower).join(' '), text: parts.map((t) => t.text).join(' '), start: i, end: j + 1, possessive: POSSESSIVE.test((tokens[j] as Token).text) });
    i = j;
  }
  return names;
}

/** Whether two names name the same one: as written, or one the start or the end of the other ("Northlight" and "Northlight Games", "Jane Roe" and "CEO Jane Roe"). */
function sameName(a: Name, b: Name): boolean {
  return a.key === b.key || a.key.startsWith(`${b.key} `) || b.key.startsWith(`${a.key} `) || a.key.endsWith(` ${b.key}`) || b.key.endsWith(` ${a.key}`);
}

/** Groups of names that act alike: joined by "and", "or", a list, or "including". */
function groupsOf(tokens: readonly Token[], names: readonly Name[]): Name[][] {
  const groups: Name[][] = [];
  names.forEach((name, n) => {
    const previous = names[n - 1];
    if (previous && (tokens[previous.start] as Token).segment === (tokens[name.start] as Token).segment) {
      const gap = tokens.slice(previous.end, name.start);
      const joined = gap.length > 0 && gap.every((t) => JOINING.has(t.lower));
      const including = gap.length > 0 && gap.length <= 4 && INCLUDING.has((gap[gap.length - 1] as Token).lower) && gap.slice(0, -1).every((t) => !t.punct || t.text === ',');
      const suchAs = gap.length >= 2 && gap[gap.length - 2]?.lower === 'such' && gap[gap.length - 1]?.lower === 'as';
      if (joined || including || suchAs) {
        (groups[groups.length - 1] as Name[]).push(name);
        return;
      }
    }
    groups.push([name]);
  });
  return groups;
}

/**
 * The keys of the relation's head: its verb between the names, else the first content word there
 * that is no adverb ("invested", "investment", "acquired"). Not every word of the gap: "received a donation from"
 * and "donated to" share "donation" but say it the other way round.
 */
function headKeys(text: RoleText, tokens: readonly Token[], from: number, to: number): string[] {
  let first: readonly string[] | undefined;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const keys = text.keys[t.index] ?? [];
    if (keys.length === 0 || isAdverb(t.lower)) continue;
    // The verb, when there is one ("council sued": "sued"), else the first word ("investment in").
    const previous = tokens[k - 1];
    if (finite(t) || (previous !== undefined && VERB_GROUP.has(previous.lower))) return [...keys];
    first ??= keys;
  }
  return first ? [...first] : [];
}

function relationsOf(text: RoleText, isName: (t: Token) => boolean): { relations: Relation[]; subjects: Subject[] } {
  const tokens = reading(text.tokens, isName);
  const names = namesOf(tokens, isName, (t) => (text.keys[t.index]?.length ?? 0) > 0);
  const groups = groupsOf(tokens, names);
  const relations = relationsAmong(text, tokens, groups, isName);
  // Between names across a noun phrase too: "A loaned the striker to B" relates A and B.
  if (names.some((n) => n.phrase)) pushAll(relations, relationsAmong(text, tokens, groupsOf(tokens, names.filter((n) => !n.phrase)), isName));
  return { relations, subjects: subjectsOf(text, tokens, groups, names) };
}

/** Words a passive's "by" may have after it before its agent ("was fined by the authority"). */
const AFTER_BY = new Set(['the', 'a', 'an']);

/** The relations of each two groups of parties in a row. */
function relationsAmong(text: RoleText, tokens: readonly Token[], groups: readonly Name[][], isName: (t: Token) => boolean): Relation[] {
  const relations: Relation[] = [];
  for (let g = 0; g + 1 < groups.length; g++) {
    const firsts = groups[g] as Name[];
    const seconds = groups[g + 1] as Name[];
    const first = firsts[firsts.length - 1] as Name;
    const second = seconds[0] as Name;
    const gap = tokens.slice(first.end, second.start);
    if (gap.length === 0 || gap.length > MAX_GAP) continue;
    if ((tokens[first.start] as Token).segment !== (tokens[second.start] as Token).segment) continue;
    if (gap.some((t) => (t.punct && t.text !== '’' && t.text !== "'") || UNDIRECTED.has(t.lower))) continue;
    const verb = headKeys(text, tokens, first.end, second.start);
    // "A had been B's publisher": the noun after a possessive says the relation.
    if (second.possessive) {
      const after = tokens[second.end];
      if (after && !after.punct && !isName(after)) pushAll(verb, text.keys[after.index] ?? []);
    }
    if (verb.length === 0) continue;
    let last = gap.length - 1;
    while (last > 0 && AFTER_BY.has((gap[last] as Token).lower)) last--;
    const passive = gap[last]?.lower === 'by' && gap.some((t) => BE.has(t.lower));
    const written = tokens.slice(first.start, second.end).map((t) => t.text).join(' ');
    for (const a of firsts) {
      for (const b of seconds) relations.push(passive ? { agent: b, patient: a, keys: verb, written } : { agent: a, patient: b, keys: verb, written });
    }
  }
  return relations;
}

interface QuoteReading {
  relations: Relation[];
  subjects: Subject[];
  names: Name[];
}

/** A quote's relations, subjects and names, kept by its tokens and by which of its sentence-initial capitals are names (all else of `isName` is the token's own). */
const quoteReadings = new WeakMap<readonly Token[], Map<string, QuoteReading>>();

function readQuote(text: RoleText, isName: (t: Token) => boolean): QuoteReading {
  let byNames = quoteReadings.get(text.tokens);
  if (!byNames) {
    byNames = new Map();
    quoteReadings.set(text.tokens, byNames);
  }
  const key = text.tokens.map((t) => (t.capital && t.initial ? (isName(t) ? '1' : '0') : '')).join('');
  let read = byNames.get(key);
  if (!read) {
    read = { ...relationsOf(text, isName), names: namesOf(text.tokens, isName) };
    if (byNames.size > 64) byNames.clear();
    byNames.set(key, read);
  }
  return read;
}

/** How far after its verb a clause's names are what the verb is done to or with ("competes with B"). */
const AFTER_REACH = 12;

/** Words after which a name may open a clause as its subject. */
const SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'that', 'while', 'but', 'when', 'after', 'before', 'because', 'since', 'although', 'though', 'whereas', 'as', 'meanwhile', 'however', 'so']);

/** A verb written finite with no auxiliary before it: a past ("laid", "formed") or a present ("supplies"). */
function finite(token: Token): boolean {
  return /(?:ed|[^s]s)$/.test(token.lower) || lemmaOf(token.lower) !== token.lower;
}

/** Each name that opens a clause and that a verb follows (through a verb group: "would also contribute", "was fined"), with the verb. */
function subjectsOf(text: RoleText, tokens: readonly Token[], groups: readonly Name[][], names: readonly Name[]): Subject[] {
  const subjects: Subject[] = [];
  const starts = new Map(names.map((n) => [n.start, n]));
  for (const group of groups) {
    const last = group[group.length - 1] as Name;
    const first = group[0] as Name;
    const before = tokens[first.start - 1];
    if (last.possessive || (before !== undefined && !before.punct && !SUBJECT_OPENERS.has(before.lower))) continue;
    let k = last.end;
    let passive = false;
    while (k < tokens.length && VERB_GROUP.has((tokens[k] as Token).lower)) {
      if (BE.has((tokens[k] as Token).lower)) passive = true;
      k++;
    }
    const verb = tokens[k];
    if (!verb || verb.punct || verb.digit || verb.segment !== (tokens[last.start] as Token).segment) continue;
    if (k === last.end && !finite(verb)) continue;
    const keys = text.keys[verb.index] ?? [];
    if (keys.length === 0 || starts.has(k)) continue;
    // A passive needs its participle ("was fined"); "is a buyer" is no passive.
    const isPassive = passive && /(?:ed|en|wn|ght|id|ld|nt|ut|ne)$/.test(verb.lower);
    const after: Name[] = [];
    for (let p = k + 1; p < tokens.length && p <= k + AFTER_REACH && (tokens[p] as Token).segment === verb.segment; p++) {
      const name = starts.get(p);
      if (name) after.push(name);
    }
    const written = tokens.slice(last.start, k + 1).map((t) => t.text).join(' ');
    for (const name of group) if (!name.possessive && !name.phrase) subjects.push({ name, keys, passive: isPassive, written: group.length > 1 ? `${name.text} … ${verb.text}` : written, after });
  }
  return subjects;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameRelation(a: { keys: readonly string[] }, b: { keys: readonly string[] }): boolean {
  return a.keys.some((k) => b.keys.includes(k));
}

function told(written: string): string {
  return `"${written}"`;
}

/**
 * A relation of the statement whose roles its quotes give the other way round, and never its way;
 * or a thing the statement says a name does (or has done to it) that its quotes say another name
 * does and never this one, though they name it: how the statement and the quote tell it, and the names.
 */
export function swappedRoles(statement: RoleText, quotes: readonly RoleText[], isName: (t: Token) => boolean): { statement: string; quote: string; words: string[] } | undefined {
  const own = relationsOf(statement, isName);
  if (own.relations.length === 0 && own.subjects.length === 0) return undefined;
  const theirs = quotes.map((q) => readQuote(q, isName));
  const relations = theirs.flatMap((t) => t.relations);
  for (const r of own.relations) {
    const same = relations.some((q) => sameName(q.agent, r.agent) && sameName(q.patient, r.patient) && sameRelation(q, r));
    if (same) continue;
    const reversed = relations.find((q) => sameName(q.agent, r.patient) && sameName(q.patient, r.agent) && sameRelation(q, r));
    if (reversed) return { statement: told(r.written), quote: told(reversed.written), words: [r.agent.text, r.patient.text] };
  }
  // The quotes' subjects by the keys of their verbs (a statement's subject looks up only its own verb's).
  const byKey = new Map<string, Subject[]>();
  for (const t of theirs) for (const q of t.subjects) for (const k of new Set(q.keys)) pushTo(byKey, k, q);
  const named = theirs.flatMap((t) => t.names);
  for (const s of own.subjects) {
    const alike = [...new Set(s.keys.flatMap((k) => byKey.get(k) ?? []))].filter((q) => q.passive === s.passive);
    if (alike.length === 0 || alike.some((q) => sameName(q.name, s.name))) continue;
    // The quotes must name it, and not as one the thing is done to or with there ("A competes with B").
    if (!named.some((n) => sameName(n, s.name)) || alike.some((q) => q.after.some((n) => sameName(n, s.name)))) continue;
    // Nor may the statement give the quotes' doer that role too ("A and B invested").
    if (own.subjects.some((o) => o !== s && sameRelation(o, s) && alike.some((q) => sameName(q.name, o.name)))) continue;
    const other = alike[0] as Subject;
    return { statement: told(s.written), quote: told(other.written), words: [s.name.text, other.name.text] };
  }
  return undefined;
}
