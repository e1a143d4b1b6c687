// Diagnostics written for curators, each pinned to its exact text.
import { describe, expect, it } from 'vitest';
import { didYouMeanHint } from '../src/diagnostics/curator.js';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import type { SourceDocument } from '../src/inputs/sources.js';
import { summaryFromYaml } from '../src/inputs/summary-load.js';
import { closestPassage } from '../src/verify/match.js';
import { verifySummary } from '../src/verify/verify.js';

const FILE = 'ws/briefing.yaml';

function doc(id: string, text: string): SourceDocument {
  return { id, name: `${id}_x.txt`, file: `ws/${id}_x.txt`, text, lead: text.slice(0, 20), sha256: id };
}

const DOCS = [
  doc('001', 'Alpha Rail opened a depot in Tartu.\nThe depot cost more than planned.\n'),
  doc('002', 'Beta Freight signed a ten-year contract with Alpha Rail.\nThe contract covers the northern line and its branch lines, and it runs until the end of the decade.\n'),
];

function check(yaml: string, documents: SourceDocument[] = DOCS): string[] {
  const loaded = summaryFromYaml(yaml, FILE);
  if (!loaded.summary) return loaded.diagnostics.map(formatDiagnostic);
  return verifySummary(loaded.summary, documents, loaded.locator).diagnostics.map(formatDiagnostic);
}

const takeaways = (quote: string, docId = '002') => `takeaways:
  - text: One.
    cite: [{ doc: "${docId}", quote: "${quote}" }]
  - text: Second.
    cite: [{ doc: "001", quote: "Alpha Rail opened a depot in Tartu." }]
  - text: Third.
    cite: [{ doc: "001", quote: "The depot cost more than planned." }]
`;
const head = 'title: T\nasOf: 2025-11-01\n';

describe('YAML syntax errors in plain words, at the line of the mistake', () => {
  it('a text with ": " not in quotes', () => {
    expect(check('title: Alpha Rail: a depot too far\nasOf: 2025-11-01\n')).toEqual([
      `${FILE}:1:8: error: the text of "title" contains ": ", which YAML reads as the start of another key; put the text in quotes: title: 'Alpha Rail: a depot too far' [yaml-syntax]`,
    ]);
  });

  it('a key indented deeper than the keys of its item, reported on its own line', () => {
    expect(check(`${head}friction:\n  - title: Cost\n     text: Too dear.\n`)).toEqual([
      `${FILE}:5:6: error: this line is indented more than "title:" above it (column 6, not 5); indent the keys of one item alike, with spaces [yaml-syntax]`,
    ]);
  });

  it('a key indented less than the keys of its item', () => {
    expect(check(`${head}friction:\n  - title: Cost\n    text: Too dear.\n   cite: []\n`)).toEqual([
      `${FILE}:6:4: error: this line starts at column 4, but the keys of the item above start at column 5; line them up (with spaces), or start a new list item with "- " [yaml-syntax]`,
    ]);
  });

  it('a tab, an unclosed flow mapping, a quote inside quotes, a key given twice', () => {
    expect(check('title: T\n\tasOf: 2025-11-01\n')[0]).toBe(`${FILE}:2:1: error: a tab indents this line; YAML indents with spaces only: replace the tab with spaces [yaml-syntax]`);
    expect(check(`${head}takeaways:\n  - text: One.\n    cite:\n      - { doc: "001", quote: "Alpha Rail opened a depot in Tartu."\n`)).toEqual([
      `${FILE}:6:9: error: the "{" opened here is not closed; end it with "}" on the same line, or quote a text that contains "}" [yaml-syntax]`,
    ]);
    expect(check("title: 'Alpha's depot'\nasOf: 2025-11-01\n")).toEqual([
      `${FILE}:1:15: error: a single quote inside a text in single quotes ends it early; write it twice ('it''s') or put the text in double quotes [yaml-syntax]`,
    ]);
    expect(check('title: T\ntitle: U\nasOf: 2025-11-01\n')).toEqual([
      `${FILE}:2:1: error: the key "title" appears twice in this mapping; keep one (merge their contents) [yaml-syntax]`,
    ]);
  });
});

