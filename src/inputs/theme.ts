// The deck's look in one place: one accent colour, a neutral palette, two font faces, sizes.
// A workspace may override any part of it with theme.yaml (or theme.json); the rest stays default.
import { aliasProblem, isProblem, LIMITS, problemDiagnostic, readInside, type SandboxProblem } from './sandbox.js';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileLocator, yamlLocator, type Locator } from '../diagnostics/yaml-locator.js';
import { zodIssueDiagnostic } from '../diagnostics/zod-issues.js';
import { THEME_FILES } from './workspace-folder.js';
import { PARSE_ONCE } from '../diagnostics/zod-once.js';

const hex = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, '').toUpperCase())
  .refine((s) => /^[0-9A-F]{6}$/.test(s), 'must be a colour written as six hex digits, e.g. "1F4E79"');

const points = (min: number, max: number) => z.number().min(min).max(max);

/** The wordings a theme may give each hedge marker (docs/outputs.md lists them). */
export const MARKER_WORDINGS = {
  disputed: ['(disputed)', '(contested)', '(in dispute)', '(sources disagree)'],
  single: ['(1 source)', '(one source)', '(single source)', '(one report)'],
} as const;

function markerWording(which: keyof typeof MARKER_WORDINGS) {
  const allowed: readonly string[] = MARKER_WORDINGS[which];
  return z
    .string()
    .trim()
    .refine((v) => allowed.includes(v), { message: `must be one of ${allowed.map((w) => `"${w}"`).join(', ')}: a marker is the tool's word on the evidence, not free text` });
}

export const ThemeSchema = z.strictObject({
  colors: z
    .strictObject({
      /** The one accent colour: kicker labels, markers, bars, rules under table headers. */
      accent: hex.default('1F5C99'),
      /** Body text. */
      text: hex.default('1F2933'),
      /** Secondary text: footers, source lines, dates. */
      muted: hex.default('5F6B7A'),
      /** Hairlines and table rules. */
      rule: hex.default('D5DAE1'),
      /** Card and table-header fill. */
      fill: hex.default('F2F4F7'),
      background: hex.default('FFFFFF'),
    })
    .prefault({}),
  fonts: z
    .strictObject({
      heading: z.string().trim().min(1).default('Arial'),
      body: z.string().trim().min(1).default('Arial'),
    })
    .prefault({}),
  sizes: z
    .strictObject({
      /** Action titles, in points. */
      title: points(16, 44).default(26),
      /** Smallest size a title may shrink to. */
      titleMin: points(12, 44).default(20),
      kicker: points(8, 20).default(12),
      /** Body text starts here and shrinks down to bodyMin before a slide is split. */
      body: points(10, 32).default(18),
      bodyMin: points(8, 32).default(12),
      footer: points(6, 14).default(9),
    })
    .prefault({}),
  /**
   * The hedge markers after a shortened statement (timeline labels, table cells, cards), in both
   * outputs. They are the tool's words about the evidence, so a theme chooses among the wordings
   * MARKER_WORDINGS lists: free text could claim what nothing checks ("confirmed by 12 sources").
   */
  markers: z
    .strictObject({
      /** A statement that belongs to a conflict. */
      disputed: markerWording('disputed').default('(disputed)'),
      /** A statement only one document supports. */
      single: markerWording('single').default('(1 source)'),
      style: z.enum(['italic', 'bold', 'plain']).default('italic'),
      /** The label before a statement that is the team's view (`view: true`), set in capitals. */
      view: z.string().trim().min(1).default('Our view'),
    })
    .prefault({}),
  /** A logo image (PNG or JPEG), relative to the workspace; shown on the title slide. */
  logo: z.string().trim().min(1).optional(),
});

/** The logo as the deck embeds it: its bytes (not its path, so the deck is the same in any folder) and its size in pixels. */
export interface LogoImage {
  /** "image/png;base64,…", as pptxgenjs takes it. */
  data: string;
  width: number;
  height: number;
}

export type Theme = z.infer<typeof ThemeSchema> & { logoImage?: LogoImage };

export const DEFAULT_THEME: Theme = ThemeSchema.parse({}, PARSE_ONCE);

export { THEME_FILES };

export interface LoadedTheme {
  theme: Theme;
  /** The theme file, as shown to the user, when the workspace has one. */
  file?: string;
  /** What the theme reads, for the up-to-date check: the theme file and the logo. */
  inputs: { file: string; bytes: Uint8Array }[];
  /** The logo the theme names, as written, whether or not it could be used. */
  logo?: string;
  diagnostics: Diagnostic[];
}

