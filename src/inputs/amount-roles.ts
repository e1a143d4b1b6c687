// What an amount is, for an exhibit: new money (a bar), a running total (a line), a valuation or a
// plan (a marker of its own), or another figure (never plotted with money). Read from the kind the
// summary gives it, in its own words ("cumulative investment", "planned spending", "valuation").

export const AMOUNT_ROLES = ['new money', 'total', 'valuation', 'plan', 'other'] as const;
export type AmountRole = (typeof AMOUNT_ROLES)[number];

const TOTAL = /\b(cumulative|total|to date|in all|overall)\b/;
const VALUATION = /\b(valuation|valued|worth)\b/;
const PLAN = /\b(commitment|committed|commit|plan|planned|plans|pledge|pledged|budget|target|proposed|intended)\b/;
const NEW_MONEY = /\b(investment|invested|invests|funding|funded|new money|capital|round|stake|injection)\b/;

/**
 * The role of an amount of this kind; undefined without a kind (an amount without one is never
 * plotted: nothing says what it is). A running total comes before the words of new money
 * ("cumulative investment" is a total), a plan before them too ("planned investment" is a plan).
 */
export function amountRole(kind: string | undefined): AmountRole | undefined {
  if (kind === undefined) return undefined;
  const k = kind.trim().toLowerCase().replace(/\s+/g, ' ');
  if (k === '') return undefined;
  if (TOTAL.test(k)) return 'total';
  if (VALUATION.test(k)) return 'valuation';
  if (PLAN.test(k)) return 'plan';
  if (NEW_MONEY.test(k)) return 'new money';
  return 'other';
}

/** How a role is named in a legend and an exhibit's notes. */
export const ROLE_NAMES: Record<AmountRole, string> = {
  'new money': 'New money',
  total: 'Running total',
  valuation: 'Valuation',
  plan: 'Commitment or plan',
  other: 'Other amount',
};
