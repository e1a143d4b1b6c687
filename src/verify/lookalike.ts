// Naming the character where a quote and the passage closest to it differ, when the eye cannot
// tell them apart: a Cyrillic "е" for a Latin "e", the ligature "ﬁ" for "fi", a full-width digit.
import { characterName as invisibleName, hasInvisible } from '../inputs/invisible.js';

/** Letters of other scripts that look like Latin ones, with their names (the common cases). */
const LOOKALIKES: Record<string, { latin: string; name: string }> = {
  '\u0430': { latin: 'a', name: 'CYRILLIC SMALL LETTER A' },
  '\u0435': { latin: 'e', name: 'CYRILLIC SMALL LETTER IE' },
  '\u043E': { latin: 'o', name: 'CYRILLIC SMALL LETTER O' },
  '\u0440': { latin: 'p', name: 'CYRILLIC SMALL LETTER ER' },
  '\u0441': { latin: 'c', name: 'CYRILLIC SMALL LETTER ES' },
  '\u0443': { latin: 'y', name: 'CYRILLIC SMALL LETTER U' },
  '\u0445': { latin: 'x', name: 'CYRILLIC SMALL LETTER HA' },
  '\u0456': { latin: 'i', name: 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I' },
  '\u0458': { latin: 'j', name: 'CYRILLIC SMALL LETTER JE' },
  '\u0455': { latin: 's', name: 'CYRILLIC SMALL LETTER DZE' },
  '\u04BB': { latin: 'h', name: 'CYRILLIC SMALL LETTER SHHA' },
  '\u0501': { latin: 'd', name: 'CYRILLIC SMALL LETTER KOMI DE' },
  '\u0410': { latin: 'A', name: 'CYRILLIC CAPITAL LETTER A' },
  '\u0412': { latin: 'B', name: 'CYRILLIC CAPITAL LETTER VE' },
  '\u0415': { latin: 'E', name: 'CYRILLIC CAPITAL LETTER IE' },
  '\u041A': { latin: 'K', name: 'CYRILLIC CAPITAL LETTER KA' },
  '\u041C': { latin: 'M', name: 'CYRILLIC CAPITAL LETTER EM' },
  '\u041D': { latin: 'H', name: 'CYRILLIC CAPITAL LETTER EN' },
  '\u041E': { latin: 'O', name: 'CYRILLIC CAPITAL LETTER O' },
  '\u0420': { latin: 'P', name: 'CYRILLIC CAPITAL LETTER ER' },
  '\u0421': { latin: 'C', name: 'CYRILLIC CAPITAL LETTER ES' },
  '\u0422': { latin: 'T', name: 'CYRILLIC CAPITAL LETTER TE' },
  '\u0425': { latin: 'X', name: 'CYRILLIC CAPITAL LETTER HA' },
  '\u0406': { latin: 'I', name: 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I' },
  '\u0408': { latin: 'J', name: 'CYRILLIC CAPITAL LETTER JE' },
  '\u0405': { latin: 'S', name: 'CYRILLIC CAPITAL LETTER DZE' },
  '\u03BF': { latin: 'o', name: 'GREEK SMALL LETTER OMICRON' },
  '\u03B1': { latin: 'a', name: 'GREEK SMALL LETTER ALPHA' },
  '\u03BD': { latin: 'v', name: 'GREEK SMALL LETTER NU' },
  '\u03C1': { latin: 'p', name: 'GREEK SMALL LETTER RHO' },
  '\u03B9': { latin: 'i', name: 'GREEK SMALL LETTER IOTA' },
  '\u0391': { latin: 'A', name: 'GREEK CAPITAL LETTER ALPHA' },
  '\u0392': { latin: 'B', name: 'GREEK CAPITAL LETTER BETA' },
  '\u0395': { latin: 'E', name: 'GREEK CAPITAL LETTER EPSILON' },
  '\u0397': { latin: 'H', name: 'GREEK CAPITAL LETTER ETA' },
  '\u0399': { latin: 'I', name: 'GREEK CAPITAL LETTER IOTA' },
  '\u039A': { latin: 'K', name: 'GREEK CAPITAL LETTER KAPPA' },
  '\u039C': { latin: 'M', name: 'GREEK CAPITAL LETTER MU' },
  '\u039D': { latin: 'N', name: 'GREEK CAPITAL LETTER NU' },
  '\u039F': { latin: 'O', name: 'GREEK CAPITAL LETTER OMICRON' },
  '\u03A1': { latin: 'P', name: 'GREEK CAPITAL LETTER RHO' },
  '\u03A4': { latin: 'T', name: 'GREEK CAPITAL LETTER TAU' },
  '\u03A7': { latin: 'X', name: 'GREEK CAPITAL LETTER CHI' },
  '\u03A5': { latin: 'Y', name: 'GREEK CAPITAL LETTER UPSILON' },
  '\u0131': { latin: 'i', name: 'LATIN SMALL LETTER DOTLESS I' },
  '\u00A0': { latin: ' ', name: 'NO-BREAK SPACE' },
};

const LIGATURE_NAMES: Record<string, string> = {
  '\uFB00': 'LATIN SMALL LIGATURE FF',
  '\uFB01': 'LATIN SMALL LIGATURE FI',
  '\uFB02': 'LATIN SMALL LIGATURE FL',
  '\uFB03': 'LATIN SMALL LIGATURE FFI',
  '\uFB04': 'LATIN SMALL LIGATURE FFL',
  '\uFB05': 'LATIN SMALL LIGATURE LONG S T',
  '\uFB06': 'LATIN SMALL LIGATURE ST',
};

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Latin}/u, 'Latin'],
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Armenian}/u, 'Armenian'],
  [/\p{Script=Cherokee}/u, 'Cherokee'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
];

