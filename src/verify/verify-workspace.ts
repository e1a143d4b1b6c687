// The verification stage: a loaded workspace's summary checked against its documents (every
// quote found, every figure grounded). Check and build both run it right after loading
// (pipeline/pipeline.ts: loadVerifiedWorkspace).
import { hasErrors, sortDiagnostics, strictly } from '../diagnostics/diagnostic.js';
import type { LoadedWorkspace } from '../inputs/workspace.js';
import { verifySummary, type Verification } from './verify.js';
import type { SupportMemo } from './support-memo.js';
import { storylineProblems } from './storyline.js';
import { pushAll } from '../common/arrays.js';

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
  // One fact in one place, dates still ahead: warnings about the story the summary tells, once
  // every citation holds (a summary with errors gets its errors, not advice on its story).
  if (!hasErrors(verification.diagnostics)) pushAll(verification.diagnostics, storylineProblems(ws.summary, verification, ws.locator));
  return { ...ws, verification, diagnostics: strictly(sortDiagnostics([...ws.diagnostics, ...verification.diagnostics]), options.strict === true) };
}
