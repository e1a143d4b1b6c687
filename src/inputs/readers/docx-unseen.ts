// The runs of a Word document that a reader does not see, cut out of its XML before mammoth
// reads it: hidden text (w:vanish, w:specVanish), struck text (w:strike, w:dstrike), text under
// 3 pt or squeezed to under a fifth of its width (w:w), text in the theme's background colour, and text
// whose colour cannot be told from what lies under it (its shading or highlight, the paragraph's
// or table cell's shading, the page colour, else white). A run's properties are its own over its
// character style over its paragraph's style over the document's defaults (styles followed
// through `basedOn`). Deleted and moved-away runs (w:del, w:moveFrom) mammoth itself leaves out.
// Everything else is left byte for byte as it was, so mammoth reads the rest as before. The XML
// is read with htmlparser2 (its positions give the cuts); the caller loads it.
import type { Parser as HtmlParser } from 'htmlparser2';
import { hexColour, MIN_VISIBLE_POINTS, unseenColour, WHITE, type Rgb } from './visibility.js';

/** The run properties that decide whether a run is seen; undefined where nothing says. */
interface RunLook {
  vanish?: boolean;
  strike?: boolean;
  dstrike?: boolean;
  /** Font size in half-points. */
  size?: number;
  /** Horizontal scale of the characters, in percent (w:w; 100 when nothing says). */
  scale?: number;
  /** Text colour; null for "auto" (black on light, white on dark: always seen). */
  colour?: Rgb | null;
  /** The run's own shading or highlight. */
  background?: Rgb | null;
}

interface Style {
  basedOn?: string;
  look: RunLook;
}

/** The styles of a document (styles.xml): paragraph and character styles, defaults. */
export interface DocxStyles {
  defaults: RunLook;
  paragraph: Map<string, Style>;
  character: Map<string, Style>;
  /** The paragraph style of a paragraph that names none. */
  defaultParagraph?: string;
}

const HIGHLIGHTS: Record<string, Rgb> = {
  black: [0, 0, 0],
  blue: [0, 0, 255],
  cyan: [0, 255, 255],
  green: [0, 255, 0],
  magenta: [255, 0, 255],
  red: [255, 0, 0],
  yellow: [255, 255, 0],
  white: [255, 255, 255],
  darkBlue: [0, 0, 139],
  darkCyan: [0, 139, 139],
  darkGreen: [0, 100, 0],
  darkMagenta: [128, 0, 128],
  darkRed: [139, 0, 0],
  darkYellow: [128, 128, 0],
  darkGray: [169, 169, 169],
  lightGray: [211, 211, 211],
};

/** `w:val` of a toggle (`<w:vanish/>`, `<w:strike w:val="false"/>`). */
function toggle(attributes: Record<string, string>): boolean {
  const value = attributes['w:val'];
  return value === undefined || !/^(?:false|0|off|none)$/i.test(value);
}

/** A shading's fill, or null for none ("auto", "clear" without fill). */
function shadingFill(attributes: Record<string, string>): Rgb | null {
  return hexColour(attributes['w:fill']) ?? null;
}

/** Read one child element of a `w:rPr` into `look`. */
function readRunProperty(look: RunLook, name: string, attributes: Record<string, string>): void {
  switch (name) {
    case 'w:vanish':
    // "Special vanish": always hidden, whatever the view.
    case 'w:specVanish':
      look.vanish = toggle(attributes);
      break;
    case 'w:w': {
      const scale = Number.parseFloat(attributes['w:val'] ?? '');
      if (Number.isFinite(scale)) look.scale = scale;
      break;
    }
    case 'w:strike':
      look.strike = toggle(attributes);
      break;
    case 'w:dstrike':
      look.dstrike = toggle(attributes);
      break;
    case 'w:sz': {
      const size = Number(attributes['w:val']);
      if (Number.isFinite(size)) look.size = size;
      break;
    }
    case 'w:color':
      // A theme colour wins over the value; the theme's background colours are the page's (white).
      if (/^(?:background1|bg1|light1)$/i.test(attributes['w:themeColor'] ?? '')) look.colour = WHITE;
      else look.colour = (attributes['w:val'] ?? 'auto').toLowerCase() === 'auto' ? null : (hexColour(attributes['w:val']) ?? null);
      break;
    case 'w:shd':
      look.background = shadingFill(attributes);
      break;
    case 'w:highlight':
      look.background = HIGHLIGHTS[attributes['w:val'] ?? ''] ?? look.background ?? null;
      break;
    default:
      break;
  }
}

