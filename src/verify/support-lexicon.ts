// The words the support check reads (support.ts): tokens of a text, which of them carry content,
// their lemma keys (a Porter2 stem of the lemma, British spellings folded to American), and the
// short table of equivalences a fact-checker accepts. The stemmer and the irregular verb forms
// come from wink's English model (already a dependency of `draft` and `find`); only these two
// small files of it are loaded, on first use.
import { createRequire } from 'node:module';

export interface Token {
  /** As written (a possessive's "’s" kept). */
  text: string;
  /** Lower case, without a possessive ending. */
  lower: string;
  /** Index among the text's tokens. */
  index: number;
  /** Which segment of the text (a sentence or a clause after "but", "while"…) it belongs to. */
  segment: number;
  /** Punctuation token (. ; : , ! ? parentheses, quote marks). */
  punct: boolean;
  /** Starts with a capital letter. */
  capital: boolean;
  /** The first word of a sentence (or after a colon): its capital says nothing. */
  initial: boolean;
  /** Written with a digit: a figure, the figure rule's to ground. */
  digit: boolean;
  /** Part of a figure written with words ("dollars" in "5 million dollars", "percentage points"): the figure rule's too. */
  figure?: boolean;
  /** Offset of the token in the text as tokenized (see tokenText). */
  start: number;
  /** Every letter a capital (IPO, AWS, U.S.). */
  acronym: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*[\p{L}\p{N}]*(?:[-'’&][\p{L}\p{N}]+)*|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*|[.;:!?,()"“”]/gu;
const SENTENCE_END = new Set(['.', ';', '!', '?']);
/** Words that open a clause of their own: a hedge before them does not reach past them. */
const CLAUSE_BREAK = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'meanwhile', 'yet']);
/** Of those, the ones that open a subordinate clause: at the start of a sentence, that clause ends at its first comma ("While A remains B, analysts note C"). */
const SUBORDINATE_OPENING = new Set(['while', 'whereas', 'although', 'though']);
/** Words after which "yet" is an adverb ("not yet", "has yet to"), not a conjunction that opens a clause. */
const YET_AS_ADVERB = new Set(['not', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'as', 'and', 'or', 'never', 'nor']);

/** Whether a word opens a clause of its own, given the token before it. */
function opensClause(lower: string, previous: Token | undefined): boolean {
  if (!CLAUSE_BREAK.has(lower) || previous === undefined) return false;
  if (lower === 'yet') return !YET_AS_ADVERB.has(previous.lower) && !/n['’]t$/.test(previous.lower);
  return true;
}

const PUNCTUATION = new Set(['.', ';', ':', '!', '?', ',', '(', ')', '"', '“', '”']);
const ASCII_DIGIT = /[0-9]/;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ANY_DIGIT = /\p{N}/u;

/** Two or more letters, all capitals (IPO, AWS, U.S.). */
function isAcronym(written: string): boolean {
  const letters = ASCII_ONLY.test(written) ? written.replace(/[^A-Za-z]/g, '') : written.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The tokens of a text, with sentence and clause segments. */
/** The text as it is tokenized: invisible format characters (zero-width space, soft hyphen) are no part of a word; NFKC. */
export function tokenText(text: string): string {
  return ASCII_ONLY.test(text) ? text : text.replace(/\p{Cf}/gu, '').normalize('NFKC');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let segment = 0;
  let initial = true;
  // A sentence that opens with a subordinate clause: its first comma ends that clause.
  let subordinate = false;
  const normal = tokenText(text);
  for (const match of normal.matchAll(TOKEN)) {
    const written = match[0];
    const punct = written.length === 1 && PUNCTUATION.has(written);
    let lower = written.toLowerCase();
    if (lower.includes("'") || lower.includes('’')) lower = lower.replace(/['’]s$/, '').replace(/['’]$/, '');
    if (!punct && opensClause(lower, tokens[tokens.length - 1])) segment++;
    if (!punct && initial && SUBORDINATE_OPENING.has(lower)) subordinate = true;
    if (punct && written === ',' && subordinate) {
      segment++;
      subordinate = false;
    }
    const first = written.charAt(0);
    const capital = !punct && first !== first.toLowerCase();
    tokens.push({
      text: written,
      lower,
      index: tokens.length,
      segment,
      punct,
      capital,
      initial: !punct && initial,
      digit: !punct && (ASCII_DIGIT.test(written) || (!ASCII_ONLY.test(written) && ANY_DIGIT.test(written))),
      acronym: capital && isAcronym(written),
      start: match.index,
    });
    if (punct) {
      if (SENTENCE_END.has(written)) {
        segment++;
        subordinate = false;
      }
      if (SENTENCE_END.has(written) || written === ':') initial = true;
    } else if (!/^["“”(]$/.test(written)) initial = false;
  }
  return tokens;
}

/**
 * Function words: articles, pronouns, prepositions, conjunctions, auxiliaries and the adverbs
 * that carry no claim of their own. A statement may use them freely.
 */
const FUNCTION_WORDS = new Set(
  `a an the this that these those there here it its it's they them their theirs he him his she her hers we us our ours you your i me my
  who whom whose which what when where why how whether if then than so such as
  and or nor both either each other another same also too still already yet even just now then thus hence
  of in on at by for from to into onto over under with within about across against among amid along around
  after before between beyond through throughout during toward towards upon via per since until up down out off
  be is are was were been being am have has had having do does did doing done
  will would shall should can must
  very much many more most less few fewer several some any all every lot lots
  one's itself themselves himself herself
  instead rather while whereas although though because due but however meanwhile
  there's that's what's`.split(/\s+/),
);

/** Words about the sources themselves: a statement names its sources with them ("one article says"). */
export const ATTRIBUTION_WORDS = new Set(
  `article articles report reports reported reportedly reporting source sources say says said saying according
  cite cites cited citing claim claims claimed note notes noted add adds added write writes wrote written piece story
  outlet outlets document documents headline headlines call calls called describe describes described per
  names named list lists listed mentions mentioned argues argued states stated passage passages body paragraph paragraphs
  warn warns warned tell tells told insist insists insisted explain explains explained`.split(/\s+/),
);

const NUMBER_WORDS = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
  millions billion billions trillion trillions dozen dozens half percent
  second third fourth fifth sixth seventh eighth ninth tenth thirds quarters fifths tenths halves`.split(/\s+/),
);

/** Words ending in "ly" that are no adverbs (verbs and nouns: "supply", "rely", "assembly"). */
const LY_NOT_ADVERB = new Set(['supply', 'supplies', 'apply', 'applies', 'reply', 'replies', 'comply', 'complies', 'rely', 'relies', 'imply', 'implies', 'multiply', 'ally', 'rally', 'tally', 'fly', 'flies', 'assembly', 'family', 'italy', 'july', 'monopoly', 'anomaly', 'belly', 'bully', 'jelly', 'reply']);

/** An adverb of manner or degree by its ending ("increasingly", "heavily"): it says how, not what. */
export function isAdverb(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly') && !LY_NOT_ADVERB.has(lower);
}

export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

/**
 * The equivalences: each group is words a fact-checker accepts for one another. Entries are
 * lower-case words or phrases; one written with capitals matches only as written (US, not "us").
 */
export const EQUIVALENCES: readonly (readonly string[])[] = [
  ['buy', 'acquire', 'purchase', 'acquisition', 'buyout', 'takeover'],
  ['US', 'U.S.', 'USA', 'U.S.A.', 'United States'],
  ['UK', 'U.K.', 'United Kingdom', 'Britain'],
  ['EU', 'E.U.', 'European Union'],
  ['company', 'firm'],
  ['keep', 'maintain', 'retain'],
  ['own', 'proprietary'],
  ['rely', 'reliance', 'depend', 'dependence', 'dependency'],
  ['end', 'terminate', 'termination'],
  ['talk', 'negotiation', 'discussion'],
  ['chief executive', 'CEO'],
  ['big', 'large'],
  ['begin', 'start'],
  ['rise', 'increase', 'grow', 'raise', 'balloon', 'go up'],
  ['fall', 'decrease', 'decline', 'drop', 'go down'],
  ['almost', 'nearly'],
  ['all', 'every'],
  ['previously', 'earlier'],
  ['allow', 'let'],
  ['collaborate', 'work with'],
  ['lay off', 'cut'],
  ['staff', 'job', 'employee', 'worker'],
  ['borrow', 'loan'],
  ['extend to', 'run until'],
  ['below', 'less than'],
];

interface Stemmer {
  stem: (word: string) => string;
  verbLemma: Record<string, string | undefined>;
}

let stemmer: Stemmer | undefined;

/** The Porter2 stemmer and WordNet's irregular verb forms from wink's English model, loaded once. */
function loadStemmer(): Stemmer {
  if (!stemmer) {
    const require = createRequire(import.meta.url);
    stemmer = {
      stem: require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string,
      verbLemma: require('wink-eng-lite-web-model/dist/wn-verb-exceptions.js') as Record<string, string | undefined>,
    };
  }
  return stemmer;
}

/** British spellings folded to American ones (organise → organize, colour → color), on both sides alike. */
function american(word: string): string {
  if (word.length <= 5) return word;
  return word
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/our(s|ed|ing|able)?$/, 'or$1')
    .replace(/tre(s|d)?$/, 'ter$1')
    // licence, defence, offence, pretence (the nouns): license, defense, offense, pretense.
    .replace(/^(lic|def|off|pret)enc(e|es)$/, '$1ens$2')
    // cancelled, travelled, labelling: an l doubled after an unstressed vowel of a longer word (not "called", "installed").
    .replace(/^(\p{L}*[aeiou][^aeiou]+e)ll(ed|ing|er|ers)$/u, '$1l$2');
}

/** The lemma of an irregular verb form ("bought" → "buy", "ran" → "run"), else the word itself. */
export function lemmaOf(lower: string): string {
  const { verbLemma } = loadStemmer();
  return Object.hasOwn(verbLemma, lower) ? (verbLemma[lower] as string) : lower;
}

const stemCache = new Map<string, string>();

/** The lemma key of a lower-case word: the Porter2 stem of its lemma (bought → buy, invested → invest). */
export function stemOf(lower: string): string {
  let key = stemCache.get(lower);
  if (key === undefined) {
    const { stem, verbLemma } = loadStemmer();
    const word = american(lower.replace(/[’']/g, ''));
    const lemma = Object.hasOwn(verbLemma, word) ? (verbLemma[word] as string) : word;
    key = stem(lemma);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lower, key);
  }
  return key;
}

/** The Porter2 stem of a word as written, with no lemma looked up: a table's base form ("lay" of "lay off" is no past of "lie"). */
function plainStem(lower: string): string {
  let key = plainCache.get(lower);
  if (key === undefined) {
    key = loadStemmer().stem(american(lower));
    if (plainCache.size > 50_000) plainCache.clear();
    plainCache.set(lower, key);
  }
  return key;
}

const plainCache = new Map<string, string>();

/** Whether a word of a text is a form of a table's base word ("laid" of "lay", "working" of "work"). */
function formOf(lower: string, base: string): boolean {
  return lower === base || (!isFunctionWord(base) && (stemOf(lower) === plainStem(base) || plainStem(lower) === plainStem(base)));
}

interface EquivalenceEntry {
  group: number;
  words: string[];
  /** Written with a capital in the table: matches only tokens written the same way. */
  exact: boolean;
}

interface EquivalenceTable {
  /** One-word entries by their lemma key (lower-case entries) or as written (entries with capitals). */
  byStem: Map<string, number[]>;
  byExact: Map<string, number[]>;
  /** Phrases by their first word. */
  phrases: Map<string, EquivalenceEntry[]>;
}

let table: EquivalenceTable | undefined;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function equivalenceTable(): EquivalenceTable {
  if (table) return table;
  const built: EquivalenceTable = { byStem: new Map(), byExact: new Map(), phrases: new Map() };
  EQUIVALENCES.forEach((group, g) => {
    for (const entry of group) {
      const exact = entry !== entry.toLowerCase();
      const words = entry.split(' ');
      // Phrases by their first word: as written (entries with capitals), else by its lemma key after "~".
      if (words.length > 1) pushTo(built.phrases, exact ? (words[0] as string) : `~${plainStem(words[0] as string)}`, { group: g, words, exact });
      else if (exact) pushTo(built.byExact, entry, g);
      else {
        pushTo(built.byStem, entry.includes('-') ? `-${entry}` : stemOf(entry), g);
      }
    }
  });
  table = built;
  return built;
}

/** The key of an equivalence group. */
export function groupKey(group: number): string {
  return `=${group}`;
}

/**
 * For each token, the equivalence groups it is part of: a one-word entry by its lemma key
 * ("bought" is "buy"), a phrase by its words in order ("United States").
 */
export function equivalenceGroups(tokens: readonly Token[]): Map<number, number[]> {
  const { byStem, byExact, phrases } = equivalenceTable();
  const found = new Map<number, number[]>();
  const add = (index: number, group: number) => {
    const list = found.get(index);
    if (!list) found.set(index, [group]);
    else if (!list.includes(group)) list.push(group);
  };
  const words = tokens.filter((t) => !t.punct);
  words.forEach((token, i) => {
    if (token.digit) return;
    const asWritten = token.text.replace(/['’]s$/, '');
    for (const g of byExact.get(asWritten) ?? []) add(token.index, g);
    for (const g of byStem.get(token.lower.includes('-') ? `-${token.lower}` : stemOf(token.lower)) ?? []) add(token.index, g);
    const stem = stemOf(token.lower);
    const plain = plainStem(token.lower);
    const byWritten = phrases.get(asWritten);
    const byStemmed = phrases.get(`~${stem}`);
    const byPlain = plain === stem ? undefined : phrases.get(`~${plain}`);
    if (!byWritten && !byStemmed && !byPlain) return;
    for (const entry of [...(byWritten ?? []), ...(byStemmed ?? []), ...(byPlain ?? [])]) {
      const matches = entry.words.every((w, k) => {
        const other = words[i + k];
        if (!other) return false;
        // A phrase of lower-case words matches in any form of them ("laid off", "went up", "working with").
        return entry.exact ? other.text.replace(/['’]s$/, '') === w : formOf(other.lower, w);
      });
      if (matches) for (let k = 0; k < entry.words.length; k++) add((words[i + k] as Token).index, entry.group);
    }
  });
  return found;
}
