// The curated summary (briefing.yaml): one zod schema, the types inferred from it.
import * as z from 'zod';
import { LIMITS, thousands } from './sandbox.js';

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.summaryText, `must be at most ${thousands(LIMITS.summaryText)} characters (a slide holds a few hundred)`);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`);
    // Date.parse rolls 2025-02-30 over to March; a real date reads back the same.
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
  }, 'must be a real calendar date');

export const CitationSchema = z.strictObject({
  /** Document id: the file name up to the first `_`. */
  doc: z
    .union([z.string(), z.int().nonnegative()], 'must be a document id, e.g. "003"')
    .transform((id) => String(id).trim())
    .pipe(z.string().min(1, 'must name a document')),
  /** A verbatim passage of that document. */
  quote: z.string(),
});

const cite = z.array(CitationSchema).min(1, 'every statement needs at least one citation');

/**
 * An item's identity across versions of the summary (optional): the change report pairs items
 * with the same id, whatever their place or wording; items without one are paired by their
 * citations and text. Unique in the summary. Never shown.
 */
const id = z
  .union([z.string(), z.int().nonnegative()], 'must be a short name, e.g. "stake-total"')
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, 'must not be empty'))
  .optional();

/**
 * `view: true` marks an item as the team's own judgement: exempt from the support check (it
 * still cites what it rests on, and its figures are still grounded), and shown as the team's
 * view in the deck and the memo. Every kind of item takes it; see `isTeamView`.
 */
export const TeamViewField = z.boolean().optional();

export const StatementSchema = z.strictObject({ id, text, view: TeamViewField, cite });

/** The kinds of amount the tool knows; a summary may write another (free text). Charts compare one kind. */
export const AMOUNT_KINDS = ['investment', 'cumulative total', 'valuation', 'commitment', 'revenue', 'other'] as const;

export const AmountObjectSchema = z.strictObject({
  /** As the sources write it: "$1 billion". */
  value: text,
  /** What the amount measures: one of AMOUNT_KINDS, or the summary's own words. */
  kind: text.optional(),
  /** Whose money or whose figure it is: "Acme", "the city council". */
  party: text.optional(),
  /** Who receives the money, or what the figure is of: "Beta Ltd" (the draft fills it; shown nowhere yet). */
  counterparty: text.optional(),
});

/** An amount: "$1 billion", or { value, kind, party }. The short form has no kind. */
export const AmountSchema = z.preprocess((v) => (typeof v === 'string' ? { value: v } : v), AmountObjectSchema);

export const InvestmentSchema = z.strictObject({
  /**
   * When: YYYY, YYYY-MM, YYYY-MM-DD or a range START/END of those (see inputs/when.ts).
   * Anything else (or nothing) makes an undated event: a warning, listed beside the timeline;
   * `undated` says the sources give no date (listed beside the timeline, no warning).
   */
  when: text.optional(),
  /** The amount involved; optional. */
  amount: AmountSchema.optional(),
  /** A short label for the timeline (a few words). */
  label: text,
  text,
  view: TeamViewField,
  cite,
  id,
});

export const FrictionSchema = z.strictObject({ title: text, text, view: TeamViewField, cite, id });

export const AlternativeSchema = z.strictObject({
  name: text,
  /** What sort of alternative, in the summary's own words; alternatives are grouped by it. */
  kind: text.optional(),
  /** Who makes it (whose model, whose chips, whose cloud). */
  maker: text.optional(),
  /** Whose option it is: who is pursuing it ("Acme"; "Acme with two partners"). */
  pursuedBy: text.optional(),
  /** The older name of pursuedBy, still accepted. */
  owner: text.optional(),
  text,
  view: TeamViewField,
  cite,
  id,
})
  .refine((a) => a.owner === undefined || a.pursuedBy === undefined, { message: 'give pursuedBy or its older name owner, not both', path: ['owner'] })
  .transform(({ owner, ...a }) => ({ ...a, pursuedBy: a.pursuedBy ?? owner }));

export const ImplicationSchema = z.strictObject({
  /** A few words, for a card's heading. */
  title: text,
  /** What this means for the reader. */
  text,
  view: TeamViewField,
  cite,
  id,
});

export const WatchSchema = z.strictObject({
  /** The signpost: what to watch. */
  signpost: text,
  /** What would confirm the reading. */
  confirms: text.optional(),
  /** What would refute it. */
  refutes: text.optional(),
  /** When to look, where the sources give one (the forms of `when`). */
  when: text.optional(),
  view: TeamViewField,
  cite,
  id,
});

export const OutlookSchema = z.strictObject({
  title: text,
  text,
  /** How likely the scenario is, in the team's words ("likely", "possible", "remote"): the team's view, shown as such. */
  likelihood: text.optional(),
  /** What would set it off: an event to watch for. */
  trigger: text.optional(),
  view: TeamViewField,
  cite,
  id,
});

/**
 * What the team recommends: the team's view by nature (`view` is true whether or not the summary
 * writes it: exempt from the support check, shown as the team's view); it cites what it rests on.
 */
export const RecommendationSchema = z
  .strictObject({
    /** What to do, in one sentence. */
    text,
    /** Who does it. */
    owner: text,
    /** By when: one of the forms of `when`, or words ("before the renewal"); checked like a signpost's. */
    when: text,
    view: TeamViewField,
    cite,
    id,
  })
  .transform((r) => ({ ...r, view: true as const }));

/** Who reads the briefing, and what they hold or decide: what the answer is for. */
export const AudienceObjectSchema = z.strictObject({
  /** Who reads: "the credit committee". */
  who: text,
  /** What they hold, own or are exposed to: "a loan book of regional airlines". */
  holds: text.optional(),
  /** What they decide: "whether to extend the credit line". */
  decides: text.optional(),
});

/** The audience: one line ("Executive leadership team"), or { who, holds, decides }. */
export const AudienceSchema = z.preprocess((v) => (typeof v === 'string' ? { who: v } : v), AudienceObjectSchema);

export const ConflictSchema = z.strictObject({
  topic: text,
  sides: z.array(StatementSchema).min(2, 'a disagreement needs at least two sides'),
  id,
});

export const SourceMetaSchema = z.strictObject({
  title: text.optional(),
  date: isoDate.optional(),
  publisher: text.optional(),
  url: z.url().optional(),
});

/** A headline: its text, or `{ text, view: true }` for a headline that is the team's view. */
const headline = z.union([text, z.strictObject({ text, view: TeamViewField })], 'must be a headline: a text, or { text, view: true }').optional();

/** Action titles: one short sentence per section, stating its point. */
export const HeadlinesSchema = z.strictObject({
  takeaways: headline,
  investment: headline,
  friction: headline,
  alternatives: headline,
  outlook: headline,
  conflicts: headline,
  implications: headline,
  watch: headline,
  recommendations: headline,
});

export const MemoHeaderSchema = z.strictObject({
  to: text.optional(),
  from: text.optional(),
  subject: text.optional(),
});

export const SummarySchema = z.strictObject({
  title: text,
  subtitle: text.default('Executive briefing'),
  /** The date of the briefing; shown on both outputs and pins file timestamps. */
  asOf: isoDate,
  author: text.optional(),
  audience: AudienceSchema.optional(),
  memo: MemoHeaderSchema.default({}),
  headlines: HeadlinesSchema.default({}),
  sources: z.record(z.string(), SourceMetaSchema).default({}),
  takeaways: z.array(StatementSchema).min(3, 'give 3 to 5 takeaways').max(5, 'give 3 to 5 takeaways'),
  investment: z.array(InvestmentSchema).default([]),
  friction: z.array(FrictionSchema).default([]),
  alternatives: z.array(AlternativeSchema).default([]),
  outlook: z.array(OutlookSchema).default([]),
  conflicts: z.array(ConflictSchema).default([]),
  implications: z.array(ImplicationSchema).default([]),
  watch: z.array(WatchSchema).default([]),
  recommendations: z.array(RecommendationSchema).default([]),
}).transform(({ headlines, ...summary }) => {
  // Headlines are text for every stage after this one; which are the team's view is said apart.
  const texts: Partial<Record<keyof typeof headlines, string>> = {};
  const headlineViews: (keyof typeof headlines)[] = [];
  for (const [key, value] of Object.entries(headlines) as [keyof typeof headlines, (typeof headlines)[keyof typeof headlines]][]) {
    if (value === undefined) continue;
    texts[key] = typeof value === 'string' ? value : value.text;
    // What we recommend is the team's view by nature, its headline too.
    if ((typeof value !== 'string' && value.view === true) || key === 'recommendations') headlineViews.push(key);
  }
  return { ...summary, headlines: texts, headlineViews };
});

export type Citation = z.infer<typeof CitationSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Investment = z.infer<typeof InvestmentSchema>;
export type Friction = z.infer<typeof FrictionSchema>;
export type Alternative = z.infer<typeof AlternativeSchema>;
export type Outlook = z.infer<typeof OutlookSchema>;
export type Conflict = z.infer<typeof ConflictSchema>;
export type Amount = z.infer<typeof AmountObjectSchema>;
export type Implication = z.infer<typeof ImplicationSchema>;
export type Watch = z.infer<typeof WatchSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Audience = z.infer<typeof AudienceObjectSchema>;
export type SourceMeta = z.infer<typeof SourceMetaSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type SectionKey = keyof z.infer<typeof HeadlinesSchema>;

/**
 * Whether a statement is the team's view (`view: true`): exempt from the support check, shown as
 * the team's view. The one test every stage uses, for any kind of item (a section added later too).
 */
export function isTeamView(item: { view?: boolean | undefined }): boolean {
  return item.view === true;
}

/** Whether a section's headline is the team's view (`headlines: { x: { text, view: true } }`). */
export function isHeadlineTeamView(summary: Pick<Summary, 'headlineViews'>, section: SectionKey): boolean {
  return summary.headlineViews.includes(section);
}
export const SECTION_KEYS: SectionKey[] = ['takeaways', 'implications', 'recommendations', 'watch', 'investment', 'friction', 'alternatives', 'outlook', 'conflicts'];
