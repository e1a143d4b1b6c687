// Tables: widths from content, a shaded header repeated on every part, rules only between
// groups (a blank first cell means "same group as the row above"), no vertical rules.
import { citesOf, plainText, type Inline, type Slide, type TableBlock } from '../model/types.js';
import { sum, type Element, type PlacedSlide, type TableCell } from './elements.js';
import { finite, placed, reportFit, type Context } from './frame.js';
import { BODY_H, CELL_INSETS_IN, CONTENT_W, GRID, PT, TABLE_MAX } from './grid.js';
import { inlinesToRuns, lineHeightOf, longestWord, naturalWidth, textHeight, type Insets, type Run } from './measure.js';
import { paginate, sizesDown } from './paginate.js';
import { commonSize, isSparse, sparseSize, SPARSE_TARGET } from './sparse.js';
import { maxOf } from '../common/arrays.js';

const cellInsetsPt: Insets = {
  left: CELL_INSETS_IN.left * PT,
  right: CELL_INSETS_IN.right * PT,
  top: CELL_INSETS_IN.top * PT,
  bottom: CELL_INSETS_IN.bottom * PT,
};


/** Column widths in inches: the HTML automatic table algorithm, on measured text. */
export function columnWidths(rows: readonly (readonly Run[][])[], size: number, width: number): number[] {
  const cols = maxOf(rows.map((r) => r.length));
  const pad = cellInsetsPt.left + cellInsetsPt.right;
  const maxW: number[] = [];
  const minW: number[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = rows.map((r) => r[c] ?? []);
    maxW.push(maxOf(cells.map((runs) => naturalWidth(runs, size))) + pad + 1);
    minW.push(maxOf(cells.map((runs) => longestWord(runs, size))) + pad + 1);
  }
  const total = width * PT;
  // A header ("Model or option") stays on one line when the columns leave room for it.
  const withHeaders = minW.map((w, c) => Math.max(w, naturalWidth(rows[0]?.[c] ?? [], size) + pad + 1));
  if (sum(withHeaders) <= total) withHeaders.forEach((w, c) => (minW[c] = Math.min(w, maxW[c] as number)));
  let widths: number[];
  if (sum(maxW) <= total) {
    const extra = total - sum(maxW);
    widths = maxW.map((w) => w + (extra * w) / sum(maxW));
  } else if (sum(minW) <= total) {
    const spare = total - sum(minW);
    const stretch = maxW.map((w, c) => w - (minW[c] as number));
    widths = minW.map((w, c) => w + (spare * (stretch[c] as number)) / sum(stretch));
  } else widths = minW.map((w) => (w * total) / sum(minW));
  return widths.map((w) => w / PT);
}

function rowHeight(cells: readonly Run[][], colW: readonly number[], size: number): number {
  return maxOf(cells.map((runs, c) => finite(textHeight([{ runs }], size, (colW[c] ?? 1) * PT, cellInsetsPt), BODY_H * PT))) / PT;
}

/**
 * A sparse table's body rows taller, in place, towards SPARSE_TARGET of the body: each by the same
 * amount, at most one and a half times its own height.
 */
function airRows(rowH: number[]): void {
  const spare = SPARSE_TARGET * BODY_H - sum(rowH);
  if (spare <= 0 || rowH.length < 2) return;
  const each = spare / (rowH.length - 1);
  for (let r = 1; r < rowH.length; r++) rowH[r] = (rowH[r] as number) + Math.min(each, 1.5 * (rowH[r] as number));
}

