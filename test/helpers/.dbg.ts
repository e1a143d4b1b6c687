import { readSources } from '../../src/inputs/sources.js';
import { documentsToCorpus, contentStems } from '../../src/draft/corpus.js';
import { FRICTION_CUES } from '../../src/draft/cues.js';
import { isStatementLike } from '../../src/draft/quote.js';
const r = await readSources(process.argv[2] as string);
const c = await documentsToCorpus(r.documents);
for (const p of c.passages) { if (!isStatementLike(p) || !FRICTION_CUES.test(p.text)) continue; console.log(p.doc.id, p.index, p.text.slice(0, 90), '|', contentStems(p).map(s=>s+':'+c.idf(s).toFixed(1)).join(' ')); }
