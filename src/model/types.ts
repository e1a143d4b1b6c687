// The document model shared by the deck and the memo: what the templates' Markdown becomes.
// Writers see a finished model and make no content decisions.
import * as z from 'zod';
import { AMOUNT_ROLES } from '../inputs/amount-roles.js';

export const InlineSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  }),
  /** A citation: its global number, shared by the deck and the memo. */
  z.strictObject({ type: z.literal('cite'), n: z.number().int().positive() }),
  /** A line break inside a paragraph. */
  z.strictObject({ type: z.literal('break') }),
]);
export type Inline = z.infer<typeof InlineSchema>;

const inlines = z.array(InlineSchema);

export const TimelineEventSchema = z.strictObject({
  /** As shown: "Jan 2023", "2019–2023". */
  when: z.string(),
  /** Its place in time (fractional years, the middle of the period), when it is a date. */
  at: z.number().optional(),
  /** Where its period starts and ends (fractional years), when it is a date. */
  from: z.number().optional(),
  to: z.number().optional(),
  amount: z.string().optional(),
  /** What the amount is, in the summary's words ("valuation", "cumulative total"). */
  kind: z.string().optional(),
  label: inlines,
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const ChartPointSchema = z.strictObject({
  label: z.string(),
  value: z.number(),
  display: z.string(),
  /** A history chart's point: its date as shown, its place in time (fractional years), its series and citations. */
  when: z.string().optional(),
  at: z.number().optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  series: z.enum(AMOUNT_ROLES).optional(),
  /** The amount as the chart prints it (its hedge marker kept), for a history chart's labels. */
  inlines: z.array(InlineSchema).optional(),
  cites: z.array(z.number().int().positive()).optional(),
});
export type ChartPoint = z.infer<typeof ChartPointSchema>;

export const ChartSchema = z.strictObject({
  type: z.literal('chart'),
  /** bar: one kind of amount as bars; history: money by date (bars, a running total) with valuations and plans as markers. */
  kind: z.enum(['bar', 'history']),
  /** What a value measures, e.g. "$ billion". */
  unit: z.string(),
  /** What is plotted, for the axis and the series: "Cumulative total, $ billion". */
  measure: z.string(),
  points: z.array(ChartPointSchema).min(1),
  /** Citations behind the values. */
  cites: z.array(z.number().int().positive()),
});

export const BlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), level: z.number().int().min(1).max(4), inlines, id: z.string() }),
  z.strictObject({ type: z.literal('paragraph'), inlines }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines) }),
  z.strictObject({
    type: z.literal('table'),
    header: z.array(inlines),
    rows: z.array(z.array(inlines)),
    align: z.array(z.enum(['left', 'center', 'right'])),
  }),
  z.strictObject({ type: z.literal('quote'), inlines }),
  z.strictObject({ type: z.literal('timeline'), events: z.array(TimelineEventSchema).min(1) }),
  ChartSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type TableBlock = Extract<Block, { type: 'table' }>;
export type TimelineBlock = Extract<Block, { type: 'timeline' }>;
export type ChartBlock = Extract<Block, { type: 'chart' }>;

/** A verified citation as both outputs print it. */
export const CitationRefSchema = z.strictObject({
  n: z.number().int().positive(),
  doc: z.string(),
  docTitle: z.string(),
  docDate: z.string().optional(),
  /** The date is the editor's (the summary's `sources` block), not the document's own: shown in brackets. */
  docDateFromEditor: z.boolean().optional(),
  file: z.string(),
  /** The passage exactly as the document writes it. */
  quote: z.string(),
  line: z.number().int().positive(),
  /** Where the passage is in its file, as printed: "line 12", "p. 2" (PDF), "paragraph 4" (Word). */
  place: z.string(),
  /**
   * How many documents support the statement that cites the passage (the fewest, when several
   * statements cite it): 1 means this document alone.
   */
  support: z.number().int().nonnegative().optional(),
});
export type CitationRef = z.infer<typeof CitationRefSchema>;

export const SLIDE_LAYOUTS = ['title', 'bullets', 'cards', 'table', 'timeline', 'chart', 'conflicts', 'sources', 'changes'] as const;
export type SlideLayout = (typeof SLIDE_LAYOUTS)[number];

/** Speaker notes: the template's talking points, then the passages the slide cites. */
export const SpeakerNotesSchema = z.strictObject({
  /** Plain text paragraphs, as the template writes them. */
  talkingPoints: z.array(z.string()),
  /** Citation numbers whose full quotes follow the talking points, in order of first appearance. */
  citations: z.array(z.number().int().positive()),
});
export type SpeakerNotes = z.infer<typeof SpeakerNotesSchema>;

export const SlideSchema = z.strictObject({
  layout: z.enum(SLIDE_LAYOUTS),
  title: z.string(),
  /** Under the title on a title slide; a kicker elsewhere. */
  subtitle: z.string().optional(),
  blocks: z.array(BlockSchema),
  notes: SpeakerNotesSchema,
  /** Every citation number on the slide, in order of first appearance. */
  cites: z.array(z.number().int().positive()),
  /** Ids of the documents those citations come from, sorted. */
  sources: z.array(z.string()),
});
export type Slide = z.infer<typeof SlideSchema>;

export const MetaSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  asOf: z.string(),
  author: z.string().optional(),
  subject: z.string(),
  keywords: z.array(z.string()),
  to: z.string().optional(),
  from: z.string().optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

export const DeckSchema = z.strictObject({
  meta: MetaSchema,
  slides: z.array(SlideSchema).min(1),
  citations: z.array(CitationRefSchema),
});
export type Deck = z.infer<typeof DeckSchema>;

export const MemoSchema = z.strictObject({
  meta: MetaSchema,
  blocks: z.array(BlockSchema),
  citations: z.array(CitationRefSchema),
});
export type Memo = z.infer<typeof MemoSchema>;

/** Plain text of inlines, citations left out. */
export function plainText(items: readonly Inline[]): string {
  return items.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : '')).join('');
}

/** Citation numbers of inlines, in order. */
export function citesOf(items: readonly Inline[]): number[] {
  return items.flatMap((i) => (i.type === 'cite' ? [i.n] : []));
}
