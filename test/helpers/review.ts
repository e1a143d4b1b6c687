// Fixtures for the review page: a hostile workspace (documents and a summary full of markup,
// script, `javascript:` links and control characters that must all show as text), a workspace with
// problems to filter (a broken quote, items draft marked for review, an uncited document), and
// ways to read a written page back.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFiles } from './workspace.js';

/** Every global the hostile inputs would set if any of their script ran: none may exist. */
export const PWNED = ['pwnedScript', 'pwnedLink', 'pwnedClose', 'pwnedTitle', 'pwnedMd', 'pwnedRaw', 'pwnedStatement', 'pwnedField', 'pwnedMeta', 'pwnedAttr'];

export const HOSTILE_DOCUMENTS = {
  '001_hostile.txt': [
    'date 2025-01-02',
    '',
    'Alpha said <script>window.pwnedScript = true</script> was in the release notes.',
    '',
    'A link javascript:window.pwnedLink=true appeared in the text.',
    '',
    'The filing says </script><script>window.pwnedClose = true</script> in plain text, bell \u0007 here and \u202Ereversed\u202C text.',
    '',
    'Quotes "like" these and \'those\' and `ticks` and <!-- a comment --> stay text.',
    '',
  ].join('\n'),
  '002_notes.md': [
    '# Beta <img src=x onerror="window.pwnedTitle=true"> plans',
    '',
    'See [the report](javascript:window.pwnedMd=true) about the plans of Beta for next year.',
    '',
    '<script>window.pwnedRaw = true</script>',
    '',
    'Second paragraph with <b>bold</b> words.',
    '',
  ].join('\n'),
};

export const HOSTILE_SUMMARY = `title: 'Hostile <script>window.pwnedTitle = true</script> review'
subtitle: '" onmouseover="window.pwnedAttr=true'
asOf: 2025-02-01
sources:
  "002": { url: "javascript:window.pwnedMeta=true" }
takeaways:
  - text: '<img src=x onerror="window.pwnedStatement=true"> Alpha said <b>something</b> was in the release notes.'
    cite:
      - { doc: "001", quote: "Alpha said <script>window.pwnedScript = true</script> was in the release notes" }
  - text: 'The filing says </script><script>window.pwnedClose = true</script> in plain text.'
    cite:
      - { doc: "001", quote: "The filing says </script><script>window.pwnedClose = true</script> in plain text" }
  - text: 'A link appeared: javascript:window.pwnedLink=true.'
    cite:
      - { doc: "001", quote: "A link javascript:window.pwnedLink=true appeared in the text" }
friction:
  - title: '<a href="javascript:window.pwnedField=true">click</a>'
    text: 'Quotes and ticks and comments stay text, one note says.'
    cite:
      - { doc: "001", quote: "Quotes \\"like\\" these and 'those' and \`ticks\` and <!-- a comment --> stay text" }
      - { doc: "002", quote: "about the plans of Beta for next year" }
`;

/** A statement holding a bidi control: an error (invisible-character), shown as its code point by `check --review`. */
export const BIDI_STATEMENT = '  - title: Bidi\n    text: "Beta \\u202Eplans\\u202C for next year."\n    cite:\n      - { doc: "002", quote: "about the plans of Beta for next year" }\n';

export async function makeHostileWorkspace(dir: string, summary = HOSTILE_SUMMARY): Promise<string> {
  const ws = path.join(dir, 'ws');
  await mkdir(ws, { recursive: true });
  await writeFiles(ws, { ...HOSTILE_DOCUMENTS, 'briefing.yaml': summary });
  return ws;
}

/** The review page's JSON (its documents and contexts). */
export function reviewData(html: string): { documents: { id: string; title: string; url?: string }[]; contexts: { doc: number; from: number; text: string; lines: boolean }[] } {
  const m = /<script id="review-data" type="application\/json">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no review data in the page');
  return JSON.parse(m[1] as string);
}

/**
 * The seeds' summary with problems to review: one quote broken (takeaways[0]), a statement its
 * quotes do not support (takeaways[1]: a word added, their hedge dropped), two items marked by
 * draft for review (friction[0], outlook[0]).
 */
export function withProblems(summary: string): string {
  const broken = summary
    .replace("quote: 'the two companies begin to look more like competitors than collaborators'", "quote: 'the two companies begin to look more like rivals than collaborators'")
    .replace('Microsoft is developing its own models and has reportedly tested', 'Microsoft is secretly developing its own models and has tested');
  if (!broken.includes('more like rivals') || !broken.includes('secretly')) throw new Error('the seeds no longer have the statements this fixture changes');
  // The first friction point and the first outlook item, as draft --update would have proposed them.
  const marked = broken.replace(/^friction:\n/m, 'friction:\n  # proposed from 002: review\n').replace(/^outlook:\n/m, 'outlook:\n  # drafted from 004: review\n');
  if (marked === broken) throw new Error('the seeds no longer have friction and outlook sections');
  return marked;
}
