// How the outputs name a document. Kept free of imports: the memo's writer bundle uses it.

/**
 * A document's title as the outputs show it: its own as it is; the editor's (from `sources:`
 * only) in brackets, so that no one takes it for the publication's; its opening words, marked untitled.
 */
export function shownTitle(doc: { title: string; titleFrom?: 'document' | 'editor' | 'lead' | undefined }): string {
  if (doc.titleFrom === 'editor') return `[${doc.title}]`;
  if (doc.titleFrom === 'lead') return `[untitled] ${doc.title}`;
  return doc.title;
}
