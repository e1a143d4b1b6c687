// The deck's look in one place: one accent colour, a neutral palette, two font faces, sizes.
// A workspace may override any part of it with theme.yaml (or theme.json); the rest stays default.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.js';

const hex = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, '').toUpperCase())
  .refine((s) => /^[0-9A-F]{6}$/.test(s), 'must be a colour written as six hex digits, e.g. "1F4E79"');

const points = (min: number, max: number) => z.number().min(min).max(max);

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
  /** A logo image (PNG or JPEG), relative to the workspace; shown on the title slide. */
  logo: z.string().trim().min(1).optional(),
});

export type Theme = z.infer<typeof ThemeSchema>;

export const DEFAULT_THEME: Theme = ThemeSchema.parse({});

const THEME_FILES = ['theme.yaml', 'theme.yml', 'theme.json'];

/** The workspace's theme file merged over the default theme; a missing file is the default. */
export async function loadTheme(workspaceDir: string): Promise<{ theme: Theme; file?: string; diagnostics: Diagnostic[] }> {
  for (const name of THEME_FILES) {
    const file = path.join(workspaceDir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseThemeText(text, name.endsWith('.json') ? 'json' : 'yaml', file);
    if ('diagnostic' in parsed) return { theme: DEFAULT_THEME, file, diagnostics: [parsed.diagnostic] };
    const result = ThemeSchema.safeParse(parsed.value ?? {});
    if (!result.success) {
      const diagnostics = result.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        return diagnostic('theme-invalid', `theme ${where}: ${issue.message}`, { file });
      });
      return { theme: DEFAULT_THEME, file, diagnostics };
    }
    const theme = result.data;
    if (theme.logo !== undefined) theme.logo = path.resolve(workspaceDir, theme.logo);
    const problems: Diagnostic[] = [];
    if (theme.sizes.bodyMin > theme.sizes.body) problems.push(diagnostic('theme-invalid', `theme sizes.bodyMin (${theme.sizes.bodyMin}) is larger than sizes.body (${theme.sizes.body})`, { file }));
    if (theme.sizes.titleMin > theme.sizes.title) problems.push(diagnostic('theme-invalid', `theme sizes.titleMin (${theme.sizes.titleMin}) is larger than sizes.title (${theme.sizes.title})`, { file }));
    if (problems.length > 0) return { theme: DEFAULT_THEME, file, diagnostics: problems };
    return { theme, file, diagnostics: [] };
  }
  return { theme: DEFAULT_THEME, diagnostics: [] };
}

function parseThemeText(text: string, kind: 'json' | 'yaml', file: string): { value: unknown } | { diagnostic: Diagnostic } {
  if (kind === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (error) {
      return { diagnostic: diagnostic('theme-invalid', `theme is not valid JSON: ${(error as Error).message}`, { file }) };
    }
  }
  try {
    return { value: parseYaml(text) as unknown };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      return {
        diagnostic: diagnostic('theme-invalid', `theme is not valid YAML: ${error.message.split('\n')[0]}`, {
          file,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        }),
      };
    }
    throw error;
  }
}
