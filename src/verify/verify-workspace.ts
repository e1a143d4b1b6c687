// The verification stage: a loaded workspace's summary checked against its documents (every
// quote found, every figure grounded). Check and build both run it right after loading
// (pipeline/pipeline.ts: loadVerifiedWorkspace).
import { sortDiagnostics, strictly } from '../diagnostics/diagnostic.js';
import type { LoadedWorkspace } from '../inputs/workspace.js';
import { verifySummary, type Verification } from './verify.js';
import type { SupportMemo } from './support-memo.js';

/** A loaded workspace with its verification: present whenever the summary loaded. */
export interface VerifiedWorkspace extends LoadedWorkspace {
  verification?: Verification;
}

/**
 * The workspace with its verification and the verifier's diagnostics merged into its own, in file
 * order. `strict` (--strict): the warnings of STRICT_RULES (the support check's) are errors.
 */
export function verifyWorkspace(ws: LoadedWorkspace, options: { strict?: boolean; supportMemo?: SupportMemo } = {}): VerifiedWorkspace {
  if (!ws.summary || !ws.locator) return { ...ws };
  const verification = verifySummary(ws.summary, ws.documents, ws.locator, ws.failedIds, options.supportMemo);
  return { ...ws, verification, diagnostics: strictly(sortDiagnostics([...ws.diagnostics, ...verification.diagnostics]), options.strict === true) };
}
