// The support check through the CLI: issue 20's four statements on the seeds' own articles are
// reported with their rule ids and positions; --strict makes them errors (exit 1) and passes the
// re-curated seeds (exit 0); --json gives each statement's support; and a statement marked as the
// team's view is exempt and labelled in both the deck and the memo.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText as deckText, readPptx } from './helpers/deck.js';
import { allText as pdfText, readPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

/** The four statements of issue 20, each citing the passage it was checked against there. */
const FOUR = `title: Statements of the support issue
asOf: 2025-11-01
takeaways:
  - text: Microsoft is taking legal action against OpenAI and Amazon over a $50 billion deal.
    cite:
      - { doc: "003", quote: "Reports of Microsoft considering legal action against OpenAI and Amazon over a $50 billion deal that reportedly breaches their exclusivity agreement highlight the intricate legal landscape." }
  - text: Microsoft makes a full buyout offer.
    cite:
      - { doc: "002", quote: "Industry experts predict several possible scenarios for the Microsoft-OpenAI relationship" }
      - { doc: "002", quote: "Acquisition: Microsoft makes a full buyout offer" }
  - text: Microsoft will keep the contract.
    cite:
      - { doc: "003", quote: "Microsoft could end OpenAI talks and maintain current contract" }
  - text: Microsoft has agreed to acquire OpenAI outright.
    cite:
      - { doc: "002", quote: "Microsoft has increasingly pushed for more influence over OpenAI's research directions and product roadmaps." }
`;

describe('the support check, through the CLI', () => {
  let dir = '';
  let ws = '';
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('reports the four statements of issue 20 with their rule ids, at their lines; --strict makes them errors', async () => {
    await writeFile(path.join(ws, 'briefing.yaml'), FOUR);
    const check = await runCli(['check', 'ws'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(check.code).toBe(0);
    const support = check.stderr.split('\n').filter((l) => /\[support-/.test(l));
    const ruleAt = (line: number) => support.filter((l) => l.startsWith(`ws/briefing.yaml:${line}:11: warning: `)).map((l) => /\[(support-[a-z]+)\]$/.exec(l)?.[1]);
    expect(ruleAt(4)).toContain('support-hedge');
    expect(ruleAt(7)).toEqual(['support-hedge']);
    expect(ruleAt(11)).toEqual(['support-hedge']);
    expect(ruleAt(14)).toEqual(['support-words']);
    // Each message names the words or the hedge, and shows the closest quote.
    expect(support.find((l) => l.includes(':4:11:') && l.includes('support-hedge'))).toContain('"considering"');
    expect(support.find((l) => l.includes(':7:11:'))).toContain('"predict"');
    expect(support.find((l) => l.includes(':11:11:'))).toContain('"could"');
    expect(support.find((l) => l.includes(':14:11:'))).toMatch(/says "agreed", "acquire", "outright", which none of its quotes says; closest quote: "Microsoft has increasingly pushed/);
    const strict = await runCli(['check', 'ws', '--strict'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('ws/briefing.yaml:14:11: error: takeaways[3].text says "agreed", "acquire", "outright"');
    expect(strict.stderr).not.toContain('ok:');
    // A strict build fails the same way and writes nothing.
    const build = await runCli(['build', 'ws', '--out', 'out', '--strict'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(build.code).toBe(1);
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('gives each statement its support in --json: covered and uncovered words, hedges and negations on each side', async () => {
    await writeFile(path.join(ws, 'briefing.yaml'), FOUR);
    const result = await runCli(['check', 'ws', '--json'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    const report = JSON.parse(result.stdout) as { support: { path: string; label: string; line: number; covered: string[]; uncovered: string[]; hedges: { quotes: string[]; statement: string[] }; negations: { quotes: string[]; statement: string[] }; findings: { rule: string; words: string[] }[] }[] };
    const first = report.support.find((s) => s.path === 'takeaways.0.text');
    expect(first).toMatchObject({ label: 'takeaways[0].text', line: 4, uncovered: ['taking'], hedges: { quotes: ['Reports of', 'considering', 'reportedly'], statement: [] }, negations: { quotes: [], statement: [] } });
    expect(first?.covered).toEqual(expect.arrayContaining(['legal', 'action', 'deal']));
    expect(report.support.find((s) => s.path === 'takeaways.3.text')?.findings).toEqual([expect.objectContaining({ rule: 'support-words', words: ['agreed', 'acquire', 'outright'] })]);
  });

  it('passes the re-curated seeds under --strict', async () => {
    const result = await runCli(['check', 'seeds', '--strict'], { env: { BRIEFING_NO_CACHE: '1' } });
    expect(result.stderr).toMatch(/^seeds\/briefing\.yaml: ok: \d+ citations verified in 5 documents\n$/);
    expect(result.code).toBe(0);
  });

  it('exempts a statement marked as the team\'s view, and labels it in the deck and the memo', async () => {
    const summary = FOUR.replace('  - text: Microsoft has agreed to acquire OpenAI outright.\n', '  - text: Microsoft has agreed to acquire OpenAI outright.\n    view: true\n')
      .replace('asOf: 2025-11-01\n', 'asOf: 2025-11-01\nheadlines:\n  takeaways: { text: A partner turning rival, view: true }\n');
    await writeFile(path.join(ws, 'briefing.yaml'), summary);
    const check = await runCli(['check', 'ws', '--strict'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    // The view item and the view headline raise nothing; the other three still do.
    expect(check.stderr).not.toContain('takeaways[3]');
    expect(check.stderr).not.toContain('headlines.takeaways');
    expect(check.stderr).toContain('takeaways[2].text');
    const view = summary
      .replace('Microsoft is taking legal action against OpenAI and Amazon over a $50 billion deal.', 'One article cites reports that Microsoft is considering legal action against OpenAI and Amazon over a $50 billion deal.')
      .replace('Microsoft makes a full buyout offer.', 'Industry experts predict a full buyout offer by Microsoft as a possible scenario.')
      .replace('Microsoft will keep the contract.', 'One report says Microsoft could maintain the current contract.');
    await writeFile(path.join(ws, 'briefing.yaml'), view);
    const build = await runCli(['build', 'ws', '--out', 'out', '--strict'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(build.stderr).not.toContain('[support-');
    expect(build.code).toBe(0);
    const deck = await readPptx(await readFile(path.join(dir, 'out/briefing.pptx')));
    const takeawaysSlide = deckText(deck.slides[1] as string).replace(/\s+/g, ' ');
    expect(takeawaysSlide).toContain('OUR VIEW Microsoft has agreed to acquire OpenAI outright.');
    // The headline that is the team's view says so in the slide's kicker.
    expect(takeawaysSlide).toContain('KEY TAKEAWAYS · OUR VIEW A partner turning rival');
    // Only the view item and the view headline are labelled.
    expect(takeawaysSlide.match(/OUR VIEW/g)).toHaveLength(2);
    const memo = pdfText(await readPdf(await readFile(path.join(dir, 'out/memo.pdf'))));
    expect(memo.replace(/\s+/g, ' ')).toContain('OUR VIEW Microsoft has agreed to acquire OpenAI outright.');
    // The memo opens its bottom line with the answer, the view headline, labelled too (issue 24).
    expect(memo.replace(/\s+/g, ' ')).toContain('Bottom line A partner turning rival OUR VIEW');
    expect(memo.match(/OUR VIEW/g)).toHaveLength(2);
  });
});

/** Quotes cut before the words that frame them in their documents: a denial after the quote, a list's hedged lead-in. */
const FRAMED = `title: Quotes cut from their frames
asOf: 2025-11-01
takeaways:
  - text: Acme will buy Beta.
    cite:
      - { doc: "009", quote: "Acme will buy Beta" }
  - text: Microsoft makes a full buyout offer.
    cite:
      - { doc: "002", quote: "Acquisition: Microsoft makes a full buyout offer" }
  - text: Shares of Acme rose on Monday.
    cite:
      - { doc: "009", quote: "Shares of Acme rose on Monday" }
`;

describe('the support check reads a quote in its sentence and under its list\'s lead-in, through the CLI', () => {
  let dir = '';
  let ws = '';
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    await writeFile(path.join(ws, '009_frames.txt'), 'Acme will buy Beta, said no one at the firm. Shares of Acme rose on Monday, the exchange said.\n');
    await writeFile(path.join(ws, 'briefing.yaml'), FRAMED);
  });
  afterAll(() => removeDir(dir));

  it('flags the denial after a quote and the hedge of a list item\'s lead-in; --strict fails on them', async () => {
    const check = await runCli(['check', 'ws'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(check.code, check.stderr).toBe(0);
    const support = check.stderr.split('\n').filter((l) => /\[support-/.test(l));
    expect(support.filter((l) => l.startsWith('ws/briefing.yaml:4:11: warning: ')).map((l) => /\[(support-[a-z]+)\]$/.exec(l)?.[1])).toEqual(['support-negation']);
    expect(support.find((l) => l.startsWith('ws/briefing.yaml:4:11:'))).toContain('"said no one');
    expect(support.filter((l) => l.startsWith('ws/briefing.yaml:7:11: warning: ')).map((l) => /\[(support-[a-z]+)\]$/.exec(l)?.[1])).toEqual(['support-hedge']);
    expect(support.find((l) => l.startsWith('ws/briefing.yaml:7:11:'))).toContain('"predict"');
    // An attribution around a quote ("…, the exchange said") is not read: every sentence of an article reports something.
    expect(support.filter((l) => l.startsWith('ws/briefing.yaml:10:11:'))).toEqual([]);
    const strict = await runCli(['check', 'ws', '--strict'], { cwd: dir, env: { BRIEFING_NO_CACHE: '1' } });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('ws/briefing.yaml:4:11: error: takeaways[0].text');
  });
});
