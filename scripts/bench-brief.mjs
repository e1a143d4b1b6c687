// node scripts/bench-brief.mjs: writes bench/peer/deck.md and bench/peer/memo.md, the Markdown
// brief that `npm run bench` gives pandoc (the peer): the seeds' deck and memo as this tool's own
// templates render them, with citations as superscripts, speaker notes as pandoc notes, and the
// memo's references (every quote in full) at its end. Run after `npm run build`; the bench keeps
// the files it wrote, so the peer's input does not change with the tool.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const { loadWorkspace } = await import(path.join(dist, 'inputs/workspace.js'));
const { loadTemplate } = await import(path.join(dist, 'template/handlebars.js'));
const { workspaceToView } = await import(path.join(dist, 'template/view.js'));

const ws = await loadWorkspace(path.join(root, 'seeds'));
const view = workspaceToView(ws);
const citations = /(?:\uE000\d+\uE001)+/g;
const asPandoc = (text) =>
  text
    // A hedge marker (private-use open, style letter, text, close) as emphasis; a line break in a cell as a space.
    .replace(/\uE003([ibp])([^\uE004]*)\uE004/g, (_m, style, words) => (style === 'b' ? `**${words}**` : style === 'i' ? `*${words}*` : words))
    .replace(/\uE002/g, ' ')
    .replace(citations, (run) => `^${[...run.matchAll(/\uE000(\d+)\uE001/g)].map((m) => m[1]).join(',')}^`)
    .replace(/<!-- notes:\n([\s\S]*?)-->/g, '::: notes\n$1:::')
    .replace(/<!--[\s\S]*?-->\n?/g, '');

const summary = ws.summary;
for (const name of ['deck', 'memo']) {
  const template = await loadTemplate(name, []);
  if (!template.render) throw new Error(`bench-brief: ${template.message}`);
  let text = asPandoc(template.render(view).text);
  if (name === 'memo') {
    const refs = ws.verification.citations.map((c) => `${c.n}. ${c.doc}, line ${c.line}: “${c.quote}”`);
    text = `---\ntitle: "${summary.memo?.subject ?? summary.title}"\nauthor: "${summary.memo?.from ?? ''}"\ndate: "${summary.asOf}"\n---\n\n${text}\n\n## References\n\n${refs.join('\n')}\n`;
  } else {
    text = `---\ntitle: "${summary.title}"\nsubtitle: "${summary.subtitle ?? ''}"\n---\n\n${text.replace(/^[\s\S]*?\n---\n/, '').replace(/^---$/gm, '* * *')}`;
  }
  writeFileSync(path.join(root, 'bench/peer', `${name}.md`), text);
}
console.log('wrote bench/peer/deck.md and bench/peer/memo.md');
