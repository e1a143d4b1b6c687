// Sections the seeds' summary no longer carries since its answer-first re-curation (issue 24),
// kept for the tests of what they exercise: signposts (the seeds' scenarios have triggers now) and
// a second pursuer of alternatives (OpenAI's options are told in the seeds' bottom line).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const TERMS = {
  doc: '004',
  quote:
    "The terms of their agreement, which extends to 2030, are also reportedly being renegotiated. These discussions are said to include provisions that would allow OpenAI to pursue an initial public offering (IPO) and potentially reduce Microsoft's share of OpenAI's revenue.",
};
const RESTRUCTURING = { doc: '003', quote: 'OpenAI’s recent corporate restructuring and its subsequent pursuit of partnerships with other cloud providers, such as Amazon Web Services (AWS), indicate a move towards greater independence.' };
const STARGATE = {
  doc: '004',
  quote: 'Meanwhile, OpenAI is collaborating with Oracle and SoftBank on its ambitious "Stargate" AI infrastructure project, a move aimed at diversifying its computing resources and reducing its reliance on Microsoft\'s Azure platform.',
};

/** Signposts, as the seeds had them before their scenarios took triggers. */
export const SIGNPOSTS = [
  {
    signpost: 'The reported renegotiation of the agreement',
    confirms: 'Provisions that allow an OpenAI IPO or reduce Microsoft’s share of revenue',
    refutes: 'Microsoft ends the talks and keeps the current contract',
    cite: [TERMS, { doc: '003', quote: 'Microsoft could end OpenAI talks and maintain current contract' }],
  },
  {
    signpost: 'The reported $50 billion OpenAI–Amazon deal',
    confirms: 'Legal action by Microsoft against OpenAI and Amazon over exclusivity',
    refutes: 'No legal action over the deal',
    cite: [{ doc: '003', quote: 'Reports of Microsoft considering legal action against OpenAI and Amazon over a $50 billion deal that reportedly breaches their exclusivity agreement highlight the intricate legal landscape.' }],
  },
  {
    signpost: 'OpenAI’s partnerships with other cloud providers',
    confirms: 'Partnerships with AWS or other cloud providers',
    refutes: 'Azure remains OpenAI’s exclusive cloud provider',
    cite: [RESTRUCTURING, { doc: '002', quote: "While Azure remains OpenAI's exclusive cloud provider, industry analysts note subtle shifts" }],
  },
];

/** OpenAI's own options, as alternatives of a second pursuer. */
export const OPENAI_ALTERNATIVES = [
  {
    name: 'Stargate',
    kind: 'Infrastructure',
    maker: 'OpenAI with Oracle and SoftBank',
    pursuedBy: 'OpenAI',
    text: 'OpenAI’s project with Oracle and SoftBank, aimed at diversifying its computing resources and reducing its reliance on Azure.',
    cite: [STARGATE],
  },
  {
    name: 'Amazon Web Services',
    kind: 'Infrastructure',
    maker: 'Amazon',
    pursuedBy: 'OpenAI',
    text: 'After its restructuring, OpenAI has pursued partnerships with other cloud providers such as AWS.',
    cite: [RESTRUCTURING],
  },
];

/** The summary in `ws` with signposts and OpenAI's alternatives added back; returns it as written. */
export async function withSignpostsAndPursuers(ws: string): Promise<Record<string, unknown[]>> {
  const file = path.join(ws, 'briefing.yaml');
  const summary = parseYaml(await readFile(file, 'utf8')) as Record<string, unknown[]>;
  summary.watch = structuredClone(SIGNPOSTS);
  summary.alternatives = [...(summary.alternatives ?? []), ...structuredClone(OPENAI_ALTERNATIVES)];
  await writeFile(file, stringifyYaml(summary, { lineWidth: 0 }));
  return summary;
}
