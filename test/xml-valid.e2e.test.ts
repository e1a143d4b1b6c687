// Valid XML, always: a deck built from hostile text (control characters, form feeds, U+FFFE/FFFF,
// a lone surrogate, XML's own specials, a font name with quotes and angle brackets) parses part
// by part with a strict XML parser, and the build says what it removed and where.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyWorkspace } from './helpers/tiny.js';
import { removeDir, runCli, tempDir } from './helpers/workspace.js';

const HOSTILE_SUMMARY = String.raw`title: "Alpha \x01 and Beta \uFFFE & <co>"
subtitle: "Brief\eing \"quoted\" 'single'"
author: "Team \x07 <script>"
asOf: 2025-02-01
memo: { to: "Board\x02", from: "Strategy\x1F", subject: "Alpha\x0B & Beta" }
headlines:
  takeaways: "What matters \uFFFF now"
  investment: "Money \x0C moves"
sources:
  "001": { title: "Alpha \x03 file <v>" }
takeaways:
  - text: "Alpha invested $2 billion\f in Beta in 2021. <b>&amp; ]]> \uD800 lone"
    cite:
      - { doc: "001", quote: "Alpha Corp invested $2 billion in Beta in 2021" }
  - text: "It was the largest\rdeal, by far."
    cite:
      - { doc: "001", quote: "It was the largest deal by far" }
  - text: "Beta revenue rose 40% last year \x1B red."
    cite:
      - { doc: "002", quote: "revenue rose 40% last year" }
investment:
  - { when: "2021\x01", amount: "$2 billion", label: "Alpha \x0C stake", text: "Alpha put in $2 billion.", cite: [{ doc: "001", quote: "Alpha Corp invested $2 billion in Beta in 2021" }] }
friction:
  - { title: "Tension \x08 rising", text: "It was the \x0E largest deal.", cite: [{ doc: "001", quote: "It was the largest deal by far" }] }
alternatives:
  - { name: "Own \x10 build", kind: "In\x11house", owner: "Beta\x12", text: "Beta grew.", cite: [{ doc: "002", quote: "revenue rose 40% last year" }] }
conflicts:
  - topic: "Size \x13 of the deal"
    sides:
      - { text: "The largest\x14 deal.", cite: [{ doc: "001", quote: "It was the largest deal by far" }] }
      - { text: "Revenue rose\x15 40%.", cite: [{ doc: "002", quote: "revenue rose 40% last year" }] }
`;

describe('a deck built from hostile text', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let zip: JSZip;
  beforeAll(async () => {
    dir = await tempDir();
    const ws = await makeTinyWorkspace(dir, 'ws', HOSTILE_SUMMARY);
    // A form feed between the pages of text extracted from a PDF, and controls in a Markdown title.
    await writeFile(path.join(ws, '001_alpha.txt'), 'date 2025-01-02\n\nAlpha Corp invested $2 billion in Beta in 2021, people said.\f\nIt was the largest deal by far.\n');
    await writeFile(path.join(ws, '002_beta.md'), '# Beta \u0007grows \uFFFE\n\nBeta’s revenue rose 40% last year.\n');
    await writeFile(path.join(ws, 'theme.yaml'), 'fonts:\n  heading: "Gill & \\"Sans\\" <Bold>"\n  body: "Ar\\x01ial \'Narrow\'"\n');
    result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    if (result.code !== 0) throw new Error(result.stderr);
    zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out/briefing.pptx')));
  });
  afterAll(() => removeDir(dir));

  it('builds, and warns once per place about what it removed', () => {
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('[text-cleaned]'));
    expect(warnings[0]).toMatch(
      /^ws\/briefing\.yaml: warning: removed from the deck's title, subject and author characters that XML \(and so PowerPoint\) does not allow: U\+0001, U\+FFFE, U\+001B \(escape\), U\+0007, U\+000B \(vertical tab\), .* \[text-cleaned\]$/,
    );
    expect(warnings.length).toBeGreaterThanOrEqual(8);
    expect(warnings).toContain(
      'ws/briefing.yaml: warning: removed from the theme\'s font names characters that XML (and so PowerPoint) does not allow: U+0001 [text-cleaned]',
    );
    expect(warnings.some((w) => /slide 2 \("What matters now"\).*U\+000C \(form feed\).*U\+D800/.test(w)), warnings.join('\n')).toBe(true);
    expect(result.stderr).not.toContain('internal error');
  });

  it('every XML part of the deck is well-formed XML 1.0', async () => {
    const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts.length).toBeGreaterThan(20);
    for (const name of parts) {
      const xml = await zip.file(name)?.async('string');
      expect(XMLValidator.validate(xml ?? ''), name).toBe(true);
      // The XML 1.0 Char production: nothing else may appear, even escaped.
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x?0*(?:[0-8]|1[124-9]|2\d|3[01]|x[0-8bcef]|x1[0-9a-f]);/i.test(xml ?? ''), name).toBe(false);
    }
  });

  it('keeps the text around what it removed, escapes the specials, and the font names', async () => {
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async('string') as Promise<string>),
    );
    const all = slides.join('\n');
    expect(all).toContain('&lt;b&gt;&amp;amp; ]]&gt;');
    expect(all).toContain('typeface="Gill &#38; &#34;Sans&#34; &#60;Bold&#62;"');
    // A carriage return inside a statement stays inside its bullet: one paragraph.
    expect(all).toMatch(/It was the largest deal, by far\./);
  });
});
