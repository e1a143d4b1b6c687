// Reading documents as passages: sentences (split again at line ends) with their words, parts of
// speech, stems and date entities, from wink-nlp and its small English model. Loaded once, lazily.
import type { SourceDocument } from '../inputs/sources.js';
import { lineFinder } from '../inputs/source-text.js';

/** A sentence or a line of a document, as the document writes it. */
export interface Passage {
  doc: SourceDocument;
  /** Order of the passage in its document. */
  index: number;
  /** Offsets in the document's normalised text. */
  start: number;
  end: number;
  line: number;
  /** Verbatim text of the document between start and end. */
  text: string;
  tokens: Token[];
  /** Date expressions the model recognised ("late 2022", "March 2025"), with offsets in `text`. */
  dates: { text: string; at: number }[];
}

export interface Token {
  /** As written. */
  value: string;
  /** Lower case. */
  lower: string;
  stem: string;
  pos: string;
  /** Offset in the passage's text. */
  at: number;
}

interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
  /** The model's own stemmer (what `its.stem` gives), remembered by the word: a word is stemmed once per run. */
  stem(word: string): string;
}
interface WinkDoc {
  tokens(): { out(f?: unknown): unknown[] };
  sentences(): { out(f?: unknown): unknown[] };
  entities(): { out(f?: unknown): unknown[] };
}

let loaded: Promise<Wink> | undefined;

/** wink-nlp with sentence boundaries, parts of speech and entities; about 0.4 s to load, once. */
export function loadNlp(): Promise<Wink> {
  loaded ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    const nlp = winkNLP(model, ['sbd', 'pos', 'ner']) as unknown as Omit<Wink, 'stem'>;
    const stemmer = (model as { addons?: { stem?: unknown } }).addons?.stem;
    if (typeof stemmer !== 'function') throw new Error('the English model of wink-nlp has no stemmer');
    return { readDoc: (text: string) => nlp.readDoc(text), its: nlp.its, stem: rememberedStems(stemmer as (word: string) => string) };
  })();
  return loaded;
}

/**
 * A stemmer that remembers: the Porter stemmer is a chain of regular expressions, a pure function
 * of the word, and about a fifth of a large draft's time was spent stemming the same few thousand
 * words again. The memory is dropped when it holds too many words (a pile of random strings).
 */
export function rememberedStems(stem: (word: string) => string, limit = 200_000): (word: string) => string {
  let known = new Map<string, string>();
  return (word) => {
    let s = known.get(word);
    if (s === undefined) {
      s = stem(word);
      if (known.size >= limit) known = new Map();
      known.set(word, s);
    }
    return s;
  };
}

/** The passages of a document: its sentences, each cut again at line ends (headings, list items). */
export function documentToPassages(nlp: Wink, doc: SourceDocument): Passage[] {
  const its = nlp.its;
  const text = doc.text;
  const wdoc = nlp.readDoc(text);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const stems = values.map(nlp.stem);
  // Token offsets: the model keeps every character, so the text is spaces + values in order.
  const offsets: number[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += (spaces[i] as string).length;
    const value = values[i] as string;
    // Should the model ever normalise a token, find it again from here.
    if (text.startsWith(value, cursor)) offsets.push(cursor);
    else {
      const found = text.indexOf(value, cursor);
      cursor = found >= 0 ? found : cursor;
      offsets.push(cursor);
    }
    cursor += value.length;
  }
  const entitySpans = wdoc.entities().out(its.span) as [number, number][];
  const entityTypes = wdoc.entities().out(its.type) as string[];
  const dateSpans = entitySpans.filter((_, i) => entityTypes[i] === 'DATE');
  const lineOf = lineFinder(text);
  const passages: Passage[] = [];
  for (const [first, last] of wdoc.sentences().out(its.span) as [number, number][]) {
    // One passage per line of the sentence.
    let from = first;
    for (let t = first; t <= last; t++) {
      // Line breaks come as tokens of white space, or inside the spaces before a token.
      if (/^\s+$/.test(values[t] as string)) {
        from = t + 1;
        continue;
      }
      const next = t + 1;
      const breaks = next > last || (spaces[next] as string).includes('\n') || /^\s+$/.test(values[next] as string);
      if (!breaks) continue;
      const start = offsets[from] as number;
      const end = (offsets[t] as number) + (values[t] as string).length;
      const passageText = text.slice(start, end);
      if (passageText.trim() !== '') {
        const tokens: Token[] = [];
        for (let k = from; k <= t; k++) {
          const value = values[k] as string;
          tokens.push({ value, lower: value.toLowerCase(), stem: stems[k] as string, pos: pos[k] as string, at: (offsets[k] as number) - start });
        }
        const dates = dateSpans
          .filter(([a, b]) => a >= from && b <= t)
          .map(([a, b]) => ({ text: text.slice(offsets[a] as number, (offsets[b] as number) + (values[b] as string).length), at: (offsets[a] as number) - start }));
        passages.push({ doc, index: passages.length, start, end, line: lineOf(start), text: passageText, tokens, dates });
      }
      from = next;
    }
  }
  return passages;
}

