// The curated summary (briefing.yaml): one zod schema, the types inferred from it.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
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

export const StatementSchema = z.strictObject({ text, cite });

export const InvestmentSchema = z.strictObject({
  /** When, as the sources say it: "2019", "late 2022", "January". */
  when: text,
  /** The amount involved, written as the sources write it ("$1 billion"); optional. */
  amount: text.optional(),
  /** A short label for the timeline (a few words). */
  label: text,
  text,
  cite,
});

export const FrictionSchema = z.strictObject({ title: text, text, cite });

export const AlternativeSchema = z.strictObject({
  name: text,
  /** What sort of alternative, in the summary's own words; alternatives are grouped by it. */
  kind: text.optional(),
  /** Whose alternative this is, in the summary's own words. */
  owner: text.optional(),
  text,
  cite,
});

export const OutlookSchema = z.strictObject({ title: text, text, cite });

export const ConflictSchema = z.strictObject({
  topic: text,
  sides: z.array(StatementSchema).min(2, 'a disagreement needs at least two sides'),
});

export const SourceMetaSchema = z.strictObject({
  title: text.optional(),
  date: isoDate.optional(),
  publisher: text.optional(),
  url: z.url().optional(),
});

/** Action titles: one short sentence per section, stating its point. */
export const HeadlinesSchema = z.strictObject({
  takeaways: text.optional(),
  investment: text.optional(),
  friction: text.optional(),
  alternatives: text.optional(),
  outlook: text.optional(),
  conflicts: text.optional(),
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
  audience: text.optional(),
  memo: MemoHeaderSchema.default({}),
  headlines: HeadlinesSchema.default({}),
  sources: z.record(z.string(), SourceMetaSchema).default({}),
  takeaways: z.array(StatementSchema).min(3, 'give 3 to 5 takeaways').max(5, 'give 3 to 5 takeaways'),
  investment: z.array(InvestmentSchema).default([]),
  friction: z.array(FrictionSchema).default([]),
  alternatives: z.array(AlternativeSchema).default([]),
  outlook: z.array(OutlookSchema).default([]),
  conflicts: z.array(ConflictSchema).default([]),
});

export type Citation = z.infer<typeof CitationSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Investment = z.infer<typeof InvestmentSchema>;
export type Friction = z.infer<typeof FrictionSchema>;
export type Alternative = z.infer<typeof AlternativeSchema>;
export type Outlook = z.infer<typeof OutlookSchema>;
export type Conflict = z.infer<typeof ConflictSchema>;
export type SourceMeta = z.infer<typeof SourceMetaSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type SectionKey = keyof z.infer<typeof HeadlinesSchema>;
export const SECTION_KEYS: SectionKey[] = ['takeaways', 'investment', 'friction', 'alternatives', 'outlook', 'conflicts'];
