// Messages written for the person curating briefing.yaml: "did you mean", where a quote parts
// from the closest passage, YAML syntax errors in plain words with the usual fix.
import { distance } from 'fastest-levenshtein';
import type { LineCounter, YAMLError } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostic.js';

/** The known word closest to `word`, when it is close enough to be a slip ("frictions" → "friction"). */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { word: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (!best || d < best.d || (d === best.d && k < best.word)) best = { word: k, d };
  }
  if (!best || best.d === 0 && best.word === word) return undefined;
  return best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.word : undefined;
}

/** "; did you mean "friction"?" or nothing. */
export function didYouMeanHint(word: string, known: readonly string[]): string {
  const suggestion = didYouMean(word, known);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

/** Marks put around the first word where a quote and a passage part. */
export const MARK_OPEN = '»';
export const MARK_CLOSE = '«';

/**
 * The quote and the passage, each in full, with the first word where they differ marked
 * (compared as the verifier compares: white space, quote marks and dashes folded).
 */
export function markDifference(quote: string, passage: string, fold: (text: string) => string): { quote: string; passage: string } {
  const q = words(quote);
  const p = words(passage);
  let i = 0;
  while (i < q.length && i < p.length && fold((q[i] as Word).text) === fold((p[i] as Word).text)) i++;
  return { quote: markAt(quote, q, i), passage: markAt(passage, p, i) };
}

interface Word {
  text: string;
  at: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index ?? 0 }));
}

function markAt(text: string, list: Word[], i: number): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const w = list[i];
  if (!w) return `${flat(text.trimEnd())} ${MARK_OPEN}${MARK_CLOSE}`;
  return flat(`${text.slice(0, w.at)}${MARK_OPEN}${w.text}${MARK_CLOSE}${text.slice(w.at + w.text.length)}`).trim();
}

/**
 * A YAML syntax error in plain words, at the line of the mistake, with the usual fix.
 * Returns undefined for an error that only repeats one already reported at the same place.
 */
export function yamlErrorToDiagnostic(error: YAMLError, source: string, lc: LineCounter, file: string, reported: Set<number>): Diagnostic | undefined {
  const pos = lc.linePos(error.pos[0]);
  const lines = source.split('\n');
  const lineText = lines[pos.line - 1] ?? '';
  const at = (line: number, column: number, message: string): Diagnostic | undefined => {
    if (reported.has(line)) return undefined;
    reported.add(line);
    return diagnostic('yaml-syntax', message, { file, line, column });
  };
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const value = lineText.slice(pos.col - 1);
      const key = /^\s*(?:-\s+)?([^:#]+):/.exec(lineText)?.[1]?.trim();
      if (/:\s/.test(value) || /:$/.test(value.trimEnd())) {
        const quoted = `'${value.trim().replace(/'/g, "''")}'`;
        return at(pos.line, pos.col, `the text of "${key ?? 'this key'}" contains ": ", which YAML reads as the start of another key; put the text in quotes: ${key ?? 'key'}: ${quoted}`);
      }
      // Otherwise a line below is indented deeper than the keys it belongs with.
      const next = nextContentLine(lines, pos.line);
      if (next !== undefined) {
        const keyColumn = keyColumnOf(lineText);
        const column = indentOf(lines[next - 1] ?? '') + 1;
        return at(next, column, `this line is indented more than "${key ?? 'the key'}:" above it (column ${column}, not ${keyColumn}); indent the keys of one item alike, with spaces`);
      }
      break;
    }
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      if (/Flow map|Flow sequence/.test(error.message)) {
        const open = lastUnclosed(lines, pos.line);
        if (open !== undefined) return at(open.line, open.column, `the "${open.char}" opened here is not closed; end it with "${open.char === '{' ? '}' : ']'}" on the same line, or quote a text that contains "${open.char === '{' ? '}' : ']'}"`);
      }
      const previous = previousContentLine(lines, pos.line);
      const expected = previous === undefined ? 1 : keyColumnOf(lines[previous - 1] ?? '');
      const column = indentOf(lineText) + 1;
      return at(pos.line, column, `this line starts at column ${column}, but the keys of the item above start at column ${expected}; line them up (with spaces), or start a new list item with "- "`);
    }
    case 'TAB_AS_INDENT':
      return at(pos.line, pos.col, 'a tab indents this line; YAML indents with spaces only: replace the tab with spaces');
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?([^:#]+):/.exec(lineText)?.[1]?.trim();
      return at(pos.line, pos.col, `the key "${key ?? '?'}" appears twice in this mapping; keep one (merge their contents)`);
    }
    case 'UNEXPECTED_TOKEN':
      if (/:\s*'[^']*'[^'\s#]/.test(lineText)) {
        return at(pos.line, pos.col, `a single quote inside a text in single quotes ends it early; write it twice ('it''s') or put the text in double quotes`);
      }
      if (/:\s*"[^"]*"[^"\s#]/.test(lineText)) {
        return at(pos.line, pos.col, `a double quote inside a text in double quotes ends it early; write it as \\" or put the text in single quotes`);
      }
      break;
    default:
      break;
  }
  return at(pos.line, pos.col, plainYamlMessage(error.message));
}

function plainYamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** 1-based column where the keys of a line start ("  - title: x" → 5). */
function keyColumnOf(line: string): number {
  const m = /^(\s*)(-\s+)?/.exec(line);
  return (m?.[0].length ?? 0) + 1;
}

function nextContentLine(lines: string[], line: number): number | undefined {
  for (let i = line; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').trim().startsWith('#')) return i + 1;
  return undefined;
}

function previousContentLine(lines: string[], line: number): number | undefined {
  for (let i = line - 2; i >= 0; i--) if ((lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').trim().startsWith('#')) return i + 1;
  return undefined;
}

/** The last "{" or "[" at or before `line` that its own line does not close. */
function lastUnclosed(lines: string[], line: number): { line: number; column: number; char: string } | undefined {
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const text = (lines[i] ?? '').replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (m) => ' '.repeat(m.length));
    for (const [open, close] of [['{', '}'], ['[', ']']] as const) {
      const opens = text.split(open).length - 1;
      const closes = text.split(close).length - 1;
      if (opens > closes) return { line: i + 1, column: text.lastIndexOf(open) + 1, char: open };
    }
  }
  return undefined;
}
