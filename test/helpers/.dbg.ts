import { readSources } from '../../src/inputs/sources.js';
import { documentsToCorpus } from '../../src/draft/corpus.js';
import { AFFIRM, REVERSE } from '../../src/draft/cues.js';
import { isStatementLike } from '../../src/draft/quote.js';
const r = await readSources('/tmp/draftnotes/k2/seeds');
const c = await documentsToCorpus(r.documents);
console.log(c.organisations.slice(0, 5));
for (const p of c.passages) { if (!isStatementLike(p)) continue; const a = AFFIRM.test(p.text), v = REVERSE.test(p.text); if (a !== v) console.log(a ? 'KEEP' : 'REV ', p.doc.id, p.text.slice(0, 120), '|', p.tokens.filter(t=>/azure|revenue|shar/i.test(t.value)).map(t=>t.value+'/'+t.stem+'/'+t.pos).join(' ')); }