/** "U+0435 CYRILLIC SMALL LETTER IE", or the code point with what kind of character it is. */
export function characterName(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const named = LOOKALIKES[ch]?.name ?? LIGATURE_NAMES[ch];
  if (named !== undefined) return `${hex} ${named}`;
  if (hasInvisible(ch)) return invisibleName(ch);
  const compatible = ch.normalize('NFKC');
  if (compatible !== ch) return `${hex} (a compatibility form of "${compatible}")`;
  const script = SCRIPTS.find(([re]) => re.test(ch))?.[1];
  const kind = /\p{L}/u.test(ch) ? 'letter' : /\p{N}/u.test(ch) ? 'digit' : /\p{P}/u.test(ch) ? 'punctuation mark' : /\p{S}/u.test(ch) ? 'symbol' : /\s/u.test(ch) ? 'space' : 'character';
  return `${hex} (${script ? `a ${script} ` : 'a '}${kind})`;
}

/** What a character looks like to a reader: its compatibility form, or the Latin letter it imitates. */
function skeleton(ch: string): string {
  return LOOKALIKES[ch]?.latin ?? ch.normalize('NFKC');
}

/** How a character is shown in a message: itself when it is plain ASCII, else its code point and name. */
function shown(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch) ? `"${ch}"` : characterName(ch);
}

/**
 * Where a quote and the passage that should hold it first differ by a character a reader would
 * not see: "at character 34 of the quote: the quote has U+0435 CYRILLIC SMALL LETTER IE where the
 * document has "e"". Both are compared folded (`fold`); undefined when the first difference is
 * between plain ASCII characters (the marked word already shows it) or there is none.
 */
export function lookalikeDifference(quote: string, passage: string, fold: (text: string) => string): string | undefined {
  const q = [...fold(quote)];
  const p = [...fold(passage)];
  let i = 0;
  while (i < q.length && i < p.length && q[i] === p[i]) i++;
  const qc = q[i];
  const pc = p[i];
  if (qc === undefined || pc === undefined) return undefined;
  // A ligature stands for two or three letters: compare it with as many of the other side.
  const qs = skeleton(qc);
  const ps = skeleton(pc);
  const ascii = (ch: string) => /^[\x00-\x7f]$/.test(ch);
  if (ascii(qc) && ascii(pc)) return undefined;
  const looksSame = qs === ps || (qs.length > 1 && p.slice(i, i + qs.length).join('') === qs) || (ps.length > 1 && q.slice(i, i + ps.length).join('') === ps);
  const what = looksSame ? 'a look-alike: ' : '';
  return `they differ at character ${i + 1} of the quote, ${what}the quote has ${shown(qc)} where the document has ${shown(pc)}`;
}
