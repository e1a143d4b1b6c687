// One catalogue of diagnostics, one way to print them, one table of exit codes.
// Every stage returns diagnostics as values; only the CLI prints them.

export type Severity = 'error' | 'warning' | 'info';

/** Every rule the tool can report, with its default severity. */
export const RULES = {
  'usage-error': 'error',
  'workspace-missing': 'error',
  'summary-missing': 'error',
  'summary-exists': 'error',
  'draft-too-little': 'error',
  'nothing-found': 'warning',
  'source-unreadable': 'error',
  'source-not-utf8': 'error',
  'source-empty': 'error',
  'source-corrupt': 'error',
  'source-encrypted': 'error',
  'source-no-text': 'error',
  'source-no-article': 'error',
  'source-too-large': 'error',
  'source-skipped': 'warning',
  'as-of-before-sources': 'warning',
  'date-impossible': 'warning',
  'duplicate-doc-id': 'error',
  'file-name-twice': 'error',
  'outside-workspace': 'error',
  'input-not-a-file': 'error',
  'input-too-large': 'error',
  'yaml-syntax': 'error',
  'schema': 'error',
  'unknown-doc': 'error',
  'quote-not-found': 'error',
  'quote-empty': 'error',
  'quote-too-short': 'error',
  'quote-duplicate': 'error',
  // grounding (issue 19): what is checked is what is shown
  'quote-inside-word': 'error',
  'invisible-character': 'error',
  // grounding (red-team pass): a combining mark on a digit or sign, or one that strikes through
  // or encloses what it is on, changes what is shown but not what is checked
  'combining-mark': 'error',
  'duplicate-document': 'warning',
  'source-date-conflict': 'error',
  'figure-not-in-quotes': 'error',
  'when-invalid': 'error',
  'undated-event': 'warning',
  'chart-mixed-kinds': 'error',
  'template-error': 'error',
  'template-figure': 'warning',
  'citation-unowned': 'error',
  'citation-marker': 'error',
  'theme-invalid': 'error',
  'layout-overflow': 'error',
  'memo-table-wide': 'warning',
  'memo-glyphs-missing': 'warning',
  'render-failed': 'error',
  'lock-held': 'error',
  'output-unwritable': 'error',
  'uncited-document': 'warning',
  'statement-not-rendered': 'warning',
  'statement-without-citation': 'warning',
  'citation-order': 'warning',
  'since-invalid': 'error',
  'history-unwritable': 'warning',
  'unknown-source-metadata': 'warning',
  'layout-shrunk': 'info',
  'text-cleaned': 'warning',
  'citation-broken': 'error',
  'citation-reverified': 'info',
  'document-added': 'info',
  'document-removed': 'info',
  'document-changed': 'info',
  // robustness (issue 21)
  'text-limit': 'warning',
  'template-limit': 'error',
  'source-own-output': 'warning',
  'lock-taken-over': 'warning',
  // figures (issue 19: figures as values)
  'figure-qualifier-dropped': 'warning',
  // readers: a source past one of the readers' limits (inputs/sandbox.ts READER_LIMITS)
  'source-over-limit': 'error',
  // changes
  'conflict-candidate': 'info',
  'duplicate-id': 'error',
  'unreviewed-item': 'warning',
  // support: a statement says what its quotes say (src/verify/support.ts)
  'support-words': 'warning',
  'support-hedge': 'warning',
  'support-negation': 'warning',
  'support-modality': 'warning',
  'support-roles': 'warning',
  'support-scope': 'warning',
  // storyline
  'passage-reused': 'warning',
  'figure-repeated': 'warning',
  'as-of-after-sources': 'warning',
  'when-before-as-of': 'warning',
  'memo-too-long': 'warning',
  // review
  'review-unwritable': 'error',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

/**
 * The rules `--strict` (check, build, watch) turns from warnings into errors: the one table of
 * them. A team that wants a rule to block a build in CI adds it here.
 */
export const STRICT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  // support
  'support-words',
  'support-hedge',
  'support-negation',
  'support-modality',
  'support-roles',
  'support-scope',
  // changes: items still marked as drafted or proposed by `draft`
  'unreviewed-item',
  // grounding: a statement that drops its quotes' "about", "more than", "up to" or "~" states a
  // figure more precisely than its sources (red-team pass: "4 percent" from "~4 percent")
  'figure-qualifier-dropped',
]);

/** The diagnostics as `--strict` reports them: a warning of a rule in STRICT_RULES is an error. */
export function strictly(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  if (!strict) return [...diagnostics];
  return diagnostics.map((d) => (d.severity === 'warning' && STRICT_RULES.has(d.rule) ? { ...d, severity: 'error' } : d));
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Path of the file the diagnostic is about, as the user named it (relative to cwd). */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
}

export interface Position {
  file?: string;
  line?: number;
  column?: number;
}

export function diagnostic(rule: RuleId, message: string, position: Position = {}): Diagnostic {
  const d: Diagnostic = { rule, severity: RULES[rule], message };
  if (position.file !== undefined) d.file = position.file;
  if (position.line !== undefined) d.line = position.line;
  if (position.column !== undefined) d.column = position.column;
  return d;
}

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls (escape sequences,
 * line breaks that would forge another diagnostic), the Unicode line and paragraph separators,
 * and the bidi controls that reorder what is shown.
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for one line of a terminal: every control character written as an escape (`\x1b`, `\n`, `\u202e`). */
export function shownText(text: string): string {
  return text.replace(UNSHOWABLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `file:line:col: severity: message [rule]`, the form compilers use: always one line, control characters escaped. */
export function formatDiagnostic(d: Diagnostic): string {
  return shownText(diagnosticLine(d));
}

function diagnosticLine(d: Diagnostic): string {
  let place = '';
  if (d.file) {
    place = d.file;
    if (d.line !== undefined) {
      place += `:${d.line}`;
      if (d.column !== undefined) place += `:${d.column}`;
    }
    place += ': ';
  }
  return `${place}${d.severity}: ${d.message} [${d.rule}]`;
}

/** Diagnostics in the order of the files and lines they are about (stable for equal positions); file names by code point, whatever the locale. */
export function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort((a, b) => byCodePoint(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Diagnostics in file order (a workspace's document diagnostics first), each printed once. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortByPosition(diagnostics).filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Every exit code of the CLI. */
export const EXIT = {
  ok: 0,
  /** The workspace has an error (a diagnostic of severity error). */
  content: 1,
  /** The command line is wrong, or names no folder. */
  usage: 2,
  /** A bug: the CLI prints "internal error" (sysexits' EX_SOFTWARE). */
  internal: 70,
} as const;

/** An error the user caused; the CLI prints it without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly exitCode: number = EXIT.content,
  ) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
  }
}

/** Shorten text for a message, keeping it on one line. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
