// Citations in reading order, read back from both outputs of a real build: the numbers first
// appear in increasing order in the deck and in the memo, a number is the same passage in both,
// and a quote lying inside another quote of the same document is one reference.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeXml, readPptx } from './helpers/deck.js';
import { readPdf, type ReadPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

/** "15–17, 20" → [15, 16, 17, 20]. */
function expandGroup(text: string): number[] {
  // The deck holds a range's dash to its numbers with word joiners (U+2060): no part of the number.
  return text
    .replace(/\u2060/g, '')
    .split(/[,\u00A0\s]+/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      const [from, to] = part.split('–').map(Number) as [number, number | undefined];
      return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, k) => from + k);
    });
}

/** Each slide's superscript groups, in the order the slide's XML holds them. */
function deckGroups(slides: string[]): number[][] {
  const groups: number[][] = [];
  for (const xml of slides) {
    for (const m of xml.matchAll(/<a:r><a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*?<a:t>([^<]*)<\/a:t>/g)) groups.push(expandGroup(decodeXml(m[1] ?? '')));
  }
  return groups;
}

/** The memo body's superscript groups (small items between words), up to the references. */
function memoGroups(pdf: ReadPdf): number[][] {
  const groups: number[][] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') groups.push(expandGroup(current));
    current = '';
  };
  for (const items of pdf.text) {
    for (const item of items) {
      if (item.str === 'References' && item.h > 12) {
        flush();
        return groups;
      }
      const isSup = item.h > 0 && item.h < 8 && /^[\d–,\u00A0 ]+$/.test(item.str);
      if (isSup) current += item.str === ',' ? ', ' : item.str;
      else if (item.str.trim() !== '') flush();
    }
  }
  flush();
  return groups;
}

function firstUses(groups: number[][]): number[] {
  return [...new Set(groups.flat())];
}

/** Number → quote from the deck's speaker notes ("[3] 004, Title, line 4: “…”"). */
function deckQuotes(notes: Map<number, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const xml of notes.values()) {
    const text = decodeXml([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n'));
    for (const m of text.matchAll(/^\[(\d+)\] ([^,\n]+),.*?: “(.*)”$/gm)) out.set(Number(m[1]), `${m[2]} ${m[3]}`.replace(/\s+/g, ' ').replace(/- /g, '-'));
  }
  return out;
}

/** Number → quote from the memo's references (an entry: number, “quote”, then "004, line 7"). */
function memoQuotes(pdf: ReadPdf): Map<number, string> {
  const all = pdf.pageText.join(' ');
  const refs = all.slice(all.lastIndexOf('References'));
  const out = new Map<number, string>();
  for (const m of refs.matchAll(/(?:^|\s)(\d+) “(.*?)” (\S+), (?:line|p\.|paragraph) \d+/g)) out.set(Number(m[1]), `${m[3]} ${m[2]}`.replace(/\s+/g, ' ').replace(/- /g, '-'));
  return out;
}

describe('citation numbers in reading order (seeds)', () => {
  let dir: string;
  let slides: string[];
  let notes: Map<number, string>;
  let pdf: ReadPdf;
  let manifest: { citations: { n: number; doc: string; quote: string }[] };

  beforeAll(async () => {
    ({ dir } = await copySeeds());
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    ({ slides, notes } = await readPptx(await readFile(path.join(dir, 'out', 'briefing.pptx'))));
    pdf = await readPdf(await readFile(path.join(dir, 'out', 'memo.pdf')));
    manifest = JSON.parse(await readFile(path.join(dir, 'out', 'build.json'), 'utf8'));
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('numbers first appear as 1, 2, 3, … in the deck and in the memo', () => {
    for (const groups of [deckGroups(slides), memoGroups(pdf)]) {
      const first = firstUses(groups);
      expect(first.length).toBeGreaterThan(20);
      expect(first).toEqual(first.map((_, k) => k + 1));
    }
    expect(firstUses(memoGroups(pdf)).length).toBe(manifest.citations.length);
  });

  it('prints every group sorted, without repeats, runs of three as a range', () => {
    const raw = slides.flatMap((xml) => [...xml.matchAll(/<a:r><a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*?<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? '')));
    expect(raw.some((g) => g.includes('–'))).toBe(true);
    for (const group of [...deckGroups(slides), ...memoGroups(pdf)]) expect(group).toEqual([...new Set(group)].sort((a, b) => a - b));
    // No three consecutive numbers written out one by one.
    for (const text of raw) {
      const singles = text.split(/,\u00A0?/).map((p) => (p.includes('–') ? NaN : Number(p)));
      singles.forEach((n, k) => expect(n + 2 === singles[k + 2] && n + 1 === singles[k + 1], text).toBe(false));
    }
  });

  it('gives one passage one number: the deck\'s notes and the memo\'s references agree', () => {
    const deck = deckQuotes(notes);
    const memo = memoQuotes(pdf);
    expect(deck.size).toBeGreaterThan(20);
    expect(memo.size).toBe(manifest.citations.length);
    for (const [n, quote] of deck) expect(memo.get(n), `citation ${n}`).toBe(quote);
    expect(new Set(memo.values()).size).toBe(memo.size);
    // build.json numbers its citations as the outputs do.
    manifest.citations.forEach((c, k) => expect(c.n).toBe(k + 1));
  });
});

describe('a quote inside another quote of the same document', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => ({ dir, ws } = await copySeeds()));
  afterAll(() => removeDir(dir));

  it('is one reference, the longer, with one number wherever it is cited', async () => {
    const before = await runCli(['build', 'ws', '--out', 'before', '--json'], { cwd: dir });
    expect(before.code, before.stderr).toBe(0);
    const citations = (JSON.parse(before.stdout) as { citations: { n: number; doc: string; quote: string }[] }).citations;
    const longest = [...citations].sort((a, b) => b.quote.length - a.quote.length)[0] as { n: number; doc: string; quote: string };
    const words = longest.quote.split(' ');
    const inner = words.slice(1, Math.max(4, Math.floor(words.length / 2))).join(' ');
    const file = path.join(ws, 'briefing.yaml');
    const summary = await readFile(file, 'utf8');
    const added = `friction:\n  - title: A statement resting on part of a longer quote\n    text: It cites only part of a passage another statement cites in full.\n    cite:\n      - { doc: "${longest.doc}", quote: ${JSON.stringify(inner)} }\n`;
    await writeFile(file, summary.replace(/^friction:\n/m, added));
    const after = await runCli(['build', 'ws', '--out', 'after', '--json'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    const report = JSON.parse(after.stdout) as { citations: { quote: string }[] };
    expect(report.citations.length).toBe(citations.length);
    expect(report.citations.map((c) => c.quote)).not.toContain(inner);
    const text = (await readPdf(await readFile(path.join(dir, 'after', 'memo.pdf')))).pageText.join(' ');
    expect(text).toContain('A statement resting on part of a longer quote');
    expect(text.split('References').pop()).not.toContain(`“${inner}”`);
  }, 120_000);
});
