// The review page (src/review/): escaping proved on any string, the page's content read back from
// real builds and checks of real temporary workspaces (the seeds, hostile documents, a summary
// with problems), its Content-Security-Policy, and its place among a build's outputs. The page in a
// browser is review.e2e.test.ts.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { codePoint, escapeAttr, escapeText, scriptJson, SHOWN_AS_CODE_SOURCE } from '../src/review/escape.js';
import { contextRange, firstLines } from '../src/review/passages.js';
import { relativeHref } from '../src/review/review.js';
import { reviewMarkLines } from '../src/inputs/review-marks.js';
import { BIDI_STATEMENT, HOSTILE_SUMMARY, makeHostileWorkspace, reviewData, withProblems } from './helpers/review.js';
import { copySeeds, removeDir, runCli, tempDir } from './helpers/workspace.js';

const SHOWN = new RegExp(SHOWN_AS_CODE_SOURCE, 'gu');
/** Strings made of the characters that matter here, and of any other UTF-16 code unit (lone surrogates too). */
const hostileString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '`', '=', '/', '</script>', '<!--', '-->', '&amp;', '&#x3c;', '\u202E', '\u2066', '\u200B', '\u0000', '\u0007', '\u2028', '\n', '\t', 'é', '😀'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  ),
  maxLength: 40,
});

function textOf(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><p id="x">${html}</p></body></html>`);
  return document.getElementById('x')?.textContent ?? '';
}

describe('escaping', () => {
  it('escapeText: any string reads back as itself, each hidden or control character as its code point', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeText(s);
        // Only the page's own markup: the boxes that show a code point.
        expect(escaped.replace(/<span class="ctl" title="[^"<>]*">U\+[0-9A-F]{4,6}<\/span>/g, '')).not.toMatch(/[<>]/);
        expect(textOf(escaped)).toBe(s.replace(SHOWN, codePoint));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapeAttr: any string reads back as the attribute value, controls as [U+XXXX]', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeAttr(s);
        expect(escaped).not.toMatch(/["'<>`]/);
        const { document } = parseHTML(`<!DOCTYPE html><html><body><p id="x" title="${escaped}"></p></body></html>`);
        expect(document.getElementById('x')?.getAttribute('title')).toBe(s.replace(SHOWN, (ch) => `[${codePoint(ch)}]`));
      }),
      { numRuns: 2000 },
    );
  });

  it('scriptJson: no character that could end or change a script element, and the value reads back', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 4 }), (texts) => {
        const json = scriptJson({ texts });
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual({ texts });
      }),
      { numRuns: 1000 },
    );
  });

  it('shows bidi controls, zero-width characters and C0 controls as boxes with their names', () => {
    expect(escapeText('a\u202Eb')).toBe('a<span class="ctl" title="U+202E RIGHT-TO-LEFT OVERRIDE">U+202E</span>b');
    expect(escapeText('\u0007')).toBe('<span class="ctl" title="U+0007 (a control character)">U+0007</span>');
    expect(escapeText('x\uD800y')).toContain('U+D800');
    expect(escapeText('tab\tand\nline')).toBe('tab\tand\nline');
  });
});