export function tableSlides(slide: Slide, table: TableBlock, ctx: Context, cap?: number): PlacedSlide[] {
  const { theme } = ctx;
  // Each cell's runs are built once: measurements are cached by run list.
  const built = [new Map<readonly Inline[], Run[]>(), new Map<readonly Inline[], Run[]>()];
  const cellRuns = (cell: readonly Inline[], header: boolean): Run[] => {
    const cache = built[header ? 1 : 0] as Map<readonly Inline[], Run[]>;
    let runs = cache.get(cell);
    if (!runs) {
      runs = inlinesToRuns(cell, header ? { bold: true } : {}, theme.colors.accent);
      cache.set(cell, runs);
    }
    return runs;
  };
  const header = table.header.map((c) => cellRuns(c, true));
  // The group each row belongs to, and its label when a part starts inside a group.
  const groupLabel: Inline[][] = [];
  const startsGroup: boolean[] = [];
  table.rows.forEach((row, r) => {
    const first = row[0] ?? [];
    const blank = plainText(first).trim() === '' && r > 0;
    startsGroup.push(!blank);
    groupLabel.push(blank ? (groupLabel[r - 1] ?? []) : first);
  });
  const rowsOf = (chunk: number[]): Inline[][][] =>
    chunk.map((r, k) => {
      const row = table.rows[r] ?? [];
      return k === 0 && !startsGroup[r] ? [groupLabel[r] ?? [], ...row.slice(1)] : row;
    });
  const allRuns = [header, ...table.rows.map((row) => row.map((c) => cellRuns(c, false)))];
  const widthsCache = new Map<number, number[]>();
  const widthsAt = (size: number) => {
    let w = widthsCache.get(size);
    if (!w) {
      w = columnWidths(allRuns, size, CONTENT_W);
      widthsCache.set(size, w);
    }
    return w;
  };
  const heights = (chunk: number[], size: number) => {
    const colW = widthsAt(size);
    return [rowHeight(header, colW, size), ...rowsOf(chunk).map((row) => rowHeight(row.map((c) => cellRuns(c, false)), colW, size))];
  };
  const fits = (chunk: number[], size: number) => sum(heights(chunk, size)) <= BODY_H;
  const preferred = Math.min(TABLE_MAX, theme.sizes.body, cap ?? Infinity);
  const pages = paginate(
    table.rows.map((_, r) => r),
    sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)),
    fits,
  );
  reportFit(slide, pages, preferred, ctx, (r) => ({ text: (table.rows[r] ?? []).map(plainText).join(' '), cites: (table.rows[r] ?? []).flatMap(citesOf) }));
  // A part with few rows uses the space: larger type, rows given air, the table centred in the body.
  // Continued parts share one size: the smallest any of them grows to.
  const size = commonSize(pages.chunks.map((chunk) => sparseSize(pages.size, (s) => sum(heights(chunk, s)), cap)));
  return pages.chunks.map((chunk, k) => {
    const rows = rowsOf(chunk);
    const sparse = isSparse(sum(heights(chunk, size)));
    const colW = widthsAt(size);
    const rowH = heights(chunk, size);
    if (sparse) airRows(rowH);
    const top = sparse ? GRID.bodyTop + (BODY_H - sum(rowH)) / 2 : GRID.bodyTop;
    const headerCells: TableCell[] = table.header.map((c) => ({
      paragraphs: [{ runs: cellRuns(c, true), align: 'left' }],
      bold: true,
      fill: theme.colors.fill,
      ruleBelow: { color: theme.colors.accent, width: 1.5 },
    }));
    const bodyCells: TableCell[][] = rows.map((row, i) => {
      const r = chunk[i] as number;
      const next = chunk[i + 1];
      const endsGroup = next === undefined || startsGroup[next];
      return row.map((c, col) => {
        const cell: TableCell = { paragraphs: [{ runs: cellRuns(c, false), align: table.align[col] ?? 'left' }] };
        if (endsGroup) cell.ruleBelow = { color: theme.colors.rule, width: 0.75 };
        if (col === 0 && !startsGroup[r] && i > 0) cell.paragraphs = [{ runs: [] }];
        return cell;
      });
    });
    const element: Extract<Element, { kind: 'table' }> = {
      kind: 'table',
      role: 'table',
      x: GRID.margin,
      y: top,
      colW,
      rowH,
      rows: [headerCells, ...bodyCells],
      fontSize: size,
      fontFace: theme.fonts.body,
      color: theme.colors.text,
      lineHeight: lineHeightOf(size),
      cellInsets: CELL_INSETS_IN,
    };
    // Text in the middle of rows given air, so that the space falls evenly above and below it.
    if (sparse) element.valign = 'middle';
    const cites = [...new Set(rows.flatMap((row) => row.flatMap((c) => citesOf(c))))];
    return placed(slide, k + 1, pages.chunks.length, cites, [element], ctx, size);
  });
}
