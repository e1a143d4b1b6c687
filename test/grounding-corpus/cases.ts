// The grounding corpus (issue 19): each case is a way the outputs could print what the sources do
// not say, as a small workspace that `check` must refuse with the case's rule, and a faithful twin
// that differs only where the defect is, which `check` must accept. Groups follow the issue:
// boundaries, figures, normal form, printed fields, hidden text, corroboration, outputs as
// sources, look-alikes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DECK_TEMPLATE = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/deck.md.hbs'), 'utf8');

export type Group = 'boundaries' | 'figures' | 'normal-form' | 'printed-fields' | 'hidden-text' | 'corroboration' | 'outputs' | 'look-alikes';

/** One side of a case: the files of the workspace that differ from the base, and the command. */
export interface Side {
  /** The first takeaway: its text and its quote of document 001 (the rest of the summary is fixed). */
  statement?: string;
  quote?: string;
  /** A second citation of the first takeaway. */
  also?: { doc: string; quote: string };
  /** Document 001's text (default: BASE_DOCUMENT). */
  document?: string;
  /** More files of the workspace (name → content); `null` leaves a base file out. */
  files?: Record<string, string | Uint8Array | null>;
  /** YAML lines added at the top level of the summary (after asOf). */
  top?: string[];
  /** YAML lines added at the end of the summary (more sections). */
  tail?: string[];
}

export interface GroundingCase {
  group: Group;
  id: string;
  /** What the defect would print. */
  covers: string;
  /** The rule `check` must report (as an error, or as a warning where `warning` is set). */
  rule: string;
  warning?: boolean;
  /** Run `check --strict` (a warning of a rule --strict makes an error is then an error). */
  strict?: boolean;
  /** What the message must also say (the cause, named). */
  says?: string | RegExp;
  /** How many distinct sources the first takeaway rests on, per `check --json` (bad, twin). */
  sources?: [number, number];
  bad: Side;
  twin: Side;
}

export const BASE_DOCUMENT = [
  'Acme quarterly report',
  '',
  'The merger was unprofitable, according to analysts. Acme holds 15 percent of the joint venture.',
  'Tools made up 49% of sales. Growth was 1.5 percent. Acme had 5150 employees.',
  'Acme sold 150 units. The board called the merger profitable, according to its chair.',
  'Acme signed a five-year deal with the firm. The financial outlook is stable.',
  'Acme will buy Beta for $2 billion, a person familiar said.',
  'Acme raised $5 million from investors. A $5 T-shirt sold out. Acme closed the $100 M&A deal.',
  'Margins rose 5% in 2021. Acme has invested more than $3 billion in total. Output rose four percent.',
  '',
].join('\n');

/** Document 002: another article, so that the summary has two sources to cite. */
export const OTHER_DOCUMENT = ['Beta weekly', '', 'Beta denied that it would be sold to Acme.', 'Beta shares rose 4 percent on the news.', ''].join('\n');

const takeaway = (statement: string, quote: string) => ({ statement, quote });

