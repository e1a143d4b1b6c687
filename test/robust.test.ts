// Robustness (issue 21), unit by unit: messages that stay one line, arrays never spread into a
// call, bounded reads of files outside a workspace, sealed cache entries and manifests, template
// and YAML bounds, and no locale-dependent comparison on the way to an output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedStore, sealEntry, unsealEntry } from '../src/cache/cache-dir.js';
import { manifestFromText, manifestText, type Manifest } from '../src/pipeline/manifest.js';
import { diagnostic, formatDiagnostic, shownText } from '../src/diagnostics/diagnostic.js';
import { maxOf, minOf, pushAll } from '../src/common/arrays.js';
import { LIMITS, readRegularFile } from '../src/inputs/sandbox.js';
import { loadTheme } from '../src/inputs/theme.js';
import { compileTemplate } from '../src/template/handlebars.js';
import { documentsToAnalyse } from '../src/find/analysed.js';
import type { SourceDocument } from '../src/inputs/sources.js';
import { removeDir, ROOT, tempDir } from './helpers/workspace.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('briefing-robust-');
});
afterAll(() => removeDir(dir));

describe('messages', () => {
  it('are one line each: control characters, line breaks and bidi controls escaped', () => {
    const d = diagnostic('source-unreadable', 'quote "\u001b[31mred\u001b[0m" and a\u202Ereversed', { file: 'ws/fake\nws/fake.yaml:1:1: error: forged', line: 3 });
    expect(formatDiagnostic(d)).toBe('ws/fake\\nws/fake.yaml:1:1: error: forged:3: error: quote "\\x1b[31mred\\x1b[0m" and a\\u202ereversed [source-unreadable]');
    expect(formatDiagnostic(d)).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(shownText('tab\there\r\u0085\u2028')).toBe('tab\\there\\r\\x85\\u2028');
    // Text a person reads stays as it is.
    expect(shownText('Café – “quoted” ﬁ 日本')).toBe('Café – “quoted” ﬁ 日本');
  });
});

describe('arrays', () => {
  it('are appended and measured without spreading them into a call (a million items)', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(pushAll([-1], many)).toHaveLength(1_000_001);
    expect(maxOf(many)).toBe(999_999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([1, NaN, 3])).toBeNaN();
  });

  it('no call in src/ spreads an array into its arguments (f(...xs) fails past ~100,000 items)', () => {
    const found = sourceFiles().flatMap((file) => spreadCalls(readFileSync(file, 'utf8')).map((at) => `${path.relative(ROOT, file)}:${at}`));
    expect(found).toEqual([]);
    // The scanner itself finds what it must, and passes over rest parameters and literals.
    expect(spreadCalls('a.push(...b);\nMath.max(1, ...xs);\nf(g(...h));')).toEqual(['1: a.push(...b', '2: Math.max(1, ...xs', '3: f(g(...h']);
    expect(spreadCalls('function f(...a) {}\nconst g = (...a) => a;\nclass C { m(...p: T[]): void {} }\nx = [...a, ...b];\ny = { ...o };\nz = "(...)";')).toEqual([]);
  });

  it('no comparison or case mapping in src/ depends on the locale (outputs are the same bytes under any LANG)', () => {
    const found = sourceFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && /localeCompare|toLocale\w*\(|Intl\.(Collator|DateTimeFormat|NumberFormat)/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});

/**
 * Where `source` spreads something into a call's arguments: "line: text". Strings and comments are
 * blanked first; a `...` whose innermost bracket is a `(` after a name, `)` or `]` is a call's,
 * unless its closing `)` is followed by `{`, `:` or `=>` (a function's rest parameter).
 */
function spreadCalls(source: string): string[] {
  const code = blankStringsAndComments(source);
  const found: string[] = [];
  for (const m of code.matchAll(/\.\.\./g)) {
    const at = m.index;
    let depth = 0;
    let open = -1;
    for (let i = at - 1; i >= 0; i--) {
      const ch = code[i] as string;
      if (ch === ')' || ch === ']' || ch === '}') depth++;
      else if (ch === '(' || ch === '[' || ch === '{') {
        if (depth === 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0 || code[open] !== '(' || !/[\w$)\]>]\s*$/.test(code.slice(Math.max(0, open - 40), open))) continue;
    if (/\bfunction\s*[\w$]*\s*(<[^>]*>)?\s*$/.test(code.slice(Math.max(0, open - 60), open))) continue;
    let close = open;
    for (let i = open, d = 0; i < code.length; i++) {
      if (code[i] === '(') d++;
      else if (code[i] === ')' && --d === 0) {
        close = i;
        break;
      }
    }
    if (/^\s*(\{|:|=>)/.test(code.slice(close + 1, close + 20))) continue;
    const line = code.slice(0, at).split('\n').length;
    const start = code.lastIndexOf('\n', open) + 1;
    found.push(`${line}: ${source.slice(start, at + 3).trim()}${source.slice(at + 3).match(/^[\w$.]*/)?.[0] ?? ''}`);
  }
  return found;
}

/** The source with the contents of strings, template literals (not their ${…}) and comments replaced by spaces. */
function blankStringsAndComments(source: string): string {
  let out = '';
  let i = 0;
  const braces: number[] = [];
  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') (out += ' '), i++;
    } else if (ch === '/' && next === '*') {
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) (out += source[i] === '\n' ? '\n' : ' '), i++;
      out += '  ';
      i += 2;
    } else if (ch === "'" || ch === '"' || ch === '`' || (ch === '}' && braces.length > 0 && braces[braces.length - 1] === 0)) {
      const quote = ch === '}' ? '`' : ch;
      if (ch === '}') braces.pop();
      out += ch;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === '\\') (out += '  '), (i += 2);
        else if (quote === '`' && source[i] === '$' && source[i + 1] === '{') {
          braces.push(0);
          out += '${';
          i += 2;
          break;
        } else (out += source[i] === '\n' ? '\n' : ' '), i++;
      }
      if (source[i] === quote) (out += quote), i++;
    } else {
      if (ch === '{' && braces.length > 0) braces[braces.length - 1]++;
      if (ch === '}' && braces.length > 0) braces[braces.length - 1]--;
      out += ch;
      i++;
    }
  }
  return out;
}

