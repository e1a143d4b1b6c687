// briefing.yaml → Summary, with every diagnostic placed at the YAML node it is about.
import { LineCounter, parseDocument } from 'yaml';
import { yamlErrorToDiagnostic } from '../diagnostics/curator.js';
import { diagnostic, sortByPosition, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathLabel } from '../diagnostics/path-label.js';
import { yamlLocator, type Locator } from '../diagnostics/yaml-locator.js';
import { zodIssueDiagnostic } from '../diagnostics/zod-issues.js';
import { SummarySchema, type Summary } from './summary-schema.js';
import { PARSE_ONCE } from '../diagnostics/zod-once.js';
import { nodePlaces, placesLocator, type ParsedSummary } from './summary-cache.js';
import { aliasProblem, LIMITS } from './sandbox.js';

export type { Locator, YamlPath } from '../diagnostics/yaml-locator.js';

export interface LoadedSummary {
  summary?: Summary;
  locator: Locator;
  diagnostics: Diagnostic[];
}

/**
 * Parses and checks briefing.yaml. `onParsed` receives what the YAML library made of the text
 * when it holds no YAML error (see summary-cache.ts), whatever the schema then finds.
 */
export function summaryFromYaml(source: string, file: string, onParsed?: (parsed: ParsedSummary) => void): LoadedSummary {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = yamlLocator(doc, lineCounter, file);
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<number>();
  for (const error of doc.errors) {
    const d = yamlErrorToDiagnostic(error, source, lineCounter, file, reported);
    if (d) diagnostics.push(d);
  }
  if (diagnostics.length > 0) return { locator, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (error) {
    return { locator, diagnostics: [diagnostic('yaml-syntax', aliasProblem(error) ?? firstLine((error as Error).message), { file, line: 1, column: 1 })] };
  }
  onParsed?.({ data, lineStarts: lineCounter.lineStarts, places: nodePlaces(doc) });
  return checkedSummary(data, locator);
}

/** The summary from a text parsed before (summary-cache.ts): only the schema's check is run. */
export function summaryFromParsed(parsed: ParsedSummary, file: string): LoadedSummary {
  return checkedSummary(parsed.data, placesLocator(parsed, file));
}

function checkedSummary(data: unknown, locator: Locator): LoadedSummary {
  const diagnostics: Diagnostic[] = [];
  const parsed = SummarySchema.safeParse(data ?? {}, PARSE_ONCE);
  if (!parsed.success) {
    const context = { schema: SummarySchema, locator, data, label: (path: readonly (string | number)[]) => (path.length > 0 ? pathLabel(path) : 'the summary') };
    for (const issue of parsed.error.issues) diagnostics.push(zodIssueDiagnostic('schema', issue, context));
    return { locator, diagnostics: sortByPosition(diagnostics) };
  }
  return { summary: parsed.data, locator, diagnostics };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