describe('passages', () => {
  const text = ['Title line', '', 'First paragraph here.', '', 'The quoted words sit in this paragraph.', '', 'Next paragraph.', '', 'Far paragraph.'].join('\n');
  it('opens the paragraph of the quote and one either side', () => {
    const start = text.indexOf('quoted words');
    const range = contextRange({ text }, start, start + 'quoted words'.length);
    expect(text.slice(range.from, range.to)).toBe('First paragraph here.\n\nThe quoted words sit in this paragraph.\n\nNext paragraph.');
    expect(range).toMatchObject({ clippedStart: false, clippedEnd: false, lines: false });
  });

  it('takes lines for paragraphs in a document without blank lines, and clips a huge paragraph', () => {
    const lines = 'One.\nTwo has the quote.\nThree.\nFour.';
    const at = lines.indexOf('the quote');
    const range = contextRange({ text: lines }, at, at + 9);
    expect(lines.slice(range.from, range.to)).toBe('One.\nTwo has the quote.\nThree.');
    expect(range.lines).toBe(true);
    const huge = `${'word '.repeat(5000)}needle here ${'word '.repeat(5000)}`;
    const h = huge.indexOf('needle');
    const clipped = contextRange({ text: huge }, h, h + 6);
    expect(clipped.to - clipped.from).toBeLessThanOrEqual(2 * 1200 + 6);
    expect(clipped).toMatchObject({ clippedStart: true, clippedEnd: true });
    expect(huge.slice(clipped.from, clipped.to)).toMatch(/^word .* needle here .* word$/);
  });

  it('never cuts a character in two, and gives a document’s first lines', () => {
    const emoji = '😀'.repeat(1500);
    const text2 = `${emoji}needle${emoji}`;
    const at = text2.indexOf('needle');
    const r = contextRange({ text: text2 }, at, at + 6);
    expect(text2.slice(r.from, r.to)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(firstLines('\n\nFirst\n\nSecond\nThird\nFourth')).toEqual(['First', 'Second', 'Third']);
    expect(firstLines(`${'x'.repeat(300)}\n`)[0]).toBe(`${'x'.repeat(200)}…`);
  });

  it('links to briefing.yaml by a relative URL, each segment encoded', () => {
    expect(relativeHref('/a/out', '/a/ws/briefing.yaml')).toBe('../ws/briefing.yaml');
    expect(relativeHref('/a/out', '/a/javascript:x #?/briefing.yaml')).toBe('../javascript%3Ax%20%23%3F/briefing.yaml');
  });

  it('finds the lines of the items draft marked for review', () => {
    expect(reviewMarkLines('a: 1\nlist:\n  # drafted from 003: review\n  - x\n  # proposed from 004: review\n  - y\n')).toEqual([3, 5]);
    expect(reviewMarkLines('a: 1\n')).toEqual([]);
  });
});

/** The page's CSP and the hashes of its inline style and script. */
function policyOf(html: string): { csp: string; style: string; script: string } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  return { csp, style, script };
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('the review page of a build', () => {
  let dir: string;
  let ws: string;
  let html: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    const built = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/review\.html \(\d+ KB\)/);
    html = await readFile(path.join(dir, 'out/review.html'), 'utf8');
  });
  afterAll(() => removeDir(dir));

  it('is self-contained: one style and one script, allowed by hash, nothing else', () => {
    const { csp, style, script } = policyOf(html);
    expect(csp).not.toMatch(/unsafe/);
    const content = parseHTML(html).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(content).toBe(`default-src 'none'; style-src 'sha256-${sha(style)}'; script-src 'sha256-${sha(script)}'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    // No address of any kind but the relative link to briefing.yaml.
    expect(html).not.toMatch(/\b(?:src|srcset|action|poster|data)=/);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['../ws/briefing.yaml']));
    expect(new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['../ws/briefing.yaml']));
    expect(html).not.toMatch(/\bstyle="/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows every statement, in sections in reading order, with its line and its citations numbered as in build.json', async () => {
    const { document } = parseHTML(html);
    const manifest = JSON.parse(await readFile(path.join(dir, 'out/build.json'), 'utf8')) as { outputs: { file: string; sha256: string; key?: string }[] };
    const review = manifest.outputs.find((o) => o.file === 'review.html');
    expect(review?.sha256).toBe(createHash('sha256').update(await readFile(path.join(dir, 'out/review.html'))).digest('hex'));
    expect(review?.key).toMatch(/^[0-9a-f]{64}$/);
    const json = JSON.parse((await runCli(['check', 'ws', '--json'], { cwd: dir })).stdout) as { citations: { n: number; doc: string; line: number }[] };
    const numbers = [...document.querySelectorAll('button.cite')].map((b) => Number(b.querySelector('.num')?.textContent));
    // Reading order: the memo's order of sections; walking them, the numbers each one cites first run 1, 2, 3…
    const sections = [...document.querySelectorAll('section.statements')];
    expect(sections.map((s) => s.id)).toEqual(['s-takeaways', 's-implications', 's-recommendations', 's-investment', 's-friction', 's-conflicts', 's-alternatives', 's-outlook']);
    const seen = new Set<number>();
    const introduced: number[] = [];
    for (const section of sections) {
      for (const n of [...section.querySelectorAll('button.cite .num')].map((b) => Number(b.textContent)).sort((a, b) => a - b)) {
        if (!seen.has(n)) introduced.push(n);
        seen.add(n);
      }
    }
    expect(introduced).toEqual(introduced.map((_, i) => i + 1));
    // Each button names its document and place as build.json's citation of that number does.
    for (const button of document.querySelectorAll('button.cite')) {
      const n = Number(button.querySelector('.num')?.textContent);
      const c = json.citations.find((x) => x.n === n);
      expect(c, `citation ${n}`).toBeDefined();
      expect(button.textContent).toContain(`${c?.doc} \u00b7 line`);
    }
    expect(new Set(numbers)).toEqual(new Set(json.citations.map((c) => c.n)));
    // Each statement links to its line of briefing.yaml, where its text is.
    const yaml = (await readFile(path.join(ws, 'briefing.yaml'), 'utf8')).split('\n');
    const items = [...document.querySelectorAll('article.item')];
    expect(items.length).toBeGreaterThan(30);
    for (const item of items.filter((i) => i.querySelector(':scope > p.text'))) {
      const line = Number(/:(\d+)$/.exec(item.querySelector('.loc a')?.textContent ?? '')?.[1]);
      const text = item.querySelector(':scope > p.text')?.textContent ?? '';
      expect(yaml[line - 1], `${item.id} at line ${line}`).toMatch(/^\s*- /);
      expect(yaml.slice(line - 1, line + 4).join('\n'), `${item.id} at line ${line}`).toContain(text.slice(0, 30).replace(/'/g, "''"));
    }
  });

  it('opens each citation on its quote: the offsets mark the quote in the context', () => {
    const { document } = parseHTML(html);
    const data = reviewData(html);
    const fold = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
    let checked = 0;
    for (const button of document.querySelectorAll('button.cite:not([disabled])')) {
      const context = data.contexts[Number(button.getAttribute('data-c'))];
      const marked = context?.text.slice(Number(button.getAttribute('data-s')), Number(button.getAttribute('data-e'))) ?? '';
      const quote = button.parentElement?.querySelector('q')?.textContent ?? '';
      expect(fold(marked)).toBe(fold(quote));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('is byte-identical for identical inputs, kept when unchanged, and rewritten when a statement changes', async () => {
    const first = await readFile(path.join(dir, 'out/review.html'));
    expect((await runCli(['build', 'ws', '--out', 'again'], { cwd: dir })).code).toBe(0);
    expect((await readFile(path.join(dir, 'again/review.html'))).equals(first)).toBe(true);
    // A comment added at the end: the summary's bytes change, no output does.
    const yamlFile = path.join(ws, 'briefing.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    await writeFile(yamlFile, `${yaml}# a closing comment\n`);
    const kept = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(kept.stderr).toMatch(/kept briefing\.pptx, memo\.pdf and review\.html: unchanged/);
    const reworded = yaml.replace("- text: 'One article says the two companies", "- text: 'One article says that the two companies");
    expect(reworded).not.toBe(yaml);
    await writeFile(yamlFile, reworded);
    const changed = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(changed.stderr).toMatch(/wrote [^;]*review\.html/);
    expect(await readFile(path.join(dir, 'out/review.html'), 'utf8')).toContain('One article says that the two companies');
    await writeFile(yamlFile, yaml);
  });
});

