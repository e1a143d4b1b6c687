// A real browser for the review page's tests: Debian's Chromium (`.ci/run` installs it), driven
// by playwright-core, which downloads no browser. One launch serves a test file; each page opens
// in a fresh context that records every request, console error, page error, dialog and
// Content-Security-Policy violation, and refuses any request that is not the page itself.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the system's Chromium is installed (the browser tests are skipped without it, like the LibreOffice ones). */
export const hasChromium = existsSync(CHROMIUM);

/**
 * The flags of a browser that makes no request of its own (updates, sync, QUIC probes, first-run
 * pages); playwright adds --headless and a fresh --user-data-dir (a temporary profile) itself.
 */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  url: string;
  /** Every request the page made (the page's own file: URL first). */
  requests: string[];
  /** Requests that were not the page itself: refused. */
  refused: string[];
  /** Console errors, uncaught page errors, and CSP violations as the page reported them. */
  errors: string[];
  dialogs: string[];
  /** Milliseconds from the start of navigation to the load event, and to the first contentful paint. */
  loadMs: number;
  paintMs: number;
}

/** Opens `file` in a fresh context of `browser`, watching everything it does. */
export async function openPage(browser: Browser, file: string, viewport = { width: 1366, height: 800 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const opened: OpenedPage = { context, page, url, requests: [], refused: [], errors: [], dialogs: [], loadMs: 0, paintMs: 0 };
  context.on('request', (request) => opened.requests.push(request.url()));
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    opened.refused.push(route.request().url());
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.errors.push(`page: ${error.message}`));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Injected by the browser's debugging protocol, outside the page's CSP: records any violation.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: nav.loadEventEnd - nav.startTime, paint: paint ? paint.startTime : -1 };
  });
  opened.loadMs = timing.load;
  opened.paintMs = timing.paint;
  return opened;
}

/** The ids of the statements (articles) shown on the page: not hidden by a filter. */
export function shownItems(page: Page): Promise<string[]> {
  return page.$$eval('article.item', (items) => items.filter((i) => i.getClientRects().length > 0).map((i) => i.id));
}
