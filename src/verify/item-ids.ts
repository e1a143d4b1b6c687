// Item ids (`id:` on any item of the summary) name one item each: the change report pairs items
// across builds by them, so two items with one id would be one item twice.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathLabel } from '../diagnostics/path-label.js';
import type { Locator, YamlPath } from '../diagnostics/yaml-locator.js';
import type { Summary } from '../inputs/summary-schema.js';

/** An error at every id already given to an earlier item, naming where it was first given. */
export function duplicateIds(summary: Summary, locator: Locator): Diagnostic[] {
  const first = new Map<string, YamlPath>();
  const out: Diagnostic[] = [];
  const visit = (item: unknown, at: YamlPath) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
    const record = item as Record<string, unknown>;
    if (typeof record.id === 'string') {
      const earlier = first.get(record.id);
      if (earlier) out.push(diagnostic('duplicate-id', `id "${record.id}" of ${pathLabel(at)} is already the id of ${pathLabel(earlier)}; give each item its own`, locator.at([...at, 'id'])));
      else first.set(record.id, at);
    }
    for (const [key, value] of Object.entries(record)) if (Array.isArray(value) && key !== 'cite') value.forEach((v, i) => visit(v, [...at, key, i]));
  };
  // Every section whose value is a list of items, a section added later included.
  for (const [key, list] of Object.entries(summary)) if (Array.isArray(list)) list.forEach((item, i) => visit(item, [key, i]));
  return out;
}