describe('the review page of a check with problems (check --review)', () => {
  let dir: string;
  let html: string;
  let stderr: string;
  beforeAll(async () => {
    let ws: string;
    ({ dir, ws } = await copySeeds());
    const yamlFile = path.join(ws, 'briefing.yaml');
    await writeFile(yamlFile, withProblems(await readFile(yamlFile, 'utf8')));
    await writeFile(path.join(ws, '005_extra.txt'), 'An extra note\n\nNobody cites this one yet; it says plenty.\n');
    const checked = await runCli(['check', 'ws', '--review', 'out/review.html'], { cwd: dir });
    expect(checked.code).toBe(1);
    stderr = checked.stderr;
    html = await readFile(path.join(dir, 'out/review.html'), 'utf8');
  });
  afterAll(() => removeDir(dir));

  it('writes the page whatever the check finds, and says so', () => {
    expect(stderr).toContain('error: quote not found in 000');
    expect(stderr).toMatch(/^out\/review\.html: review page written: \d+ statements, 4 to look at$/m);
  });

  it('marks each problem on its statement: the broken quote with its closest passage, the items awaiting review', () => {
    const { document } = parseHTML(html);
    const failed = document.querySelectorAll('article.item.st-failed');
    expect(failed.length).toBe(1);
    const broken = failed[0] as Element;
    expect(broken.querySelector('.notes .n-error')?.textContent).toContain('quote not found in 000');
    const miss = broken.querySelector('button.cite.miss');
    expect(miss?.textContent).toMatch(/000 · not found; closest at line \d+/);
    const data = reviewData(html);
    const context = data.contexts[Number(miss?.getAttribute('data-c'))];
    expect(context?.text.slice(Number(miss?.getAttribute('data-s')), Number(miss?.getAttribute('data-e')))).toMatch(/^the two companies begin to look more like competitors than collaborators/);
    const unreviewed = [...document.querySelectorAll('article.item.unreviewed')];
    expect(unreviewed.map((i) => i.id)).toEqual(['friction-0', 'outlook-0']);
    for (const item of unreviewed) expect(item.querySelector('.badge')?.textContent).toBe('Awaiting review');
    expect([...document.querySelectorAll('article.item.problem')].map((i) => i.id)).toEqual(['takeaways-0', 'takeaways-1', 'friction-0', 'outlook-0']);
    expect(document.querySelector('button[data-filter="problems"]')?.textContent).toBe('Only problems (4)');
    // The filters count items, the line above them statements: a disagreement's two sides are one item.
    const items = document.querySelectorAll('article.item').length;
    expect(document.querySelector('.counts')?.textContent).toMatch(new RegExp(`^\\d+ statements in ${items} items: `));
    expect(document.querySelector('button[data-filter="all"]')?.textContent).toBe(`All (${items})`);
    // The one warning for all marked items is the page's, not one item's.
    expect(document.querySelector('details.general')?.textContent).toContain('[unreviewed-item]');
  });

  it('marks the words a statement’s quotes do not say and names the hedge it dropped', () => {
    const { document } = parseHTML(html);
    const item = document.querySelector('#takeaways-1');
    expect(item?.querySelector('.badge')?.textContent).toBe('Support warning');
    expect([...(item?.querySelectorAll('.text mark.unsupported') ?? [])].map((m) => m.textContent)).toEqual(['secretly']);
    const cues = item?.querySelector('.cues')?.textContent ?? '';
    expect(cues).toMatch(/^hedgesits quotes: “Reports indicate”.*; the statement: none$/);
    const rules = [...(item?.querySelectorAll('.notes .rule') ?? [])].map((r) => r.textContent);
    expect(rules).toEqual(['[support-words]', '[support-hedge]']);
  });

  it('shows the team’s view as such: every item and headline marked view: true', async () => {
    const { document } = parseHTML(html);
    const yaml = await readFile(path.join(dir, 'ws/briefing.yaml'), 'utf8');
    // Marked in the YAML, and the recommendations (each, and their headline), the team's view by the schema.
    const recommendations = (parseYaml(yaml) as { recommendations?: unknown[] }).recommendations?.length ?? 0;
    const marked = (yaml.match(/^[^#\n]*\bview: true\b/gm)?.length ?? 0) + (recommendations > 0 ? recommendations + 1 : 0);
    expect(marked).toBeGreaterThan(1);
    expect(document.querySelectorAll('.badge.b-view').length).toBe(marked);
    expect(document.querySelectorAll('article.item.view').length).toBeGreaterThan(0);
    // A view is exempt: none of its words is marked unsupported.
    for (const item of document.querySelectorAll('article.item.view')) expect(item.querySelectorAll('mark.unsupported').length).toBe(0);
  });

  it('lists the documents no statement cites, with their first lines', () => {
    const { document } = parseHTML(html);
    const uncited = document.querySelector('#s-uncited');
    expect(uncited?.querySelector('h2')?.textContent).toBe('Documents no statement cites (1)');
    expect(uncited?.querySelector('li')?.textContent).toContain('An extra note\nNobody cites this one yet; it says plenty.');
    expect(document.querySelector('.counts')?.textContent).toMatch(/6 documents, 1 not cited/);
  });

  it('refuses a page in the workspace or a folder, and reports a page it cannot write', async () => {
    const inWs = await runCli(['check', 'ws', '--review', 'ws/review.html'], { cwd: dir });
    expect(inWs.code).toBe(2);
    expect(inWs.stderr).toContain('--review ws/review.html is in the workspace folder: the page would be read back as a document');
    const folder = await runCli(['check', 'ws', '--review', 'out'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('--review out is a folder');
    await writeFile(path.join(dir, 'afile'), 'x');
    const blocked = await runCli(['check', 'ws', '--review', 'afile/review.html'], { cwd: dir });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^afile\/review\.html: error: cannot write the review page afile\/review\.html: .* \[review-unwritable\]$/m);
  });
});

describe('hostile documents and summaries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-review-hostile-');
  });
  afterAll(() => removeDir(dir));

  it('shows every script, link, comment and markup of documents and summary as text', async () => {
    await makeHostileWorkspace(dir);
    const built = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'out/review.html'), 'utf8');
    // Only the page's own elements: two scripts, no image, no link but briefing.yaml's.
    expect(html.match(/<script\b/gi)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<b>something|<b>bold|<a href="javascript|<!-- a comment/i);
    const { document } = parseHTML(html);
    // Every element the page has is its own: links only to briefing.yaml, no event handler attribute.
    expect(new Set([...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href')))).toEqual(new Set(['../ws/briefing.yaml']));
    expect([...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(document.querySelectorAll('img, a:not(.loc a), iframe, object, embed').length).toBe(0);
    expect(document.querySelector('h1')?.textContent).toBe('Hostile <script>window.pwnedTitle = true</script> review');
    expect(document.querySelector('.sub')?.textContent).toContain('" onmouseover="window.pwnedAttr=true');
    expect(document.querySelector('#takeaways-0 .text')?.textContent).toBe('<img src=x onerror="window.pwnedStatement=true"> Alpha said <b>something</b> was in the release notes.');
    expect(document.querySelector('#takeaways-1 q')?.textContent).toBe('The filing says </script><script>window.pwnedClose = true</script> in plain text');
    expect(document.querySelector('#friction-0 h3')?.textContent).toBe('<a href="javascript:window.pwnedField=true">click</a>');
    // The documents' text, in the page's JSON, reads back whole: the script data cannot end early.
    const data = reviewData(html);
    expect(data.contexts.some((c) => c.text.includes('</script><script>window.pwnedClose = true</script>'))).toBe(true);
    expect(data.contexts.some((c) => c.text.includes('bell \u0007 here'))).toBe(true);
    expect(data.documents.find((d) => d.id === '002')?.url).toBe('javascript:window.pwnedMeta=true');
  });

  it('shows a bidi control of the summary as its code point (check --review: the summary is in error)', async () => {
    const ws = path.join(dir, 'ws');
    await writeFile(path.join(ws, 'briefing.yaml'), HOSTILE_SUMMARY + BIDI_STATEMENT);
    await mkdir(path.join(dir, 'bidi'), { recursive: true });
    const checked = await runCli(['check', 'ws', '--review', 'bidi/review.html'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('[invisible-character]');
    const html = await readFile(path.join(dir, 'bidi/review.html'), 'utf8');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const { document } = parseHTML(html);
    const text = document.querySelector('#friction-1 .text');
    expect(text?.textContent).toBe('Beta U+202EplansU+202C for next year.');
    expect(text?.querySelector('.ctl')?.getAttribute('title')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
  });
});
