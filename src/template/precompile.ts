// The bundle's precompiled templates (see precompiled.ts): each of the tool's own templates
// compiled by Handlebars, with the options of every other template, when the bundle is built. A
// template whose text hashes as one of them (the built-in file unchanged, or a copy of it) is not
// compiled at run time; its compiled form is the same code a run-time compile would make.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../common/file-hashes.js';
import { precompileTemplate } from './handlebars.js';
import { DEFAULT_TEMPLATES_DIR, TEMPLATE_NAMES } from './template-files.js';

/** The source of the module that takes precompiled.ts's place in the bundle. */
export async function precompiledModule(templatesDir: string = DEFAULT_TEMPLATES_DIR): Promise<string> {
  const entries: string[] = [];
  for (const name of Object.values(TEMPLATE_NAMES)) {
    const source = await readFile(path.join(templatesDir, name), 'utf8');
    entries.push(`  // ${name}\n  ${JSON.stringify(sha256(source))}: ${precompileTemplate(source)}`);
  }
  return `export const PRECOMPILED = {\n${entries.join(',\n')}\n};\n`;
}
