// The review page in a real browser (Debian's Chromium, one launch for the file): the seeds'
// page opened offline (no request but the page itself, no error, no CSP violation), a citation
// opened on its quote, the problems filter, the keyboard, hostile documents shown as text, the
// printed page, and a summary of 1,000 statements opened in under a second. Screenshots go to a
// temporary folder, or to REVIEW_SCREENSHOTS when it names one (to look at them).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, shownItems, type OpenedPage } from './helpers/browser.js';
import { makeHostileWorkspace, PWNED, withProblems } from './helpers/review.js';
import { copySeeds, removeDir, ROOT, runCli, tempDir } from './helpers/workspace.js';

/** Quote marks and white space as the verifier folds them. */
const fold = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').trim();

describe.skipIf(!hasChromium)('the review page in a browser', () => {
  let browser: Browser;
  let dir: string;
  let shots: string;
  const pages = { seeds: '', problems: '', hostile: '', large: '' };
  const opened: OpenedPage[] = [];

  async function open(file: string, viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const o = await openPage(browser, file, viewport);
    opened.push(o);
    return o;
  }

  /** Nothing left the page and nothing went wrong in it. */
  function expectClean(o: OpenedPage): void {
    expect(o.requests).toEqual([o.url]);
    expect(o.refused).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
  }

  beforeAll(async () => {
    const launching = launchBrowser();
    dir = await tempDir('briefing-review-e2e-');
    shots = process.env.REVIEW_SCREENSHOTS ?? path.join(dir, 'screenshots');
    await mkdir(shots, { recursive: true });
    // The seeds, built.
    const seeds = await copySeeds();
    expect((await runCli(['build', 'ws', '--out', 'out'], { cwd: seeds.dir })).code).toBe(0);
    pages.seeds = path.join(seeds.dir, 'out/review.html');
    // The seeds with problems: a broken quote, two items draft marked for review, an uncited document.
    const problems = await copySeeds();
    const yaml = path.join(problems.ws, 'briefing.yaml');
    await writeFile(yaml, withProblems(await readFile(yaml, 'utf8')));
    await writeFile(path.join(problems.ws, '005_extra.txt'), 'An extra note\n\nNobody cites this one yet.\n');
    expect((await runCli(['check', 'ws', '--review', 'out/review.html'], { cwd: problems.dir })).code).toBe(1);
    pages.problems = path.join(problems.dir, 'out/review.html');
    // Hostile documents and summary, built.
    await makeHostileWorkspace(path.join(dir, 'hostile'));
    expect((await runCli(['build', 'ws', '--out', 'out'], { cwd: path.join(dir, 'hostile') })).code).toBe(0);
    pages.hostile = path.join(dir, 'hostile/out/review.html');
    // A summary of about 1,000 statements (scripts/gen-workspace.mjs), checked.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-workspace.mjs'), path.join(dir, 'large/ws'), '--statements', '1000']);
    expect((await runCli(['check', 'ws', '--review', 'out/review.html'], { cwd: path.join(dir, 'large') })).code).toBe(0);
    pages.large = path.join(dir, 'large/out/review.html');
    browser = await launching;
    copies.push(seeds.dir, problems.dir);
  });
  const copies: string[] = [];
  afterAll(async () => {
    for (const o of opened) await o.context.close();
    await browser?.close();
    for (const d of copies) await removeDir(d);
    await removeDir(dir);
  });

  it('opens the seeds’ page offline: every statement shown, no request but the page itself, no error', async () => {
    const o = await open(pages.seeds);
    const { page } = o;
    await page.screenshot({ path: path.join(shots, '1-open.png') });
    expectClean(o);
    const counts = await page.textContent('.counts');
    expect(counts).toMatch(/^\d+ statements in \d+ items: \d+ verified, 0 with errors/);
    expect((await shownItems(page)).length).toBeGreaterThan(30);
    expect(await page.title()).toMatch(/^Review: /);
  });

  it('opens a citation on a click: the passage in its document, the quote highlighted', async () => {
    const o = await open(pages.seeds);
    const { page } = o;
    const button = page.locator('#takeaways-1 button.cite').nth(1);
    const quote = await page.locator('#takeaways-1 .cites > li').nth(1).locator('q').textContent();
    await button.click();
    const panel = page.locator(`#p-${await button.getAttribute('id')}`);
    await panel.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const mark = panel.locator('mark.q');
    expect(await mark.count()).toBe(1);
    expect(fold((await mark.textContent()) ?? '')).toBe(fold(quote ?? ''));
    expect(await mark.isVisible()).toBe(true);
    // The document is named: its title, id, format, file and the quote's line.
    const head = (await panel.locator('.doc').textContent()) ?? '';
    expect(head).toMatch(/ · \d{3} · text · ws\/\d{3}_[0-9a-f]+\.txt, line \d+$/);
    // The paragraph around the quote is there, the quote inside it.
    const paragraph = (await mark.locator('xpath=..').textContent()) ?? '';
    expect(paragraph.length).toBeGreaterThan((quote ?? '').length);
    await page.screenshot({ path: path.join(shots, '2-citation.png') });
    await button.click();
    expect(await panel.isHidden()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expectClean(o);
  });

  it('shows only the problems on one click, each with what is wrong; the broken quote opens its closest passage', async () => {
    const o = await open(pages.problems);
    const { page } = o;
    await page.screenshot({ path: path.join(shots, '3-problems-page.png') });
    const all = await shownItems(page);
    await page.click('button[data-filter="problems"]');
    expect(await page.getAttribute('button[data-filter="problems"]', 'aria-pressed')).toBe('true');
    const shown = await shownItems(page);
    expect(shown).toEqual(['takeaways-0', 'takeaways-1', 'friction-0', 'outlook-0']);
    expect(all.length).toBeGreaterThan(shown.length);
    // Sections without a problem are hidden; the documents no statement cites stay.
    expect(await page.locator('#s-implications').isHidden()).toBe(true);
    expect(await page.locator('#s-uncited').isVisible()).toBe(true);
    expect(await page.locator('#takeaways-0 .notes').textContent()).toContain('quote not found in 000');
    await page.click('#takeaways-0 button.cite.miss');
    const miss = page.locator('#takeaways-0 mark.q.miss');
    await miss.waitFor();
    expect(await miss.textContent()).toMatch(/^the two companies begin to look more like competitors than collaborators/);
    expect(await page.locator('#takeaways-0 .missing').textContent()).toContain('The quote is not in this document');
    await page.screenshot({ path: path.join(shots, '4-only-problems.png') });
    await page.click('button[data-filter="all"]');
    expect(await shownItems(page)).toEqual(all);
    expectClean(o);
  });

  it('is worked from the keyboard: next statement, next problem, open and close passages, the filter', async () => {
    const o = await open(pages.problems);
    const { page } = o;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const items = await shownItems(page);
    await page.keyboard.press('j');
    expect(await focused()).toBe(items[0]);
    await page.keyboard.press('j');
    expect(await focused()).toBe(items[1]);
    await page.keyboard.press('k');
    expect(await focused()).toBe(items[0]);
    await page.keyboard.press('n');
    expect(await focused()).toBe('takeaways-1');
    await page.keyboard.press('n');
    expect(await focused()).toBe('friction-0');
    await page.keyboard.press('n');
    expect(await focused()).toBe('outlook-0');
    await page.keyboard.press('p');
    expect(await focused()).toBe('friction-0');
    await page.keyboard.press('o');
    const buttons = page.locator('#friction-0 button.cite');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) expect(await buttons.nth(i).getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#friction-0 .passage mark.q').count()).toBe(n);
    await page.screenshot({ path: path.join(shots, '5-keyboard.png') });
    await page.keyboard.press('Escape');
    for (let i = 0; i < n; i++) expect(await buttons.nth(i).getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('friction-0');
    await page.keyboard.press('2');
    expect(await buttons.nth(1).getAttribute('aria-expanded')).toBe('true');
    expect(await buttons.nth(0).getAttribute('aria-expanded')).toBe('false');
    // Enter on a focused citation opens it as a button does; Tab reaches the citations.
    await page.keyboard.press('f');
    expect(await page.getAttribute('body', 'data-filter')).toBe('problems');
    await page.keyboard.press('f');
    expect(await page.getAttribute('body', 'data-filter')).toBe('all');
    await buttons.nth(0).focus();
    await page.keyboard.press('Enter');
    expect(await buttons.nth(0).getAttribute('aria-expanded')).toBe('true');
    // The statement's place in briefing.yaml, copied (or selected, where the clipboard is refused).
    const place = (await page.locator('#friction-0 .loc a').first().textContent()) ?? '';
    expect(place).toMatch(/^ws\/briefing\.yaml:\d+$/);
    await page.locator('#friction-0 .loc .copy').first().click();
    await page.waitForFunction(() => document.querySelector('#friction-0 .loc .copy')?.textContent === 'Copied' || (window.getSelection()?.toString() ?? '') !== '');
    const copied = await page.evaluate(() => ({ button: document.querySelector('#friction-0 .loc .copy')?.textContent, selected: window.getSelection()?.toString() }));
    expect(copied.button === 'Copied' || copied.selected === place, JSON.stringify(copied)).toBe(true);
    expectClean(o);
  });

  it('shows hostile documents and summaries as text: no script runs, nothing is requested', async () => {
    const o = await open(pages.hostile);
    const { page } = o;
    const cites = page.locator('button.cite:not([disabled])');
    for (let i = 0; i < (await cites.count()); i++) await cites.nth(i).click();
    const pwned = () => page.evaluate((names) => names.filter((n) => n in window), PWNED);
    expect(await pwned()).toEqual([]);
    expect(await page.textContent('h1')).toBe('Hostile <script>window.pwnedTitle = true</script> review');
    expect(await page.textContent('#takeaways-0 .text')).toContain('<img src=x onerror="window.pwnedStatement=true">');
    const passages = (await page.locator('.passage .ctx').allTextContents()).join('\n');
    expect(passages).toContain('Alpha said <script>window.pwnedScript = true</script> was in the release notes.');
    expect(passages).toContain('The filing says </script><script>window.pwnedClose = true</script> in plain text, bell U+0007 here');
    expect(passages).toContain('A link javascript:window.pwnedLink=true appeared');
    // A document's `javascript:` address is shown as text, not as a link.
    const heads = (await page.locator('.passage .doc').allTextContents()).join('\n');
    expect(heads).toContain('javascript:window.pwnedMeta=true');
    expect(await page.locator('.passage a').count()).toBe(0);
    // Hovering and clicking the hostile text runs nothing either.
    await page.hover('.sub');
    await page.click('#friction-0 h3');
    expect(await pwned()).toEqual([]);
    await page.screenshot({ path: path.join(shots, '6-hostile.png'), fullPage: true });
    expectClean(o);
  });

  it('prints the statements without the controls', async () => {
    const o = await open(pages.seeds);
    const { page } = o;
    await page.click('#takeaways-0 button.cite');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isHidden()).toBe(true);
    expect(await page.locator('.keys').isHidden()).toBe(true);
    expect(await page.locator('button.copy').first().isHidden()).toBe(true);
    expect(await page.locator('#takeaways-0 .passage').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: path.join(shots, '7-print.png') });
    expectClean(o);
  });

  it('opens a page of 1,000 statements with no passage rendered until asked, and opens a passage at its end', async () => {
    const bytes = (await stat(pages.large)).size;
    const o = await open(pages.large);
    const { page } = o;
    const items = await shownItems(page);
    expect(items.length).toBeGreaterThanOrEqual(900);
    // Passages are rendered lazily: none is in the page before a citation is opened.
    expect(await page.locator('.passage').count()).toBe(0);
    const last = page.locator('article.item').last().locator('button.cite').first();
    await last.scrollIntoViewIfNeeded();
    const t0 = Date.now();
    await last.click();
    await page.locator('article.item').last().locator('.passage mark.q').first().waitFor();
    const clickMs = Date.now() - t0;
    await page.screenshot({ path: path.join(shots, '8-large.png') });
    console.log(`review page of ${items.length} items: ${bytes} bytes, load ${Math.round(o.loadMs)} ms, first paint ${Math.round(o.paintMs)} ms, a passage opened in ${clickMs} ms; screenshots in ${shots}`);
    // The page opens in under a second on this machine (0.3-0.7 s load, 0.2-0.4 s first paint,
    // 0.2-0.3 s a passage, printed above). Wall time on a shared machine is noise (a full run under
    // load once took 1.3 s), so the test bounds it at 5 s, a guard against a page that renders
    // everything at once, not a benchmark; laziness itself is asserted above.
    expect(o.loadMs).toBeLessThan(5000);
    expect(o.paintMs).toBeGreaterThan(0);
    expect(o.paintMs).toBeLessThan(5000);
    expect(clickMs).toBeLessThan(5000);
    expectClean(o);
  });
});