function sourceFiles(): string[] {
  return (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'src', f));
}

describe('files read outside a workspace', () => {
  it('must be regular files within their limit; a link is followed only when asked', async () => {
    const file = path.join(dir, 'small.json');
    writeFileSync(file, '{}');
    symlinkSync(file, path.join(dir, 'link.json'));
    const t0 = performance.now();
    expect(await readRegularFile('/dev/zero', 'manifest')).toMatchObject({ problem: 'not-a-file', message: 'it is not a regular file (a device); only regular files are read' });
    expect(performance.now() - t0).toBeLessThan(1000);
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(await readRegularFile(path.join(dir, 'fifo'), 'manifest')).toMatchObject({ problem: 'not-a-file' });
    expect((await readRegularFile(path.join(dir, 'link.json'), 'manifest', { follow: true }))?.toString()).toBe('{}');
    expect(await readRegularFile(path.join(dir, 'link.json'), 'manifest', { follow: false })).toMatchObject({ problem: 'not-a-file', message: 'it is a symbolic link, which is not followed here' });
    expect(await readRegularFile(file, 'manifest', { follow: false, limit: 1 })).toMatchObject({ problem: 'too-large' });
    expect(await readRegularFile(path.join(dir, 'none'), 'manifest')).toMatchObject({ problem: 'missing' });
  });
});

describe('cache entries', () => {
  it('carry a checksum of their name and content: a flipped byte, a truncation or another name is refused', () => {
    const sealed = sealEntry('a.bin', 'hello');
    expect(unsealEntry('a.bin', sealed)?.toString()).toBe('hello');
    expect(unsealEntry('b.bin', sealed)).toBeUndefined();
    for (let i = 0; i < sealed.length; i++) {
      const flipped = Buffer.from(sealed);
      flipped[i] = (flipped[i] as number) ^ 0x01;
      expect(unsealEntry('a.bin', flipped), `byte ${i}`).toBeUndefined();
    }
    expect(unsealEntry('a.bin', sealed.subarray(0, sealed.length - 1))).toBeUndefined();
  });

  it('that fail are dropped from the store when read', () => {
    const store = new BoundedStore(path.join(dir, 'store'), 1 << 20);
    store.write('one', 'content');
    const file = path.join(store.dir, 'one');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = 0x21;
    writeFileSync(file, bytes);
    expect(store.read('one')).toBeUndefined();
    expect(readdirSync(store.dir)).toEqual([]);
  });
});