export const CASES: GroundingCase[] = [
  // 1. Quotes on word boundaries.
  {
    group: 'boundaries',
    id: 'inside-a-word',
    covers: '"profitable, according to analysts" cut out of "unprofitable, according to analysts"',
    rule: 'quote-inside-word',
    says: 'starts inside the word "unprofitable"',
    bad: takeaway('The merger was profitable, according to analysts.', 'profitable, according to analysts'),
    twin: takeaway('The merger was unprofitable, according to analysts.', 'The merger was unprofitable, according to analysts'),
  },
  {
    group: 'boundaries',
    id: 'inside-a-number',
    covers: '"5 percent of the joint venture" cut out of "15 percent"',
    rule: 'quote-inside-word',
    says: 'inside the number "15"',
    bad: takeaway('Acme holds 5 percent of the joint venture.', '5 percent of the joint venture'),
    twin: takeaway('Acme holds 15 percent of the joint venture.', 'Acme holds 15 percent of the joint venture'),
  },
  {
    group: 'boundaries',
    id: 'inside-a-percentage',
    covers: '"9% of sales." cut out of "49% of sales."',
    rule: 'quote-inside-word',
    says: 'inside the number "49"',
    bad: takeaway('Tools made up 9% of sales.', '9% of sales.'),
    twin: takeaway('Tools made up 49% of sales.', 'Tools made up 49% of sales.'),
  },
  {
    group: 'boundaries',
    id: 'inside-a-decimal',
    covers: '"5 percent" cut out of "1.5 percent"',
    rule: 'quote-inside-word',
    says: 'inside the number "1.5"',
    bad: takeaway('Growth was 5 percent.', '5 percent. Acme had 5150'),
    twin: takeaway('Growth was 1.5 percent.', 'Growth was 1.5 percent. Acme had 5150'),
  },
  {
    group: 'boundaries',
    id: 'ends-inside-a-word',
    covers: 'a quote that ends inside a word: "Acme signed a five-year deal with the f"',
    rule: 'quote-inside-word',
    says: 'ends inside the word "firm"',
    bad: takeaway('Acme signed a five-year deal.', 'Acme signed a five-year deal with the f'),
    twin: takeaway('Acme signed a five-year deal.', 'Acme signed a five-year deal with the firm'),
  },
  {
    group: 'boundaries',
    id: 'inside-a-hyphenated-word',
    covers: '"profit plan grew" cut out of "non-profit plan grew"',
    rule: 'quote-inside-word',
    says: 'inside the word "non-profit"',
    bad: { ...takeaway('The profit plan grew.', 'profit plan grew at Acme'), document: `${BASE_DOCUMENT}The non-profit plan grew at Acme.\n` },
    twin: { ...takeaway('The non-profit plan grew.', 'The non-profit plan grew at Acme'), document: `${BASE_DOCUMENT}The non-profit plan grew at Acme.\n` },
  },

  // 2. Figures are values: value, scale, unit or currency, kind; numbers in words; dates at their precision.
  {
    group: 'figures',
    id: 'scale-differs',
    covers: '"5 billion dollars" grounded by "$5 million"',
    rule: 'figure-not-in-quotes',
    says: 'the quotes state "$5 million"',
    bad: takeaway('Acme raised 5 billion dollars from investors.', 'Acme raised $5 million from investors'),
    twin: takeaway('Acme raised 5 million dollars from investors.', 'Acme raised $5 million from investors'),
  },
  {
    group: 'figures',
    id: 'currency-differs',
    covers: '"5 million euros" grounded by "$5 million"',
    rule: 'figure-not-in-quotes',
    says: '(EUR 5,000,000)',
    bad: takeaway('Acme raised 5 million euros from investors.', 'Acme raised $5 million from investors'),
    twin: takeaway('Acme raised $5 million from investors.', 'Acme raised $5 million from investors'),
  },
  {
    group: 'figures',
    id: 'letter-is-no-scale',
    covers: '"$5 trillion" grounded by "a $5 T-shirt"',
    rule: 'figure-not-in-quotes',
    says: 'figure "$5 trillion"',
    bad: takeaway('A $5 trillion T-shirt sold out.', 'A $5 T-shirt sold out'),
    twin: takeaway('A $5 T-shirt sold out.', 'A $5 T-shirt sold out'),
  },
  {
    group: 'figures',
    id: 'm-and-a-is-no-million',
    covers: '"$100 million" grounded by "$100 M&A"',
    rule: 'figure-not-in-quotes',
    says: 'figure "$100 million"',
    bad: takeaway('Acme closed the $100 million deal.', 'Acme closed the $100 M&A deal'),
    twin: takeaway('Acme closed the $100 M&A deal.', 'Acme closed the $100 M&A deal'),
  },
  {
    group: 'figures',
    id: 'unit-differs',
    covers: '"150 pct" grounded by any 150 ("150 units")',
    rule: 'figure-not-in-quotes',
    says: 'figure "150 pct"',
    bad: takeaway('Acme sales rose 150 pct.', 'Acme sold 150 units'),
    twin: takeaway('Acme sold 150 units.', 'Acme sold 150 units'),
  },
  {
    group: 'figures',
    id: 'points-are-not-percent',
    covers: '"5 percentage points" grounded by "5%"',
    rule: 'figure-not-in-quotes',
    says: 'figure "5 percentage points"',
    bad: takeaway('Margins rose 5 percentage points in 2021.', 'Margins rose 5% in 2021'),
    twin: takeaway('Margins rose 5% in 2021.', 'Margins rose 5% in 2021'),
  },
  {
    group: 'figures',
    id: 'amount-in-words',
    covers: '"five billion dollars" written in words needs no grounding',
    rule: 'figure-not-in-quotes',
    says: 'figure "five billion dollars"',
    bad: takeaway('Acme raised five billion dollars from investors.', 'Acme raised $5 million from investors'),
    twin: takeaway('Acme raised five million dollars from investors.', 'Acme raised $5 million from investors'),
  },
  {
    group: 'figures',
    id: 'percentage-in-words',
    covers: '"forty percent" written in words needs no grounding',
    rule: 'figure-not-in-quotes',
    says: 'figure "forty percent"',
    bad: takeaway('Output rose forty percent.', 'Output rose four percent'),
    twin: takeaway('Output rose 4 percent.', 'Output rose four percent'),
  },
  {
    group: 'figures',
    id: 'qualifier-dropped',
    covers: '"more than $3 billion" stated as "$3 billion"',
    rule: 'figure-qualifier-dropped',
    warning: true,
    says: 'more than',
    bad: takeaway('Acme has invested $3 billion in total.', 'Acme has invested more than $3 billion in total'),
    twin: takeaway('Acme has invested more than $3 billion in total.', 'Acme has invested more than $3 billion in total'),
  },
  {
    group: 'figures',
    id: 'day-shown-year-grounded',
    covers: 'when: 2021-03-15 checked by its year while the memo prints "15 Mar 2021"',
    rule: 'figure-not-in-quotes',
    says: 'investment[0].when',
    bad: { tail: dated('2021-03-15') },
    twin: { tail: dated('2021') },
  },
  {
    group: 'figures',
    id: 'quarter-shown-year-grounded',
    covers: 'when: 2021-Q3 checked by its year while the memo prints "Q3 2021"',
    rule: 'figure-not-in-quotes',
    says: 'investment[0].when',
    bad: { tail: dated('2021-Q3') },
    twin: { tail: dated('2021') },
  },

  // 3. One normal form: invisible characters are refused in the summary, removed from documents.
  {
    group: 'normal-form',
    id: 'zero-width-space-in-statement',
    covers: '"5\\u200B150" shown 5150, read as 5 and 150',
    rule: 'invisible-character',
    says: 'U+200B ZERO WIDTH SPACE',
    bad: takeaway('Acme had 5\u200B150 employees.', 'Acme had 5150 employees'),
    twin: takeaway('Acme had 5150 employees.', 'Acme had 5150 employees'),
  },
  {
    group: 'normal-form',
    id: 'word-joiner-in-statement',
    covers: 'U+2060 WORD JOINER splitting a figure',
    rule: 'invisible-character',
    says: 'U+2060 WORD JOINER',
    bad: takeaway('Acme had 5\u2060150 employees.', 'Acme had 5150 employees'),
    twin: takeaway('Acme had 5150 employees.', 'Acme had 5150 employees'),
  },
  {
    group: 'normal-form',
    id: 'grapheme-joiner-in-statement',
    covers: 'U+034F COMBINING GRAPHEME JOINER splitting a figure',
    rule: 'invisible-character',
    says: 'U+034F COMBINING GRAPHEME JOINER',
    bad: takeaway('Acme had 5\u034F150 employees.', 'Acme had 5150 employees'),
    twin: takeaway('Acme had 5150 employees.', 'Acme had 5150 employees'),
  },
  {
    group: 'normal-form',
    id: 'soft-hyphen-in-quote',
    covers: 'a quote "1\\u00AD50" that matches "150" and grounds "50"',
    rule: 'invisible-character',
    says: 'U+00AD SOFT HYPHEN',
    bad: takeaway('Acme sold 50 units.', 'Acme sold 1\u00AD50 units'),
    twin: takeaway('Acme sold 150 units.', 'Acme sold 150 units'),
  },
  {
    group: 'normal-form',
    id: 'bidi-override-in-statement',
    covers: '"\\u202E15\\u202C percent" shown "51 percent" in the deck',
    rule: 'invisible-character',
    says: 'U+202E RIGHT-TO-LEFT OVERRIDE',
    bad: takeaway('Acme holds \u202E15\u202C percent of the joint venture.', 'Acme holds 15 percent of the joint venture'),
    twin: takeaway('Acme holds 15 percent of the joint venture.', 'Acme holds 15 percent of the joint venture'),
  },
  {
    group: 'normal-form',
    id: 'bidi-isolate-in-title',
    covers: 'a right-to-left isolate in the title',
    rule: 'invisible-character',
    says: 'U+2067 RIGHT-TO-LEFT ISOLATE',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ['subtitle: "Acme \u2067and Beta\u2069"'] },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ['subtitle: "Acme and Beta"'] },
  },
  {
    group: 'normal-form',
    id: 'bidi-in-workspace-template',
    covers: 'a workspace deck template whose own text holds a right-to-left override',
    rule: 'invisible-character',
    says: 'the template contains U+202E RIGHT-TO-LEFT OVERRIDE',
    bad: { files: { 'templates/deck.md.hbs': DECK_TEMPLATE.replace(/^# /m, '# \u202E') } },
    twin: { files: { 'templates/deck.md.hbs': DECK_TEMPLATE } },
  },
  {
    group: 'normal-form',
    id: 'invisible-in-document-joins-figure',
    covers: 'a document that writes "5\\u200B150": shown 5150, so it grounds 5150 and not 150',
    rule: 'figure-not-in-quotes',
    says: 'figure "150"',
    bad: { ...takeaway('Acme had 150 employees.', 'Acme had 5150 employees'), document: BASE_DOCUMENT.replace('5150', '5\u200B150') },
    twin: { ...takeaway('Acme had 5150 employees.', 'Acme had 5150 employees'), document: BASE_DOCUMENT.replace('5150', '5\u200B150') },
  },
  {
    group: 'normal-form',
    id: 'bidi-in-document',
    covers: 'a document that writes "\\u202E15\\u202C percent" (shown 51): it reads 15, so 51 is not grounded',
    rule: 'quote-not-found',
    bad: { ...takeaway('Acme holds 51 percent of the joint venture.', 'Acme holds 51 percent of the joint venture'), document: BASE_DOCUMENT.replace('15 percent', '\u202E15\u202C percent') },
    twin: { ...takeaway('Acme holds 15 percent of the joint venture.', 'Acme holds 15 percent of the joint venture'), document: BASE_DOCUMENT.replace('15 percent', '\u202E15\u202C percent') },
  },

  {
    group: 'normal-form',
    id: 'mark-on-a-digit',
    covers: '"1\u033650 units": a long stroke overlay struck through the 1 (shown as a struck-out 1, checked as 150)',
    rule: 'combining-mark',
    says: 'has U+0336 COMBINING LONG STROKE OVERLAY on "1" at character 12, after "Acme sold "',
    bad: takeaway('Acme sold 1\u033650 units.', 'Acme sold 150 units'),
    twin: takeaway('Acme sold 150 units.', 'Acme sold 150 units'),
  },
  {
    group: 'normal-form',
    id: 'mark-through-a-letter',
    covers: '"u\u0338nprofitable": a slash through the "u" of "unprofitable" (read as "profitable")',
    rule: 'combining-mark',
    says: 'U+0338 COMBINING LONG SOLIDUS OVERLAY on "u"',
    bad: takeaway('The merger was u\u0338nprofitable, according to analysts.', 'The merger was unprofitable, according to analysts'),
    twin: takeaway('The merger was unprofitable, according to analysts.', 'The merger was unprofitable, according to analysts'),
  },
  {
    group: 'normal-form',
    id: 'accent-is-text',
    covers: 'a decomposed accent on a letter (NFD "e\u0301") is text, not a stray mark: only its twin differs',
    rule: 'quote-not-found',
    bad: { ...takeaway('Acme sold 150 units at the cafe\u0301.', 'Acme sold 150 units at the cafe\u0301 bar'), document: `${BASE_DOCUMENT}Acme sold 150 units at the café.\n` },
    twin: { ...takeaway('Acme sold 150 units at the cafe\u0301.', 'Acme sold 150 units at the cafe\u0301'), document: `${BASE_DOCUMENT}Acme sold 150 units at the café.\n` },
  },

  // 4. Every printed field is grounded.
  {
    group: 'printed-fields',
    id: 'audience-figures',
    covers: 'audience "$900 million buyout in 2031" on the title slide and the memo\'s To:',
    rule: 'figure-not-in-quotes',
    says: 'in audience',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ["audience: 'The board, ahead of the $900 million buyout in 2031'"] },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ["audience: 'The board, ahead of the sale of 150 units'"] },
  },
  {
    group: 'printed-fields',
    id: 'theme-marker-claims',
    covers: 'a theme hedge marker "(confirmed by 12 sources, 99% certain)"',
    rule: 'theme-invalid',
    says: 'a marker is the tool\'s word on the evidence',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), files: { 'theme.yaml': "markers:\n  single: '(confirmed by 12 sources, 99% certain)'\n" } },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), files: { 'theme.yaml': "markers:\n  single: '(one report)'\n" } },
  },
  {
    group: 'printed-fields',
    id: 'amount-kind-figures',
    covers: 'amount.kind "Series 7 round at a $40 billion valuation" as the chart\'s title and call-outs',
    rule: 'figure-not-in-quotes',
    says: 'investment[0].amount.kind',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), tail: investment("kind: 'Series 7 round at a $40 billion valuation'") },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), tail: investment('kind: commitment') },
  },
  {
    group: 'printed-fields',
    id: 'source-date-overrides-document',
    covers: 'a sources date of 2031-01-01 replacing a document\'s own 2024-05-10 in the references and notes',
    rule: 'source-date-conflict',
    says: 'differs from the date document 001 gives itself, 2024-05-10',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), document: `date 2024-05-10\n\n${BASE_DOCUMENT}`, top: ['sources:', '  "001": { date: 2031-01-01 }'] },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), document: `date 2024-05-10\n\n${BASE_DOCUMENT}`, top: ['sources:', '  "001": { date: 2024-05-10 }'] },
  },
  {
    group: 'printed-fields',
    id: 'memo-header-figures',
    covers: 'a memo subject with a figure no quote states',
    rule: 'figure-not-in-quotes',
    says: 'memo.subject',
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ["memo: { subject: 'Acme: the $7 billion question' }"] },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), top: ["memo: { subject: 'Acme: the 150 units question' }"] },
  },

  // 6. Corroboration counts sources by content.
  {
    group: 'corroboration',
    id: 'same-article-twice',
    covers: 'the same article saved under two names counts as two sources',
    rule: 'duplicate-document',
    warning: true,
    says: 'have the same bytes: they count as one source, 001',
    sources: [1, 2],
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), also: { doc: '003', quote: 'Acme sold 150 units' }, files: { '003_copy.txt': 'SAME_AS_001' } },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), also: { doc: '003', quote: 'Acme sold 150 units' }, files: { '003_other.txt': 'Gamma notes\n\nAcme sold 150 units, Gamma said.\n' } },
  },
  {
    group: 'corroboration',
    id: 'same-text-other-spacing',
    covers: 'the same article with other line breaks and curly quotes counts as two sources',
    rule: 'duplicate-document',
    warning: true,
    says: 'have the same text',
    sources: [1, 2],
    bad: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), also: { doc: '003', quote: 'Acme had 5150 employees' }, files: { '003_copy.txt': `${BASE_DOCUMENT.replace(/\n/g, '\r\n').replace(/ /g, '  ')}` } },
    twin: { ...takeaway('Acme sold 150 units.', 'Acme sold 150 units'), also: { doc: '003', quote: 'Acme had 5150 employees' }, files: { '003_copy.txt': `${BASE_DOCUMENT.replace('150 units', '160 units')}` } },
  },

  // 8. Look-alikes are named.
  {
    group: 'look-alikes',
    id: 'cyrillic-ie',
    covers: 'a quote with Cyrillic "е" beside a passage that looks identical',
    rule: 'quote-not-found',
    says: 'the quote has U+0435 CYRILLIC SMALL LETTER IE where the document has "e"',
    bad: takeaway('Acme signed a five-year deal.', 'Acme signed a five-year d\u0435al with the firm'),
    twin: takeaway('Acme signed a five-year deal.', 'Acme signed a five-year deal with the firm'),
  },
  {
    group: 'look-alikes',
    id: 'ligature-fi',
    covers: 'a quote with the ligature "ﬁ"',
    rule: 'quote-not-found',
    says: 'U+FB01 LATIN SMALL LIGATURE FI',
    bad: takeaway('The outlook is stable.', 'The \uFB01nancial outlook is stable'),
    twin: takeaway('The outlook is stable.', 'The financial outlook is stable'),
  },
  {
    group: 'look-alikes',
    id: 'greek-omicron',
    covers: 'a quote with Greek "ο" for "o"',
    rule: 'quote-not-found',
    says: 'U+03BF GREEK SMALL LETTER OMICRON',
    bad: takeaway('The outlook is stable.', 'The financial \u03BFutlook is stable'),
    twin: takeaway('The outlook is stable.', 'The financial outlook is stable'),
  },
  // Red-team pass: figures written the ways other typographies write them. Each bad side passed
  // `check` before the fix (the statement printed a figure its quotes do not state).
  {
    group: 'figures',
    id: 'space-grouped-statement',
    covers: '"5\u202F150 units" (a narrow no-break space between digit groups, as French and SI write 5150) grounded as 5 and 150',
    rule: 'figure-not-in-quotes',
    says: /figure "5\s150" \(5,150\)/u,
    bad: { ...takeaway('Acme sold 5\u202F150 units in regions.', 'In 5 regions Acme sold 150 units'), document: `${BASE_DOCUMENT}In 5 regions Acme sold 150 units.\n` },
    twin: { ...takeaway('Acme sold 150 units in 5 regions.', 'In 5 regions Acme sold 150 units'), document: `${BASE_DOCUMENT}In 5 regions Acme sold 150 units.\n` },
  },
  {
    group: 'figures',
    id: 'space-grouped-quote',
    covers: 'a document\'s "5\u00A0150 employees" (5150) read as 5 and 150, grounding "150 employees"',
    rule: 'figure-not-in-quotes',
    says: /the quotes state "5\s150" \(5,150\)/u,
    bad: { ...takeaway('Acme had 150 employees.', 'Acme had 5\u00A0150 employees'), document: BASE_DOCUMENT.replace('5150 employees', '5\u00A0150 employees') },
    twin: { ...takeaway('Acme had 5,150 employees.', 'Acme had 5\u00A0150 employees'), document: BASE_DOCUMENT.replace('5150 employees', '5\u00A0150 employees') },
  },
  {
    group: 'figures',
    id: 'apostrophe-grouped',
    covers: '"5\'150 units" (Swiss grouping) grounded as 5 and 150',
    rule: 'figure-not-in-quotes',
    says: '(5,150)',
    bad: { ...takeaway("Acme sold 5'150 units in regions.", 'In 5 regions Acme sold 150 units'), document: `${BASE_DOCUMENT}In 5 regions Acme sold 150 units.\n` },
    twin: { ...takeaway('Acme sold 150 units in 5 regions.', 'In 5 regions Acme sold 150 units'), document: `${BASE_DOCUMENT}In 5 regions Acme sold 150 units.\n` },
  },
  {
    group: 'figures',
    id: 'decimal-comma',
    covers: '"1,5 million euros" (a decimal comma) read as "5 million euros", grounding "5 million euros"',
    rule: 'figure-not-in-quotes',
    says: 'the quotes state "1,5 million euros" (EUR 1,500,000)',
    bad: { ...takeaway('Revenue was 5 million euros.', 'Revenue was 1,5 million euros'), document: `${BASE_DOCUMENT}Revenue was 1,5 million euros.\n` },
    twin: { ...takeaway('Revenue was 1.5 million euros.', 'Revenue was 1,5 million euros'), document: `${BASE_DOCUMENT}Revenue was 1,5 million euros.\n` },
  },
  {
    group: 'figures',
    id: 'indian-scale',
    covers: '"Rs 200 crore" (2 billion rupees) read as a bare 200, grounding "Rs 200"',
    rule: 'figure-not-in-quotes',
    says: 'the quotes state "Rs 200 crore" (INR 2,000,000,000)',
    bad: { ...takeaway('Acme paid Rs 200 for Beta.', 'Acme paid Rs 200 crore for Beta'), document: `${BASE_DOCUMENT}Acme paid Rs 200 crore for Beta.\n` },
    twin: { ...takeaway('Acme paid Rs 2 billion for Beta.', 'Acme paid Rs 200 crore for Beta'), document: `${BASE_DOCUMENT}Acme paid Rs 200 crore for Beta.\n` },
  },
  {
    group: 'figures',
    id: 'arabic-percent-sign',
    covers: '"150\u066A" (the Arabic percent sign) read as the count 150',
    rule: 'figure-not-in-quotes',
    says: '(150%)',
    bad: takeaway('Acme sold 150\u066A units.', 'Acme sold 150 units'),
    twin: takeaway('Acme sold 150 units.', 'Acme sold 150 units'),
  },
  {
    group: 'figures',
    id: 'sign-qualifier-added',
    covers: '">150 units" (more than 150) grounded by "150 units"',
    rule: 'figure-not-in-quotes',
    says: '(more than 150)',
    bad: takeaway('Acme sold >150 units.', 'Acme sold 150 units'),
    twin: takeaway('Acme sold 150 units.', 'Acme sold 150 units'),
  },
  {
    group: 'figures',
    id: 'sign-qualifier-dropped',
    covers: '"4 percent" from a quote\'s "<4 percent": --strict makes the dropped qualifier an error',
    rule: 'figure-qualifier-dropped',
    strict: true,
    says: 'the quotes state "< 4 percent" (under 4%)',
    bad: { ...takeaway('Growth was 4 percent.', 'Growth was <4 percent'), document: `${BASE_DOCUMENT}Growth was <4 percent.\n` },
    twin: { ...takeaway('Growth was <4 percent.', 'Growth was <4 percent'), document: `${BASE_DOCUMENT}Growth was <4 percent.\n` },
  },
  {
    group: 'figures',
    id: 'point-grouped-digits',
    covers: '"4.000.000 Euro" (groups joined by points, as German writes four million) read as 4 and EUR 0, grounding a bare "4"',
    rule: 'figure-not-in-quotes',
    says: 'figure "4" in takeaways[0].text does not occur in its quotes',
    bad: { ...takeaway('Acme zahlte 4 an Beta.', 'Acme zahlte 4.000.000 Euro an Beta'), document: `${BASE_DOCUMENT}Acme zahlte 4.000.000 Euro an Beta.\n` },
    twin: { ...takeaway('Acme zahlte 4,000,000 Euro an Beta.', 'Acme zahlte 4.000.000 Euro an Beta'), document: `${BASE_DOCUMENT}Acme zahlte 4.000.000 Euro an Beta.\n` },
  },
  {
    group: 'figures',
    id: 'percent-sign-first',
    covers: '"%4 of sales" (4%, the percent sign written first) grounded by the count "4"',
    rule: 'figure-not-in-quotes',
    says: 'figure "%4" (4%)',
    bad: { ...takeaway('Tools made up %4 of sales.', 'Tools made up 4 of the sales lines'), document: `${BASE_DOCUMENT}Tools made up 4 of the sales lines.\n` },
    twin: { ...takeaway('Tools made up 4 of the sales lines.', 'Tools made up 4 of the sales lines'), document: `${BASE_DOCUMENT}Tools made up 4 of the sales lines.\n` },
  },
  {
    group: 'figures',
    id: 'plural-scale',
    covers: '"4 millions" (a plural scale, as French writes it) grounded by a bare "4"',
    rule: 'figure-not-in-quotes',
    says: 'figure "4 millions" (4,000,000)',
    bad: { ...takeaway('Acme sold 4 millions units to Gamma.', 'Acme sold 4 units to Gamma'), document: `${BASE_DOCUMENT}Acme sold 4 units to Gamma.\n` },
    twin: { ...takeaway('Acme sold 4 units to Gamma.', 'Acme sold 4 units to Gamma'), document: `${BASE_DOCUMENT}Acme sold 4 units to Gamma.\n` },
  },
  {
    group: 'figures',
    id: 'plus-minus',
    covers: '"±4 percent" (a margin from -4% to 4%) grounded by "4 percent"',
    rule: 'figure-not-in-quotes',
    says: 'figure "±4 percent" (-4%–4%)',
    bad: { ...takeaway('Growth was \u00B14 percent.', 'Growth was 4 percent'), document: `${BASE_DOCUMENT}Growth was 4 percent, or \u00B14 percent by another count.\n` },
    twin: { ...takeaway('Growth was \u00B14 percent.', 'or \u00B14 percent by another count'), document: `${BASE_DOCUMENT}Growth was 4 percent, or \u00B14 percent by another count.\n` },
  },
  {
    group: 'boundaries',
    id: 'quote-cuts-a-scale',
    covers: '"Acme paid $4" quoted from "Acme paid $4 billion", grounding "$4"',
    rule: 'quote-inside-word',
    says: 'ends inside the figure "$4 billion"',
    bad: { ...takeaway('Acme paid $4 for the plant.', 'Acme paid $4'), document: `${BASE_DOCUMENT}Acme paid $4 billion for the plant.\n` },
    twin: { ...takeaway('Acme paid $4 billion for the plant.', 'Acme paid $4 billion for the plant'), document: `${BASE_DOCUMENT}Acme paid $4 billion for the plant.\n` },
  },
  {
    group: 'boundaries',
    id: 'quote-cuts-digit-groups',
    covers: '"paid €4" quoted from "paid €4\u00A0000\u00A0000" (four million, grouped with no-break spaces), grounding "€4"',
    rule: 'quote-inside-word',
    says: /ends inside the figure "€4\s000\s000"/u,
    bad: { ...takeaway('In total Acme paid €4 for Gamma.', 'In total Acme paid €4'), document: `${BASE_DOCUMENT}In total Acme paid €4\u00A0000\u00A0000 for Gamma.\n` },
    twin: { ...takeaway('In total Acme paid €4,000,000 for Gamma.', 'In total Acme paid €4\u00A0000\u00A0000 for Gamma'), document: `${BASE_DOCUMENT}In total Acme paid €4\u00A0000\u00A0000 for Gamma.\n` },
  },
];

