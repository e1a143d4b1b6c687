// What the layout pass hands the PPTX writer: slides as positioned elements. Positions and
// sizes of boxes are in inches, font sizes and line heights in points. The writer turns each
// element into one pptxgenjs call and decides nothing.
import type { CitationRef, Meta, SlideLayout } from '../model/types.js';
import type { Insets, Paragraph } from './measure.js';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextElement extends Box {
  kind: 'text';
  /** What the box is for (title, kicker, body, card, footer…); for tests and debugging. */
  role: string;
  paragraphs: Paragraph[];
  fontSize: number;
  fontFace: string;
  color: string;
  bold?: boolean;
  /** Exact line spacing in points. */
  lineHeight: number;
  insets: Insets;
  valign: 'top' | 'middle' | 'bottom';
  fill?: string;
  /** The slide-number field instead of text. */
  slideNumber?: boolean;
}

export interface ShapeElement extends Box {
  kind: 'rect' | 'ellipse' | 'diamond' | 'line';
  role: string;
  fill?: string;
  line?: { color: string; width: number; dash?: boolean };
  /** A line drawn from its box's top right to its bottom left (else top left to bottom right). */
  flipH?: boolean;
}

export interface TableCell {
  paragraphs: Paragraph[];
  bold?: boolean;
  color?: string;
  fill?: string;
  /** Bottom rule of the cell, in points; none when absent. */
  ruleBelow?: { color: string; width: number };
  ruleAbove?: { color: string; width: number };
}

export interface TableElement {
  kind: 'table';
  role: string;
  x: number;
  y: number;
  colW: number[];
  rowH: number[];
  rows: TableCell[][];
  fontSize: number;
  fontFace: string;
  color: string;
  lineHeight: number;
  /** Cell insets in inches. */
  cellInsets: Insets;
  /** Where text sits in a row taller than it: the top, or the middle (rows given air). */
  valign?: 'top' | 'middle';
}

export interface ChartElement extends Box {
  kind: 'chart';
  role: string;
  labels: string[];
  values: number[];
  seriesName: string;
  unit: string;
  color: string;
  fontFace: string;
  fontSize: number;
  textColor: string;
  mutedColor: string;
  gridColor: string;
}

export interface ImageElement extends Box {
  kind: 'image';
  role: string;
  /** "image/png;base64,…" */
  data: string;
}

export type Element = TextElement | ShapeElement | TableElement | ChartElement | ImageElement;

export interface PlacedSlide {
  layout: SlideLayout;
  /** The title as printed, "(2/3)" included. */
  title: string;
  /** Set when a slide was continued over several: this is part `index` of `count`. */
  part?: { index: number; count: number };
  /** The body text size the layout chose, in points (content slides). */
  fontSize?: number;
  /** Citation numbers on this slide (this part of it), in order of first appearance. */
  cites: number[];
  /** Ids of the documents those citations come from, sorted. */
  sources: string[];
  elements: Element[];
  notes: PlacedNotes;
}

/** Speaker notes as the writer prints them: talking points, then the cited passages in full. */
export interface PlacedNotes {
  talkingPoints: string[];
  citations: CitationRef[];
}

/** What the layout stage hands the writer: every slide placed, the look resolved. */
export interface PlacedDeck {
  meta: Meta;
  fonts: { heading: string; body: string };
  background: string;
  slides: PlacedSlide[];
}

/** The box an element occupies, in inches. */
export function boxOf(e: Element): Box {
  if (e.kind === 'table') return { x: e.x, y: e.y, w: sum(e.colW), h: sum(e.rowH) };
  return { x: e.x, y: e.y, w: e.w, h: e.h };
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
