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
  let current: { kind: StructureKind; separate: boolean; intro: Passage; heading: boolean; taken: number } | undefined;
  let lastDoc: string | undefined;
  for (const p of corpus.passages) {
    if (p.doc.id !== lastDoc) {
      lastDoc = p.doc.id;
      current = undefined;
    }
    const intro = introKind(p);
    if (intro) {
      current = { ...intro, intro: p, heading: !p.text.trim().endsWith(':'), taken: 0 };
      continue;
    }
    if (!current || !isStatementLike(p)) continue;
    const listed = BULLET.test(p.text) || LEAD_IN.test(p.text);
    // Under a colon, the list items only; under a heading, its list items, or else its first statement.
    if (!listed && (!current.heading || current.taken > 0)) {
      if (!current.heading || current.taken > 0) current = undefined;
      continue;
    }
    current.taken++;
    const label = LEAD_IN.exec(p.text)?.[1]?.trim() ?? (listed ? undefined : headingLabel(current.intro.text));
    const item: ListedItem = { kind: current.kind, intro: current.intro, passage: p, separate: current.separate };
    if (label !== undefined && label.split(/\s+/).length <= 7) item.label = label;
    items.push(item);
    // A heading without a list announces one point: its first statement.
    if (!listed && current.heading) current = undefined;
  }
  return items;
}

/** "Transparency: A Growing Point of Contention" → "Transparency"; a heading of a few words as it is. */
function headingLabel(text: string): string | undefined {
  const trimmed = text.trim();
  return /^([^:]{2,60}):/.exec(trimmed)?.[1] ?? (trimmed.split(/\s+/).length <= 7 ? trimmed : undefined);
}