describe('build.json', () => {
  const manifest = {
    tool: { name: 'briefing', version: '0.1.0' },
    inputsHash: 'x',
    date: '2025-11-01T00:00:00.000Z',
    options: { changes: false, pdfa: false, templates: null },
    inputs: { documents: [], summary: { file: 'briefing.yaml', sha256: 'y' }, templates: [], theme: [] },
    outputs: [],
    citations: [],
    statements: [{ path: 'takeaways[0]', text: 'A statement.', citations: [], docs: [] }],
    warnings: [],
  } as Manifest;

  it('is read back only as a build wrote it: its checksum over its content holds', () => {
    const text = manifestText(manifest);
    expect(manifestFromText(text)).toEqual({ manifest });
    expect(manifestFromText(text.replace('A statement.', 'Withdrawn: a forged statement.'))).toEqual({ problem: 'checksum' });
    // A file that merely parses as a manifest (no checksum) is not one.
    expect(manifestFromText(JSON.stringify(manifest))).toEqual({ problem: 'checksum' });
    expect(manifestFromText('{"hello": 1}')).toEqual({ problem: 'not-a-manifest' });
    expect(manifestFromText('{')).toEqual({ problem: 'not-json' });
  });
});

describe('bounds', () => {
  it('a template of sixteen nested {{#each}} stops with a diagnostic naming the limit, in seconds', () => {
    let source = '{{title}}';
    for (let i = 0; i < 16; i++) source = `{{#each items}}${source}{{/each}}`;
    const template = compileTemplate('deck', 'ws/templates/deck.md.hbs', source);
    if (!('render' in template)) throw new Error('not compiled');
    const t0 = performance.now();
    const rendered = template.render({ title: 'x', items: Array.from({ length: 10 }, () => ({ title: 'y', items: [] })) });
    // Each level's items have no items of their own here: made deep by a view whose items are itself.
    expect(rendered.text).toBeDefined();
    const view: Record<string, unknown> = { title: 'x' };
    view.items = Array.from({ length: 10 }, () => view);
    const bomb = template.render(view);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(bomb.text).toBeUndefined();
    expect(bomb.diagnostics.map(formatDiagnostic)).toEqual([
      `ws/templates/deck.md.hbs: error: template deck.md.hbs was stopped: it rendered more than ${LIMITS.templateBlocks / 1e6} million blocks ({{#each}} items and partials), the limit; nested loops multiply [template-limit]`,
    ]);
  });

  it('partials that fan out are counted too', () => {
    let source = '{{#*inline "p0"}}ab{{/inline}}';
    for (let i = 1; i <= 30; i++) source += `{{#*inline "p${i}"}}{{> p${i - 1}}}{{> p${i - 1}}}{{/inline}}`;
    const template = compileTemplate('memo', 'memo.md.hbs', `${source}{{> p30}}`);
    if (!('render' in template)) throw new Error('not compiled');
    const rendered = template.render({});
    expect(rendered.diagnostics[0]?.rule).toBe('template-limit');
  });

  it('a billion-laughs theme.yaml is a theme diagnostic, not an internal error', async () => {
    const ws = path.join(dir, 'laughs');
    mkdirSync(ws);
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(path.join(ws, 'theme.yaml'), `${lines.join('\n')}\n`);
    const theme = await loadTheme(ws, 'ws');
    expect(theme.diagnostics.map(formatDiagnostic)).toEqual([
      `ws/theme.yaml: error: theme is not usable YAML: its aliases (*name) expand too far: at most ${LIMITS.yamlAliases} alias uses, weighted by what each expands to, are read (a "billion laughs" document is refused) [theme-invalid]`,
    ]);
  });

  it('find and draft analyse at most LIMITS.analysedText characters of a document, cut at a line end, and say so', () => {
    const text = 'A line of text.\n'.repeat(20);
    const doc = { id: '001', name: '001.txt', file: 'ws/001.txt', text, lead: '', sha256: '' } as SourceDocument;
    const { documents, diagnostics } = documentsToAnalyse([doc], 'find', 100);
    expect(documents[0]?.text).toBe('A line of text.\n'.repeat(6));
    expect(diagnostics.map(formatDiagnostic)).toEqual(['ws/001.txt: warning: document 001 has 320 characters of text; find analyses its first 96 only (the limit is 100 a document) [text-limit]']);
  });
});