/** The workspace's theme file merged over the default theme; a missing file is the default. */
export async function loadTheme(workspaceDir: string, shownDir: string = workspaceDir): Promise<LoadedTheme> {
  for (const name of THEME_FILES) {
    const file = path.join(shownDir, name);
    const bytes = await readInside(workspaceDir, path.join(workspaceDir, name), 'theme');
    if (isProblem(bytes)) {
      if (bytes.problem === 'missing') continue;
      return { theme: DEFAULT_THEME, file, inputs: [], diagnostics: [problemDiagnostic(`theme ${name}`, bytes, { file })] };
    }
    const inputs: LoadedTheme['inputs'] = [{ file: name, bytes: new Uint8Array(bytes) }];
    const failed = (diagnostics: Diagnostic[]): LoadedTheme => ({ theme: DEFAULT_THEME, file, inputs, diagnostics });
    const parsed = parseThemeText(bytes.toString('utf8'), name.endsWith('.json') ? 'json' : 'yaml', file);
    if ('diagnostic' in parsed) return failed([parsed.diagnostic]);
    const result = ThemeSchema.safeParse(parsed.value ?? {}, PARSE_ONCE);
    if (!result.success) {
      const context = { schema: ThemeSchema, locator: parsed.locator, data: parsed.value, label: (keys: readonly (string | number)[]) => (keys.length > 0 ? `theme ${keys.join('.')}` : 'the theme') };
      return failed(result.error.issues.map((issue) => zodIssueDiagnostic('theme-invalid', issue, context)));
    }
    const theme = result.data;
    const problems: Diagnostic[] = [];
    if (theme.sizes.bodyMin > theme.sizes.body) problems.push(diagnostic('theme-invalid', `theme sizes.bodyMin (${theme.sizes.bodyMin}) is larger than sizes.body (${theme.sizes.body})`, parsed.locator.at(['sizes', 'bodyMin'])));
    if (theme.sizes.titleMin > theme.sizes.title) problems.push(diagnostic('theme-invalid', `theme sizes.titleMin (${theme.sizes.titleMin}) is larger than sizes.title (${theme.sizes.title})`, parsed.locator.at(['sizes', 'titleMin'])));
    if (theme.logo !== undefined) {
      const logo = await readLogo(workspaceDir, theme.logo);
      if (typeof logo === 'string') problems.push(diagnostic('theme-invalid', `theme logo "${theme.logo}": ${logo}`, parsed.locator.at(['logo'])));
      else if ('problem' in logo) problems.push(problemDiagnostic(`theme logo "${theme.logo}"`, logo, parsed.locator.at(['logo'])));
      else {
        inputs.push({ file: theme.logo, bytes: logo.bytes });
        (theme as Theme).logoImage = logo.image;
      }
    }
    const named = theme.logo !== undefined ? { logo: theme.logo } : {};
    if (problems.length > 0) return { ...failed(problems), ...named };
    return { theme, file, inputs, diagnostics: [], ...named };
  }
  return { theme: DEFAULT_THEME, inputs: [], diagnostics: [] };
}

/** The logo's bytes and image, or why it cannot be used: it must exist and be a PNG or a JPEG. */
async function readLogo(workspaceDir: string, name: string): Promise<{ bytes: Uint8Array; image: LogoImage } | SandboxProblem | string> {
  const bytes = await readInside(workspaceDir, path.resolve(workspaceDir, name), 'logo');
  if (isProblem(bytes)) return bytes.problem === 'missing' ? 'file not found' : bytes;
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return 'not a PNG or JPEG image';
  return { bytes: new Uint8Array(bytes), image: { data: `${size.mime};base64,${bytes.toString('base64')}`, width: size.width, height: size.height } };
}

function pngSize(bytes: Buffer): { mime: string; width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { mime: 'image/png', width, height } : undefined;
}

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(bytes: Buffer): { mime: string; width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] as number;
    const length = bytes.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

type Parsed = { value: unknown; locator: Locator };

function parseThemeText(text: string, kind: 'json' | 'yaml', file: string): Parsed | { diagnostic: Diagnostic } {
  if (kind === 'json') {
    try {
      return { value: JSON.parse(text) as unknown, locator: fileLocator(file) };
    } catch (error) {
      return { diagnostic: diagnostic('theme-invalid', `theme is not valid JSON: ${(error as Error).message}`, { file }) };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    return { diagnostic: diagnostic('theme-invalid', `theme is not valid YAML: ${error.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col }) };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: LIMITS.yamlAliases }) as unknown, locator: yamlLocator(doc, lineCounter, file) };
  } catch (error) {
    return { diagnostic: diagnostic('theme-invalid', `theme is not usable YAML: ${aliasProblem(error) ?? (error as Error).message.split('\n')[0]}`, { file }) };
  }
}
