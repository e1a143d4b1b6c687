// Text as the figure rule reads it, cut into tokens: numbers, words and single signs, each
// with its place in the text as written.

const DECIMAL_DIGIT = /\p{Nd}/u;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** The folded text and, when it differs in length from the text written, where each of its code units came from. */
export interface FoldedText {
  text: string;
  /** `origin[i]` is the offset in the written text of code unit `i` (one more entry: the end); undefined when the offsets are the same. */
  origin: number[] | undefined;
}

/**
 * Signs of other scripts that NFKC keeps but that write what an ASCII sign writes in a figure: the
 * Arabic percent sign, decimal separator and thousands separator ("١٥٪" is 15%).
 */
const FIGURE_SIGNS: ReadonlyMap<string, string> = new Map([
  ['\u066A', '%'],
  ['\u066B', '.'],
  ['\u066C', ','],
]);

/** One code point as the figure rule reads it: compatibility forms folded (NFKC), a decimal digit of any script as its ASCII digit. */
function foldCodePoint(ch: string): string {
  const sign = FIGURE_SIGNS.get(ch);
  if (sign !== undefined) return sign;
  const folded = ch.normalize('NFKC');
  if (folded.length !== 1 || !DECIMAL_DIGIT.test(folded) || (folded >= '0' && folded <= '9')) return folded;
  // Decimal digits come in runs of ten, zero first: the value is the place in the run.
  const code = folded.codePointAt(0) as number;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

/**
 * Text as the figure rule reads it: compatibility forms folded (NFKC: full-width ＄２０２１ is
 * $2021) and every Unicode decimal digit (Arabic-Indic ٢٠٢١, Devanagari २०२१…) written as its
 * ASCII digit, so no way of writing a number escapes the rule. Each code point is folded on its own,
 * so every character of the result maps back to one of the text.
 */
export function foldFigureText(written: string): FoldedText {
  if (!NON_ASCII.test(written)) return { text: written, origin: undefined };
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of written) {
    const folded = ch.charCodeAt(0) < 0x80 ? ch : foldCodePoint(ch);
    for (let k = 0; k < folded.length; k++) origin.push(offset);
    text += folded;
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin: text.length === written.length && origin.every((o, i) => o === i) ? undefined : origin };
}

export type TokenKind = 'num' | 'word' | 'sign';

export interface Token {
  kind: TokenKind;
  /** As written in the folded text. */
  text: string;
  /** Lower case. */
  lower: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
  /** White space before it. */
  space: boolean;
  /** A number's value ("5,150" → 5150); NaN for words and signs. */
  value: number;
  /** A number written with a thousands separator or a decimal point (never a year). */
  separated: boolean;
}

// A number, a run of letters (with their combining marks), or any other single character that is
// not white space. A number's digits may be grouped by thousands with commas ("5,150"), in the
// Indian way ("1,50,000"), or with a space or an apostrophe ("5 150", "5'150": the no-break and
// thin spaces of French and SI typography fold to a space), and its decimals follow a point or,
// with one or two digits and no grouping, a comma ("1,5 million" is 1.5 million, never 5 million);
// ".5" may lack its zero. A grouped number is one figure: "5 150 units" is never 5 and 150.
// Groups joined by points are read so only where no English number could be meant: two groups
// or more ("4.000.000"), or one before a decimal comma ("1.250,50"); "1.500" alone stays 1.5.
const TOKEN =
  /(\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]\d|\d)|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,.]\d|\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]\d)|\d{1,3}(?:[ '\u2019]\d{3})+(?:[.,]\d+)?(?![\d'\u2019]|[.,]\d)|\d+,\d{1,2}(?![\d,.]\d|\d)|\d+(?:\.\d+)?|(?<![\p{L}\p{N}.])\.\d+(?![.\d]))|([\p{L}\p{M}]+)|(\S)/gu;

/** The value of a number token as written: group separators dropped, a decimal comma read as a point. */
function numberValue(word: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(word) && (/,/.test(word) || word.split('.').length > 2)) return Number(word.replace(/\./g, '').replace(',', '.'));
  const ungrouped = word.replace(/[ '\u2019]/g, '');
  if (ungrouped !== word) return Number(ungrouped.replace(',', '.'));
  // A comma before one or two final digits, with no other comma, is a decimal comma.
  if (/^\d+,\d{1,2}$/.test(word)) return Number(word.replace(',', '.'));
  return Number(word.replace(/,/g, ''));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const word = m[0];
    const kind: TokenKind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sign';
    const separated = kind === 'num' && /[,. '\u2019]/.test(word);
    tokens.push({
      kind,
      text: word,
      lower: kind === 'word' ? word.toLowerCase() : word,
      start,
      end: start + word.length,
      space: start > last || start === 0,
      value: kind !== 'num' ? Number.NaN : numberValue(word),
      separated,
    });
    last = start + word.length;
  }
  return tokens;
}