describe('did you mean', () => {
  it('an unknown key', () => {
    expect(check(`${head}${takeaways('Beta Freight signed a ten-year contract with Alpha Rail.')}frictions: []\n`)).toEqual([
      `${FILE}:10:1: error: unknown key "frictions" in the summary; did you mean "friction"? [schema]`,
    ]);
  });

  it('a document id', () => {
    const docs = [doc('rail', 'Alpha Rail opened a depot in Tartu.\n'), doc('freight', 'Beta Freight signed a ten-year contract with Alpha Rail.\n')];
    const yaml = `${head}takeaways:
  - { text: One., cite: [{ doc: rial, quote: "Alpha Rail opened a depot in Tartu." }] }
  - { text: Second., cite: [{ doc: freight, quote: "Beta Freight signed a ten-year contract" }] }
  - { text: Third., cite: [{ doc: rail, quote: "Alpha Rail opened a depot" }] }
`;
    expect(check(yaml, docs)).toEqual([`${FILE}:4:33: error: no document with id "rial"; did you mean "rail"? [unknown-doc]`]);
  });

  it('a value of a list of choices (the schema has none left today; the helper that words it)', () => {
    expect(didYouMeanHint('inhouse', ['in-house', 'partner', 'open-weight', 'infrastructure'])).toBe('; did you mean "in-house"?');
    expect(didYouMeanHint('zeppelin', ['in-house', 'partner'])).toBe('');
  });
});

describe('a quote that is not found', () => {
  it('shows the quote and the closest passage in full, however long, the first differing word marked', () => {
    const quote = 'The contract covers the northern line and its branch lines, and it runs until the end of the century.';
    expect(check(`${head}${takeaways(quote)}`)).toEqual([
      `${FILE}:5:33: error: quote not found in 002: "The contract covers the northern line and its branch lines, and it runs until the end of the »century.«"; closest: "The contract covers the northern line and its branch lines, and it runs until the end of the »decade.«" at 002:2 (they part at the word marked »«) [quote-not-found]`,
    ]);
  });

  it('says so when the quote is in another document', () => {
    expect(check(`${head}${takeaways('The depot cost more than planned.', '002').replace('    cite: [{ doc: "001", quote: "The depot cost more than planned." }]', '    cite: [{ doc: "001", quote: "Alpha Rail opened a depot in Tartu." }, { doc: "002", quote: "Beta Freight signed a ten-year contract" }]')}`)).toEqual([
      `${FILE}:5:33: error: quote not found in 002: "The depot cost more than planned."; found in 001, line 2: cite it as doc: "001" [quote-not-found]`,
    ]);
  });

  it('finds the closest passage of a large document by anchored windows', () => {
    const sentences = Array.from({ length: 6000 }, (_, i) => `Report ${i} says the depot number ${i % 97} handled ${i * 3} wagons in week ${i % 52}.`);
    const big = doc('003', sentences.join(' '));
    const target = sentences.slice(3000, 3012).join(' ');
    const typo = target.replace('handled 9009 wagons', 'handled 9009 wagon');
    const closest = closestPassage(big, typo);
    expect(closest?.passage).toBe(target);
  });
});

describe('documents left uncited', () => {
  it('many are one warning with a count and the first ids; a few are named one by one', () => {
    const many = Array.from({ length: 9 }, (_, i) => doc(String(10 + i), `Document number ${i} says nothing of note.\n`));
    const yaml = `${head}${takeaways('Beta Freight signed a ten-year contract with Alpha Rail.')}`;
    expect(check(yaml, [...DOCS, ...many]).filter((d) => d.includes('uncited'))).toEqual([
      `${FILE}: warning: 9 documents are not cited by any statement: 10, 11, 12, 13, 14 and 4 more; "briefing draft --update" proposes statements from them [uncited-document]`,
    ]);
    expect(check(yaml, [...DOCS, ...many.slice(0, 2)]).filter((d) => d.includes('uncited'))).toEqual([
      'ws/10_x.txt: warning: document 10 is not cited by any statement [uncited-document]',
      'ws/11_x.txt: warning: document 11 is not cited by any statement [uncited-document]',
    ]);
  });
});
