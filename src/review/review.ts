// The review page stage: a verified workspace (its citations numbered as the outputs number
// them) and the run's diagnostics → review.html, one self-contained page. Build and watch write it
// beside the deck and the memo; `check --review FILE` writes it alone.
import path from 'node:path';
import { SUMMARY_FILE } from '../inputs/workspace-folder.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { reviewToHtml } from './render-html.js';
import { workspaceToReview, type ReviewOptions, type ReviewPage } from './review-model.js';

export const REVIEW_FILE = 'review.html';

export type { ReviewPage };

/**
 * The review page's content for a page written into `pageDir`: its link to briefing.yaml is
 * relative to that folder, so the page and the workspace can move together.
 */
export function reviewModel(ws: VerifiedWorkspace, options: { diagnostics: readonly Diagnostic[]; date: Date | undefined; pageDir: string }): ReviewPage {
  const reviewOptions: ReviewOptions = { diagnostics: options.diagnostics, summaryHref: relativeHref(options.pageDir, path.join(ws.dir, SUMMARY_FILE)) };
  if (options.date) reviewOptions.date = options.date.toISOString().slice(0, 10);
  return workspaceToReview(ws, reviewOptions);
}

/** The page's bytes. */
export function reviewHtml(page: ReviewPage): Uint8Array {
  return new TextEncoder().encode(reviewToHtml(page));
}

/** A relative URL from a folder to a file: each segment percent-encoded, `/` between them. */
export function relativeHref(fromDir: string, file: string): string {
  const relative = path.relative(path.resolve(fromDir), path.resolve(file));
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
