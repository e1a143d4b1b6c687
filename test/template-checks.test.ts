// The checks of what templates print (unit level): marker characters, literal figures, and
// citation numbers that no statement owns; the figure rule's reading of digits.
import { describe, expect, it } from 'vitest';
import { templateProblems, unownedCitations } from '../src/template/template-checks.js';
import { extractFigures, figureText, ungroundedFigures } from '../src/verify/figures.js';

describe('templates', () => {
  it('a literal figure is a warning at its line; mustaches, list numbers and headings are not figures', () => {
    const source = '# {{title}}\n\n1. {{text}} {{cite cite}}\n{{#each items}}\n- {{amount}} in {{when}}\n{{/each}}\nUp 12% in Q3.\n';
    expect(templateProblems({ file: 't.hbs', source }, false).map((d) => `${d.line}: ${d.message}`)).toEqual([
      '7: the template prints "12%", "Q3" as its own text; a figure should come from the summary, where it is checked against the sources',
    ]);
    expect(templateProblems({ file: 't.hbs', source }, true)).toEqual([]);
  });

  it('a marker character is an error, built-in or not', () => {
    const found = templateProblems({ file: 't.hbs', source: 'ok\nforged \uE0007\uE001\n' }, true);
    expect(found.map((d) => [d.rule, d.severity, d.line])).toEqual([['template-error', 'error', 2]]);
  });

  it('a citation number no statement owns is an error naming the template', () => {
    const model = [{ blocks: [{ type: 'paragraph', inlines: [{ type: 'text', text: 'x' }, { type: 'cite', n: 2 }, { type: 'cite', n: 999 }] }] }];
    expect(unownedCitations(model, new Set([1, 2]), 'ws/templates/deck.md.hbs', 'deck')).toEqual([
      {
        rule: 'citation-unowned',
        severity: 'error',
        message: 'the deck prints citation [999], which no statement has; citations come from the summary',
        file: 'ws/templates/deck.md.hbs',
      },
    ]);
    expect(unownedCitations(model, new Set([2, 999]), 'f', 'deck')).toEqual([]);
  });
});

describe('digits in every script', () => {
  it('reads full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, Thai and Bengali digits by value', () => {
    expect(figureText('２０２１ ٢٠٢١ ۲۰۲۱ २०२१ ๒๐๒๑ ২০২১ 2021')).toBe('2021 2021 2021 2021 2021 2021 2021');
    expect(extractFigures('$١٣٫٧٥ billion').length).toBeGreaterThan(0);
  });

  it('holds a figure to its value whatever digits write it', () => {
    expect(ungroundedFigures('In ٢٠٢١, 40%', ['in 2021 revenue rose 40%'])).toEqual([]);
    // The figure as written, its value read from any digits.
    expect(ungroundedFigures('In ٢٠٢٢', ['in 2021']).map((f) => [f.text, f.kind === 'date' && f.from])).toEqual([['٢٠٢٢', '2022-01-01']]);
  });
});
