// The grid every slide is placed on, in inches (sizes in points where named so).
import { SLIDE_W } from './elements.js';
import type { Insets } from './measure.js';

/** The grid, in inches. */
export const GRID = {
  margin: 0.6,
  kickerY: 0.42,
  kickerH: 0.3,
  titleY: 0.72,
  bodyTop: 1.95,
  bodyBottom: 6.5,
  sourceY: 6.6,
  sourceH: 0.26,
  ruleY: 6.95,
  footerY: 7.0,
  footerH: 0.3,
  gap: 0.25,
} as const;

export const CONTENT_W = SLIDE_W - 2 * GRID.margin;
export const BODY_H = GRID.bodyBottom - GRID.bodyTop;
export const PT = 72;
export const TEXT_INSETS: Insets = { left: 0, right: 0, top: 2, bottom: 2 };
export const CELL_INSETS_IN: Insets = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };
export const CARD_INSETS: Insets = { left: 10, right: 10, top: 9, bottom: 9 };
export const TABLE_MAX = 14;
export const MAX_CARDS = 8;
