// Document structure as evidence: a heading or an introducing line ("Points of friction",
// "three major friction points:", "Alternatives Volkswagen already has") says what the list
// items under it are. Each item is read with its lead-in ("Talent wars: …"), the label a person
// would give it.
import type { Corpus } from './corpus.js';
import type { Passage } from './nlp.js';
import { isStatementLike } from './quote.js';

export type StructureKind = 'friction' | 'alternatives' | 'outlook';

export interface ListedItem {
  kind: StructureKind;
  /** The heading or introducing line. */
  intro: Passage;
  /** The item (a list item or a paragraph under a heading). */
  passage: Passage;
  /** Its lead-in, when it has one ("Talent wars"). */
  label?: string;
  /** Whether the intro announces separate points (a heading, or "three … points:"); else the items illustrate one point. */
  separate: boolean;
}

const INTRO_CUES: Record<StructureKind, RegExp> = {
  friction: /\b(?:friction|tensions?|risks?|challenges?|concerns?|disputes?|obstacles?|hurdles?|problems?|points? of contention|sticking points?|divide|disagreements?|pressures?)\b/i,
  alternatives: /\b(?:alternatives?|options?|other partners?|plan b|fallbacks?|instead)\b/i,
  outlook: /\b(?:outlook|scenarios?|what (?:comes )?next|road ahead|ahead|future|what to watch)\b/i,
};

/** "1. ", "• ", "- " at the start of a line. */
const BULLET = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+/u;
/** "Talent wars: …": a short lead-in before a colon. */
const LEAD_IN = /^\s*(?:[-•*–]|\d{1,2}[.)])?\s*([^:.!?]{2,60}?):\s+\S/u;

/** A line that introduces what follows: a heading (short, no full stop) or a line ending with a colon. */
function introKind(p: Passage): { kind: StructureKind; separate: boolean } | undefined {
  const text = p.text.trim();
  const heading = !/[.!?]["'”’)]?$/.test(text) && !text.endsWith(':') && text.split(/\s+/).length <= 10 && !BULLET.test(text);
  const colon = text.endsWith(':');
  if (!heading && !colon) return undefined;
  for (const kind of ['friction', 'alternatives', 'outlook'] as StructureKind[]) {
    if (!INTRO_CUES[kind].test(text)) continue;
    // A heading announces points of its own; so does a line that counts them ("three major friction points:").
    const counted = /\b(?:two|three|four|five|six|several|\d+)\b[^:]*\b(?:points?|risks?|areas?|issues?|scenarios?|options?|ways?)\b/i.test(text);
    return { kind, separate: heading || counted };
  }
  return undefined;
}

/** The items each introducing line or heading announces, in document order. */
export function listedItems(corpus: Corpus): ListedItem[] {
  const items: ListedItem[] = [];
  let current: { kind: StructureKind; separate: boolean; intro: Passage; heading: boolean; taken: number; items: ListedItem[] } | undefined;
  const close = () => {
    // A heading over one paragraph announces one point: the heading names it ("Transparency: …").
    if (current?.heading && current.items.length === 1) {
      const only = current.items[0] as ListedItem;
      const label = only.label ?? headingLabel(current.intro.text);
      if (label !== undefined && label.split(/\s+/).length <= 7) only.label = label;
    }
    current = undefined;
  };
  let previous: Passage | undefined;
  for (const p of corpus.passages) {
    const before = previous?.doc.id === p.doc.id ? previous : undefined;
    previous = p;
    if (!before) close();
    // The first passage of its line: a paragraph or a list item starts there.
    const lineStart = before === undefined || before.line !== p.line;
    const intro = introKind(p);
    if (intro) {
      close();
      current = { ...intro, intro: p, heading: !p.text.trim().endsWith(':'), taken: 0, items: [] };
      continue;
    }
    // Another heading ends the one before.
    if (current?.heading && lineStart && isHeadingLine(p)) {
      close();
      continue;
    }
    if (!current || !isStatementLike(p)) continue;
    const leadIn = before !== undefined && !lineStart ? sentenceLeadIn(before) : undefined;
    const listed = BULLET.test(p.text) || LEAD_IN.test(p.text) || leadIn !== undefined;
    // Under a colon, the list items only; under a heading, its list items, or else its first
    // statement (the paragraphs after it most often say more of the same point). A list item's
    // further sentences are part of it.
    if (!listed) {
      if (!lineStart && current.taken > 0) continue;
      if (!current.heading || current.taken > 0) {
        close();
        continue;
      }
    }
    current.taken++;
    const label = LEAD_IN.exec(p.text)?.[1]?.trim() ?? leadIn;
    const item: ListedItem = { kind: current.kind, intro: current.intro, passage: p, separate: current.separate };
    if (label !== undefined && label.split(/\s+/).length <= 7) item.label = label;
    items.push(item);
    current.items.push(item);
  }
  close();
  return items;
}

/**
 * Every passage under a heading of `kind` ("Alternatives", "The options"), up to the next
 * heading: each of its paragraphs may name several options, with or without a cue word.
 */
export function passagesUnderHeading(corpus: Corpus, kind: StructureKind): Set<Passage> {
  const under = new Set<Passage>();
  let inside = false;
  let previous: Passage | undefined;
  for (const p of corpus.passages) {
    const lineStart = previous?.doc.id !== p.doc.id || previous.line !== p.line;
    if (previous?.doc.id !== p.doc.id) inside = false;
    previous = p;
    const intro = introKind(p);
    if (intro && !p.text.trim().endsWith(':')) inside = intro.kind === kind;
    else if (lineStart && isHeadingLine(p)) inside = false;
    else if (inside) under.add(p);
  }
  return under;
}

/** A heading: alone on its line, short, not a sentence. */
function isHeadingLine(p: Passage): boolean {
  const text = p.text.trim();
  return !isStatementLike(p) && !/[.!?:]["'”’)]?$/.test(text) && text.split(/\s+/).length <= 10;
}

/** "The union." before an item's sentence on the same line: a bold lead-in written as a sentence of its own. */
function sentenceLeadIn(p: Passage): string | undefined {
  const text = p.text.trim().replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/u, '');
  if (isStatementLike(p) || !/[.:]$/.test(text)) return undefined;
  const words = text.split(/\s+/).length;
  return words <= 6 ? text.slice(0, -1).trim() : undefined;
}

/** "Transparency: A Growing Point of Contention" → "Transparency"; a heading of a few words as it is. */
function headingLabel(text: string): string | undefined {
  const trimmed = text.trim();
  return /^([^:]{2,60}):/.exec(trimmed)?.[1] ?? (trimmed.split(/\s+/).length <= 7 ? trimmed : undefined);
}
