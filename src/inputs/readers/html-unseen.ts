// The parts of a web page a reader does not see, removed before the article is looked for:
// deleted and struck text (<del>, <s>, <strike>), <template>, elements marked `hidden`, and
// elements that the page's own styles hide (inline `style` or a `<style>` rule: display:none,
// visibility:hidden, content-visibility:hidden, zero or tiny font size, zero opacity, clipped to
// nothing, no height or width with the overflow hidden, moved off the screen), and text whose
// colour (inline or from a `<style>` rule) cannot be told from its inline background (white on
// white). Stylesheets the page links to are not fetched: what they hide is read.
import { hexColour, MIN_VISIBLE_POINTS, unseenColour, WHITE, type Rgb } from './visibility.js';

export interface UnseenNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode?: UnseenNode | null;
  getAttribute?(name: string): string | null;
  remove?(): void;
}
export interface UnseenDocument {
  querySelectorAll(selector: string): ArrayLike<UnseenNode>;
}

/** Elements never seen as text, whatever their style. */
const UNSEEN_ELEMENTS = 'template, del, s, strike, [hidden]';

/** Remove every element of `document` that a reader of the page does not see. */
export function removeUnseen(document: UnseenDocument): void {
  const unseen = new Set<UnseenNode>(Array.from(document.querySelectorAll(UNSEEN_ELEMENTS)));
  for (const element of Array.from(document.querySelectorAll('[style], font[color]'))) {
    const declarations = parseDeclarations(element.getAttribute?.('style') ?? '');
    if (hides(declarations) || unseenText(element, declarations)) unseen.add(element);
  }
  for (const style of Array.from(document.querySelectorAll('style'))) {
    for (const rule of styleRules(style.textContent ?? '')) {
      const declarations = parseDeclarations(rule.declarations);
      const hidden = hides(declarations);
      // A rule that only colours its elements hides those whose background is that colour.
      if (!hidden && !declarations.has('color')) continue;
      for (const element of matching(document, rule.selectors)) if (hidden || unseenText(element, declarations)) unseen.add(element);
    }
  }
  for (const element of unseen) element.remove?.();
}

/** `color: red; font-size: 0 !important` → { color: 'red', 'font-size': '0' }. */
export function parseDeclarations(style: string): Map<string, string> {
  const found = new Map<string, string>();
  // A comment is no part of a value: "display:/**/none" is display:none.
  for (const part of style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '').split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim()
      .toLowerCase();
    if (property !== '' && value !== '') found.set(property, value);
  }
  return found;
}

/** Whether declarations hide what they style, whatever the colours around it. */
export function hides(d: ReadonlyMap<string, string>): boolean {
  const get = (p: string) => d.get(p) ?? '';
  if (get('display') === 'none' || /^(?:hidden|collapse)$/.test(get('visibility')) || get('content-visibility') === 'hidden') return true;
  if (d.has('font-size') && tinyFontSize(get('font-size'))) return true;
  if (d.has('opacity') && (Number.parseFloat(get('opacity')) || 0) <= 0.05 && /^[\d.]+%?$/.test(get('opacity'))) return true;
  if (/^rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)$/.test(get('clip')) || clippedAway(get('clip-path'))) return true;
  const overflowHidden = /^(?:hidden|clip)(?:\s+(?:hidden|clip))?$/.test(get('overflow'));
  if (overflowHidden && ['width', 'height', 'max-width', 'max-height'].some((p) => atMostOnePixel(get(p)))) return true;
  if (farOffScreen(get('text-indent'))) return true;
  if (/^(?:absolute|fixed)$/.test(get('position')) && (farOffScreen(get('left')) || farOffScreen(get('top')))) return true;
  if (/^scale\(\s*0(?:\s*,\s*0)?\s*\)$/.test(get('transform'))) return true;
  const colour = d.get('color');
  return colour !== undefined && transparent(colour);
}

/** A font size too small to read: 0 in any unit, under 3 pt (4 px), under a fifth of the parent's. */
function tinyFontSize(value: string): boolean {
  const m = /^(-?[\d.]+)(px|pt|em|rem|%)?$/.exec(value);
  if (!m) return false;
  const n = Number.parseFloat(m[1] as string);
  if (!(n > 0)) return true;
  switch (m[2]) {
    case 'pt':
      return n < MIN_VISIBLE_POINTS;
    case 'px':
      return n < (MIN_VISIBLE_POINTS * 4) / 3;
    case 'em':
    case 'rem':
      return n < 0.2;
    case '%':
      return n < 20;
    default:
      return false;
  }
}

/** A clip path that leaves nothing: an inset of half the box or more from each side, a circle or ellipse of radius 0. */
function clippedAway(value: string): boolean {
  const inset = /^inset\(\s*([\d.]+)%/.exec(value);
  if (inset) return Number.parseFloat(inset[1] as string) >= 50;
  return /^(?:circle|ellipse)\(\s*0(?:px|%)?(?:\s+0(?:px|%)?)?(?:\s+at\b[^)]*)?\s*\)$/.test(value);
}

function atMostOnePixel(value: string): boolean {
  const m = /^([\d.]+)(px)?$/.exec(value);
  return m !== null && Number.parseFloat(m[1] as string) <= 1;
}

