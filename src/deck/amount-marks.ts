// One visual language for amounts, shared by the timeline and the history chart: what a mark looks
// like says what an amount is. New money is the accent colour, full (a bar on the chart); a running
// total a dark square (on its line); a valuation an open diamond; a plan an open, dashed ring;
// another figure a grey square; an event without an amount a small grey dot.
import { ROLE_NAMES, type AmountRole } from '../inputs/amount-roles.js';
import type { Element } from './elements.js';
import { textBox, type Context } from './frame.js';
import { PT } from './grid.js';
import { naturalWidth, type Run } from './measure.js';

/** The mark of an amount of this role (or of a plain event), centred on (cx, cy), in inches. */
export function amountMark(role: AmountRole | undefined, cx: number, cy: number, name: string, ctx: Context): Element {
  const { colors } = ctx.theme;
  const at = (d: number) => ({ x: cx - d / 2, y: cy - d / 2, w: d, h: d });
  switch (role) {
    case 'new money':
      return { kind: 'ellipse', role: name, ...at(0.24), fill: colors.accent, line: { color: colors.background, width: 2 } };
    case 'total':
      return { kind: 'rect', role: name, ...at(0.18), fill: colors.text, line: { color: colors.background, width: 1 } };
    case 'valuation':
      return { kind: 'diamond', role: name, ...at(0.28), fill: colors.background, line: { color: colors.text, width: 1.5 } };
    case 'plan':
      return { kind: 'ellipse', role: name, ...at(0.24), fill: colors.background, line: { color: colors.accent, width: 1.5, dash: true } };
    case 'other':
      return { kind: 'rect', role: name, ...at(0.18), fill: colors.muted, line: { color: colors.background, width: 1.5 } };
    default:
      return { kind: 'ellipse', role: name, ...at(0.16), fill: colors.muted, line: { color: colors.background, width: 1.5 } };
  }
}

export const LEGEND_H = 0.32;
const LEGEND_SIZE = 11;

/**
 * What each mark means, in one row from `x` at `y` (its top): a swatch and the role's name, for
 * the roles drawn only. `swatch` may draw a role otherwise (the chart's new money is a bar).
 */
export function legendRow(roles: readonly AmountRole[], x: number, y: number, name: string, ctx: Context, swatch: (role: AmountRole, cx: number, cy: number) => Element = (role, cx, cy) => amountMark(role, cx, cy, `${name}-marker`, ctx)): Element[] {
  const out: Element[] = [];
  let left = x;
  for (const role of roles) {
    const text: Run[] = [{ text: ROLE_NAMES[role] }];
    const w = naturalWidth(text, LEGEND_SIZE) / PT + 0.15;
    out.push(swatch(role, left + 0.12, y + LEGEND_H / 2));
    out.push(textBox(name, { x: left + 0.3, y: y + 0.04, w, h: LEGEND_H - 0.08 }, [{ runs: text }], LEGEND_SIZE, ctx, { color: ctx.theme.colors.muted }));
    left += 0.3 + w + 0.3;
  }
  return out;
}

/** The years a time axis from t0 to t1 labels: every year, or every 2, 5 or 10 on a long one. */
export function tickYears(t0: number, t1: number): number[] {
  const years = t1 - t0;
  const step = years <= 12 ? 1 : years <= 24 ? 2 : years <= 60 ? 5 : 10;
  const out: number[] = [];
  for (let year = Math.ceil(t0 / step) * step; year <= t1; year += step) out.push(year);
  return out;
}