function dated(when: string): string[] {
  return [
    'investment:',
    '  - label: Margins',
    `    when: '${when}'`,
    '    text: Margins rose 5% in 2021.',
    '    cite:',
    '      - { doc: "001", quote: "Margins rose 5% in 2021" }',
  ];
}

function investment(kindLine: string): string[] {
  return [
    'investment:',
    '  - label: Beta purchase',
    '    when: undated',
    `    amount: { value: $2 billion, ${kindLine} }`,
    '    text: Acme will buy Beta for $2 billion, a person familiar said.',
    '    cite:',
    '      - { doc: "001", quote: "Acme will buy Beta for $2 billion, a person familiar said" }',
  ];
}

/** The workspace of one side of a case: file name → content. */
export function sideFiles(side: Side): Record<string, string | Uint8Array> {
  const yaml = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const dq = (s: string) => JSON.stringify(s);
  const statement = side.statement ?? 'Acme sold 150 units.';
  const quote = side.quote ?? 'Acme sold 150 units';
  // Double-quoted YAML (JSON escapes) keeps invisible characters visible in this file.
  const summary = [
    'title: Acme and Beta',
    'asOf: 2025-06-01',
    ...(side.top ?? []),
    'takeaways:',
    `  - text: ${dq(statement)}`,
    '    cite:',
    `      - { doc: "001", quote: ${dq(quote)} }`,
    ...(side.also ? [`      - { doc: ${dq(side.also.doc)}, quote: ${dq(side.also.quote)} }`] : []),
    `  - text: ${yaml('Beta denied that it would be sold to Acme.')}`,
    '    cite:',
    `      - { doc: "002", quote: ${yaml('Beta denied that it would be sold to Acme.')} }`,
    `  - text: ${yaml('Beta shares rose 4 percent on the news.')}`,
    '    cite:',
    `      - { doc: "002", quote: ${yaml('Beta shares rose 4 percent on the news.')} }`,
    ...(side.tail ?? []),
    '',
  ].join('\n');
  const document = side.document ?? BASE_DOCUMENT;
  const files: Record<string, string | Uint8Array> = { '001_acme.txt': document, '002_beta.txt': OTHER_DOCUMENT, 'briefing.yaml': summary };
  for (const [name, content] of Object.entries(side.files ?? {})) {
    if (content === null) delete files[name];
    else files[name] = content === 'SAME_AS_001' ? document : content;
  }
  return files;
}
