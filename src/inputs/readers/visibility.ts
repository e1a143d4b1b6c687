// What every reader counts as text nobody sees, in one place: text too small to read, and text
// whose colour cannot be told from what lies under it (white on white). The readers apply it to
// their own units: a Word run's size and colours, a web page's inline styles, a PDF's fill colour.

/** Text smaller than this (in points) is not read: 1–2 pt text is a way to hide words. */
export const MIN_VISIBLE_POINTS = 3;

/**
 * Text whose contrast with its background is below this ratio (WCAG's measure: 1 is none, 21
 * black on white) is not read: #E8E8E8 on white (1.23) is gone; #CCCCCC on white (1.6) is read.
 */
export const MIN_VISIBLE_CONTRAST = 1.25;

/** An RGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];

/** "FFFFFF", "#fff", "#FFFFFF" → RGB; undefined for anything else ("auto", a name). */
export function hexColour(value: string | null | undefined): Rgb | undefined {
  const hex = value?.trim().replace(/^#/, '');
  if (!hex) return undefined;
  if (/^[0-9a-f]{3}$/i.test(hex)) return [0, 1, 2].map((i) => parseInt(`${hex[i]}${hex[i]}`, 16)) as unknown as Rgb;
  if (/^[0-9a-f]{6}$/i.test(hex)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
  return undefined;
}

/** WCAG relative luminance of a colour, 0 (black) to 1 (white). */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Whether text of colour `text` on `background` cannot be seen. */
export function unseenColour(text: Rgb, background: Rgb = WHITE): boolean {
  return contrast(text, background) < MIN_VISIBLE_CONTRAST;
}
