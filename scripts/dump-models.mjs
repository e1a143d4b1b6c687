import { loadWorkspace } from '../dist/inputs/workspace.js';
import { workspaceToModels } from '../dist/pipeline/pipeline.js';
const ws = await loadWorkspace(process.argv[2] ?? 'seeds');
const m = await workspaceToModels(ws);
console.error(m.diagnostics);
const fs = await import('node:fs');
fs.writeFileSync('/tmp/deck.json', JSON.stringify(m.deck, null, 1));
fs.writeFileSync('/tmp/memo.json', JSON.stringify(m.memo, null, 1));
console.log(m.deck?.slides.map(s => `${s.layout}: ${s.title} [${s.blocks.map(b=>b.type)}] cites=${s.cites} src=${s.sources}`).join('\n'));
