// Where the user fixes what the layout stage could not fit: the statement of briefing.yaml the
// text comes from (found by its citations, else by its text), else the line of the deck template
// that writes it, else the summary file as a whole.
import type { Position } from '../diagnostics/diagnostic.js';
import type { Locate, Subject } from '../deck/layout.js';
import type { YamlPath } from '../diagnostics/yaml-locator.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import type { LoadedTemplate } from '../template/handlebars.js';
import { statementsOf } from '../verify/verify.js';

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every string of the summary with its path, e.g. ["headlines", "takeaways"]. */
function stringsOf(value: unknown, path: (string | number)[] = [], out: { path: YamlPath; text: string }[] = []): { path: YamlPath; text: string }[] {
  if (typeof value === 'string') out.push({ path, text: fold(value) });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringsOf(v, [...path, k], out);
  return out;
}

export function layoutLocator(ws: VerifiedWorkspace, templates: readonly LoadedTemplate[]): Locate {
  const statements = ws.summary ? statementsOf(ws.summary) : [];
  const numbers = ws.verification?.numbersByStatement ?? new Map<string, number[]>();
  const strings = ws.summary ? stringsOf(ws.summary) : [];
  const deckTemplate = templates.find((t) => t.name === 'deck');
  // A headline written { text, view: true } is found at its text (the locator falls back to the plain form's node).
  const at = (path: YamlPath): Position => ws.locator?.at(path[0] === 'headlines' && path.length === 2 ? [...path, 'text'] : path) ?? { file: ws.summaryFile };

  const byCitations = (subject: Subject, text: string): Position | undefined => {
    const cited = statements.filter((s) => (numbers.get(s.path.join('.')) ?? []).some((n) => subject.cites.includes(n)));
    for (const s of cited) {
      const field = s.fields.find((f) => f.value.trim() !== '' && text.includes(fold(f.value)));
      if (field) return at([...s.path, field.name]);
    }
    return cited[0] ? at(cited[0].path) : undefined;
  };
  const byText = (text: string): Position | undefined => {
    const exact = strings.find((s) => s.text === text);
    if (exact) return at(exact.path);
    const within = strings.filter((s) => s.text.length >= 12 && text.includes(s.text)).sort((a, b) => b.text.length - a.text.length)[0];
    return within ? at(within.path) : undefined;
  };
  const inTemplate = (text: string): Position | undefined => {
    if (!deckTemplate || text === '') return undefined;
    const lines = deckTemplate.source.split('\n').map(fold);
    const headings = lines.findIndex((l) => l.startsWith('#') && l.includes(text));
    const line = headings >= 0 ? headings : lines.findIndex((l) => l.includes(text));
    return line >= 0 ? { file: deckTemplate.file, line: line + 1 } : undefined;
  };

  return (subject) => {
    const text = fold(subject.text);
    return byCitations(subject, text) ?? byText(text) ?? inTemplate(text) ?? { file: ws.summaryFile };
  };
}