/** -999px or further: text indented or placed out of the window on purpose. */
function farOffScreen(value: string): boolean {
  const m = /^-([\d.]+)(px|em|rem)$/.exec(value);
  if (!m) return false;
  const n = Number.parseFloat(m[1] as string);
  return m[2] === 'px' ? n >= 999 : n >= 60;
}

/** A CSS colour with no opacity: `transparent`, `rgba(…, 0)`, `#fff0`. */
function transparent(value: string): boolean {
  return value === 'transparent' || /^rgba\(.*[,/]\s*0(?:\.0*)?\s*\)$/.test(value) || /^#[0-9a-f]{3}0$|^#[0-9a-f]{6}00$/.test(value);
}

/** The CSS colour names of black, white and the near-whites that cannot be told from white. */
const NAMED_COLOURS: ReadonlyMap<string, Rgb> = new Map(
  (
    [
      ['black', '000000'],
      ['white', 'ffffff'],
      ['snow', 'fffafa'],
      ['ivory', 'fffff0'],
      ['ghostwhite', 'f8f8ff'],
      ['whitesmoke', 'f5f5f5'],
      ['floralwhite', 'fffaf0'],
      ['mintcream', 'f5fffa'],
      ['seashell', 'fff5ee'],
      ['honeydew', 'f0fff0'],
      ['aliceblue', 'f0f8ff'],
      ['lavenderblush', 'fff0f5'],
      ['linen', 'faf0e6'],
      ['oldlace', 'fdf5e6'],
      ['cornsilk', 'fff8dc'],
      ['lightyellow', 'ffffe0'],
    ] as const
  ).map(([name, hex]) => [name, hexColour(hex) as Rgb]),
);

/** hsl(h, s, l) as RGB (h in degrees, s and l from 0 to 1). */
function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = Math.min(1, s) * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + (((h % 360) + 360) % 360) / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A CSS colour as RGB: hex, rgb()/rgba(), hsl()/hsla(), black, white and the near-white names; undefined for anything else. */
export function cssColour(value: string | null | undefined): Rgb | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  const named = NAMED_COLOURS.get(v);
  if (named) return named;
  const hsl = /^hsla?\(\s*(-?[\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%/.exec(v);
  if (hsl) return hslToRgb(Number.parseFloat(hsl[1] as string), Number.parseFloat(hsl[2] as string) / 100, Number.parseFloat(hsl[3] as string) / 100);
  const rgb = /^rgba?\(\s*([\d.]+)%?[\s,]+([\d.]+)%?[\s,]+([\d.]+)%?/.exec(v);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((c) => Math.min(255, Number.parseFloat(c as string))) as unknown as Rgb;
  return hexColour(v.length === 4 || v.length === 7 ? v : undefined);
}

/**
 * Whether an element's inline text colour cannot be told from the background its nearest
 * element with an inline background (or `bgcolor`) gives it, or from white when none does.
 */
function unseenText(element: UnseenNode, declarations: ReadonlyMap<string, string>): boolean {
  const colour = cssColour(declarations.get('color') ?? element.getAttribute?.('color'));
  if (!colour) return false;
  return unseenColour(colour, backgroundOf(element, declarations));
}

function backgroundOf(element: UnseenNode, own: ReadonlyMap<string, string>): Rgb {
  let declarations: ReadonlyMap<string, string> | undefined = own;
  for (let node: UnseenNode | null | undefined = element; node && node.nodeType === 1; node = node.parentNode) {
    declarations ??= parseDeclarations(node.getAttribute?.('style') ?? '');
    const background = declarations.get('background-color') ?? declarations.get('background') ?? node.getAttribute?.('bgcolor') ?? undefined;
    declarations = undefined;
    if (background === undefined) continue;
    // A background that is an image or a gradient: the colour under the text is unknown, so it is read.
    return cssColour(background.split(/\s+/)[0]) ?? ([128, 128, 128] as Rgb);
  }
  return WHITE;
}

interface StyleRule {
  selectors: string;
  declarations: string;
}

/** The top-level rules of a style sheet; rules inside `@media`, `@supports` and other at-rules are left out (they depend on the screen). */
export function styleRules(css: string): StyleRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const rules: StyleRule[] = [];
  let start = 0;
  let depth = 0;
  let prelude = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) {
        prelude = text.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (c === '}') {
      if (depth === 0) {
        start = i + 1;
        continue;
      }
      depth--;
      if (depth === 0) {
        if (prelude !== '' && !prelude.startsWith('@')) rules.push({ selectors: prelude, declarations: text.slice(start, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      // `@import …;`, `@charset …;`
      start = i + 1;
    }
  }
  return rules;
}

/** The elements a selector list matches; a selector the DOM cannot use matches nothing. */
function matching(document: UnseenDocument, selectors: string): UnseenNode[] {
  try {
    return Array.from(document.querySelectorAll(selectors));
  } catch {
    return selectors.split(',').flatMap((one) => {
      try {
        return Array.from(document.querySelectorAll(one));
      } catch {
        return [];
      }
    });
  }
}