/** The styles of styles.xml (no styles: empty). */
export function readDocxStyles(xml: string | undefined, Parser: typeof HtmlParser): DocxStyles {
  const styles: DocxStyles = { defaults: {}, paragraph: new Map(), character: new Map() };
  if (!xml) return styles;
  const stack: string[] = [];
  let current: { type: string; id: string; style: Style } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack[stack.length - 1];
        const grandparent = stack[stack.length - 2];
        stack.push(name);
        if (name === 'w:style') {
          current = { type: attributes['w:type'] ?? 'paragraph', id: attributes['w:styleId'] ?? '', style: { look: {} } };
          if (current.type === 'paragraph' && toggle({ 'w:val': attributes['w:default'] ?? 'false' })) styles.defaultParagraph = current.id;
        } else if (name === 'w:basedOn' && parent === 'w:style' && current) {
          const basedOn = attributes['w:val'];
          if (basedOn) current.style.basedOn = basedOn;
        } else if (parent === 'w:rPr' && grandparent === 'w:style' && current) {
          readRunProperty(current.style.look, name, attributes);
        } else if (parent === 'w:rPr' && grandparent === 'w:rPrDefault') {
          readRunProperty(styles.defaults, name, attributes);
        }
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'w:style' && current) {
          if (current.type === 'paragraph') styles.paragraph.set(current.id, current.style);
          else if (current.type === 'character') styles.character.set(current.id, current.style);
          current = undefined;
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return styles;
}

/** A style's look with what it is based on beneath it (the base first, each level over it). */
function styleLook(styles: Map<string, Style>, id: string | undefined): RunLook {
  const chain: RunLook[] = [];
  const seen = new Set<string>();
  for (let at = id; at !== undefined && !seen.has(at) && seen.size < 32; at = styles.get(at)?.basedOn) {
    seen.add(at);
    const style = styles.get(at);
    if (style) chain.unshift(style.look);
  }
  const look: RunLook = {};
  for (const layer of chain) Object.assign(look, layer);
  return look;
}

interface OpenRun {
  start: number;
  look: RunLook;
  style?: string;
}

/** What a run's text lies on, innermost first: run, paragraph, table cells, page. */
interface Surroundings {
  paragraphStyle?: string;
  paragraphShading: Rgb | null;
  cellShadings: (Rgb | null)[];
  page: Rgb;
}

/** Characters squeezed below this share of their width (w:w, percent; Word allows 1–600) cannot be read. */
const MIN_VISIBLE_SCALE = 20;

/** Whether a run whose properties come to `look`, on `surroundings`, is seen. */
function unseen(look: RunLook, surroundings: Surroundings): boolean {
  if (look.vanish || look.strike || look.dstrike) return true;
  if (look.size !== undefined && look.size < 2 * MIN_VISIBLE_POINTS) return true;
  if (look.scale !== undefined && look.scale < MIN_VISIBLE_SCALE) return true;
  if (!look.colour) return false;
  const cell = [...surroundings.cellShadings].reverse().find((c) => c !== null);
  const background = look.background ?? surroundings.paragraphShading ?? cell ?? surroundings.page;
  return unseenColour(look.colour, background);
}

/**
 * The main document's XML with every run a reader does not see cut out. The text between the
 * cuts is left exactly as it was.
 */
export function withoutUnseenRuns(xml: string, styles: DocxStyles, Parser: typeof HtmlParser): string {
  const cuts: [number, number][] = [];
  const stack: string[] = [];
  const runs: OpenRun[] = [];
  const surroundings: Surroundings = { paragraphShading: null, cellShadings: [], page: WHITE };
  const paragraphLook = () => styleLook(styles.paragraph, surroundings.paragraphStyle ?? styles.defaultParagraph);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack[stack.length - 1];
        const grandparent = stack[stack.length - 2];
        stack.push(name);
        const run = runs[runs.length - 1];
        switch (name) {
          case 'w:r':
            runs.push({ start: parser.startIndex, look: {} });
            return;
          case 'w:p':
            surroundings.paragraphStyle = undefined;
            surroundings.paragraphShading = null;
            return;
          case 'w:tc':
            surroundings.cellShadings.push(null);
            return;
          case 'w:background':
            surroundings.page = hexColour(attributes['w:color']) ?? WHITE;
            return;
          default:
            break;
        }
        if (parent === 'w:pPr' && grandparent === 'w:p') {
          if (name === 'w:pStyle') surroundings.paragraphStyle = attributes['w:val'];
          else if (name === 'w:shd') surroundings.paragraphShading = shadingFill(attributes);
        } else if (parent === 'w:tcPr' && grandparent === 'w:tc' && name === 'w:shd') {
          surroundings.cellShadings[surroundings.cellShadings.length - 1] = shadingFill(attributes);
        } else if (parent === 'w:rPr' && grandparent === 'w:r' && run) {
          if (name === 'w:rStyle') run.style = attributes['w:val'];
          else readRunProperty(run.look, name, attributes);
        }
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'w:tc') surroundings.cellShadings.pop();
        if (name !== 'w:r') return;
        const run = runs.pop();
        if (!run) return;
        const look: RunLook = { ...styles.defaults, ...paragraphLook(), ...styleLook(styles.character, run.style), ...run.look };
        if (unseen(look, surroundings)) cuts.push([run.start, parser.endIndex + 1]);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  if (cuts.length === 0) return xml;
  // Runs inside a cut run (a text box in a hidden run) go with it.
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    if (start < from) continue;
    parts.push(xml.slice(from, start));
    from = end;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}
