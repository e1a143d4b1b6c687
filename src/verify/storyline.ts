// What makes a briefing read as one story rather than a digest: one fact in one place, and dates
// that are still ahead of the reader. Warnings, in check and build alike:
// - passage-reused: one passage cited in three or more places (statements of different sections:
//   the same fact told again; items of one section citing one passage, such as scenarios that one
//   article lists, are one place);
// - figure-repeated: one money amount or percentage stated in more than one section;
// - when-before-as-of: a signpost or a recommendation whose date is over by the briefing's date.
// Two sections point at what is stated elsewhere by nature, and count as no place: the
// recommendations (the team's view, resting on the facts) and the disagreements (which set claims
// made elsewhere side by side; the statements citing their passages are marked "(disputed)").
import { diagnostic, excerpt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathLabel } from '../diagnostics/path-label.js';
import type { Locator, YamlPath } from '../diagnostics/yaml-locator.js';
import { SECTION_KEYS, type SectionKey, type Summary } from '../inputs/summary-schema.js';
import { isUndated, parseWhen } from '../inputs/when.js';
import { extractFigures } from './figures.js';
import { statementsOf, type Verification } from './verify.js';

/** A passage cited in this many places (sections) is told too often. */
export const REUSE_LIMIT = 3;

/** Sections that point at facts stated elsewhere rather than state them: no place of their own. */
const VIEW_SECTIONS: ReadonlySet<SectionKey> = new Set(['recommendations', 'conflicts']);

export function storylineProblems(summary: Summary, verification: Pick<Verification, 'citations' | 'numbersByStatement'>, locator: Locator): Diagnostic[] {
  return [...reusedPassages(summary, verification, locator), ...repeatedFigures(summary, locator), ...pastDates(summary, locator)];
}

/** Each passage cited in three or more sections, named once, at the first statement of the third section. */
function reusedPassages(summary: Summary, verification: Pick<Verification, 'citations' | 'numbersByStatement'>, locator: Locator): Diagnostic[] {
  const citing = new Map<number, { section: SectionKey; path: YamlPath }[]>();
  for (const s of statementsOf(summary)) {
    if (VIEW_SECTIONS.has(s.section)) continue;
    for (const n of new Set(verification.numbersByStatement.get(s.path.join('.')) ?? [])) citing.set(n, [...(citing.get(n) ?? []), { section: s.section, path: s.path }]);
  }
  const out: Diagnostic[] = [];
  for (const [n, places] of citing) {
    const sections = [...new Set(places.map((p) => p.section))];
    if (sections.length < REUSE_LIMIT) continue;
    const passage = verification.citations.find((c) => c.n === n);
    const what = passage ? `${passage.doc} "${excerpt(passage.quote, 50)}"` : 'one passage';
    const third = places.find((p) => p.section === sections[REUSE_LIMIT - 1]) as (typeof places)[number];
    const message = `passage ${what} is cited in ${sections.length} sections (${places.map((p) => pathLabel(p.path)).join(', ')}): one fact in one place; state it once, where it belongs`;
    out.push(diagnostic('passage-reused', message, locator.at(third.path)));
  }
  return out;
}

/** A money amount or a percentage, by value: "$5bn" and "$5 billion" are one figure. */
function figureKeys(text: string): { key: string; text: string }[] {
  return extractFigures(text).flatMap((f) => (f.kind === 'money' ? [{ key: `${f.currency}${f.value}`, text: f.text }] : f.kind === 'percent' ? [{ key: `${f.value}%`, text: f.text }] : []));
}

/** Each amount or percentage stated in more than one section, named once, where a second section states it. */
function repeatedFigures(summary: Summary, locator: Locator): Diagnostic[] {
  const places = new Map<string, { text: string; section: SectionKey; path: YamlPath }[]>();
  const note = (section: SectionKey, path: YamlPath, value: string) => {
    for (const f of figureKeys(value)) places.set(f.key, [...(places.get(f.key) ?? []), { text: f.text, section, path }]);
  };
  for (const s of statementsOf(summary)) {
    if (VIEW_SECTIONS.has(s.section)) continue;
    for (const field of s.fields) note(s.section, [...s.path, field.name], field.value);
  }
  for (const section of SECTION_KEYS) {
    const headline = summary.headlines[section];
    if (headline !== undefined && !VIEW_SECTIONS.has(section)) note(section, ['headlines', section], headline);
  }
  const out: Diagnostic[] = [];
  for (const list of places.values()) {
    const sections = [...new Set(list.map((p) => p.section))];
    if (sections.length < 2) continue;
    const second = list.find((p) => p.section === sections[1]) as (typeof list)[number];
    const where = sections.map((section) => list.filter((p) => p.section === section).map((p) => pathLabel(p.path)).join(', ')).join('; ');
    const message = `figure "${(list[0] as (typeof list)[number]).text}" is stated in ${sections.length} sections (${where}): one fact in one place; state it where it belongs and point to it elsewhere`;
    out.push(diagnostic('figure-repeated', message, locator.at(second.path)));
  }
  return out;
}

/** Signposts and recommendations whose date is over before the briefing's own date. */
function pastDates(summary: Summary, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (path: YamlPath, when: string | undefined, what: string) => {
    if (when === undefined || isUndated(when)) return;
    const date = parseWhen(when);
    if (!date || date.end >= summary.asOf) return;
    out.push(diagnostic('when-before-as-of', `${pathLabel(path)} "${when}" is over by asOf ${summary.asOf}: ${what} is no longer ahead of the reader; give a date still to come, or leave it out`, locator.at(path)));
  };
  summary.watch.forEach((w, i) => check(['watch', i, 'when'], w.when, 'a signpost'));
  summary.recommendations.forEach((r, i) => check(['recommendations', i, 'when'], r.when, 'a recommendation'));
  return out;
}
