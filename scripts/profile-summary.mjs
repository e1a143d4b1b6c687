// node scripts/profile-summary.mjs FILE.cpuprofile [N]: self time by package or source file,
// and by function, from a V8 CPU profile written by `node --cpu-prof`.
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
function where(url) {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const src = url.match(/\/(dist|src)\/(.*)$/);
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return url.startsWith('node:internal/modules') ? 'node: module loading' : 'node: other';
  return url;
}
const byPlace = new Map();
const byFunction = new Map();
let total = 0;
for (const [id, ms] of self) {
  const node = byId.get(id);
  const frame = node.callFrame;
  const place = frame.url ? where(frame.url) : frame.functionName ? `(${frame.functionName})` : '(native)';
  byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  const fn = `${frame.functionName || '(anonymous)'} ${place}:${frame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  total += ms;
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${v.toFixed(1).padStart(9)} ms  ${k}`);
};
console.log(`total sampled: ${total.toFixed(1)} ms`);
print('self time by package / file', byPlace);
print('self time by function', byFunction);
