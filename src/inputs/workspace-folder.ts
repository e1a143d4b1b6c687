// The workspace folder and the names of its own files, apart from the loaders that parse them
// (so that an up-to-date check names them without loading YAML or the schemas).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, EXIT, UserError } from '../diagnostics/diagnostic.js';

export const SUMMARY_FILE = 'briefing.yaml';

/** The theme files a workspace may have; the first found is the theme. */
export const THEME_FILES = ['theme.yaml', 'theme.yml', 'theme.json'];

/** Fails with a usage error (exit 2) when the folder does not exist. */
export async function assertWorkspaceFolder(shownDir: string): Promise<string> {
  const dir = path.resolve(shownDir);
  const info = await stat(dir).catch(() => undefined);
  if (!info || !info.isDirectory()) {
    throw new UserError([diagnostic('workspace-missing', `workspace folder not found: ${shownDir}`)], EXIT.usage);
  }
  return dir;
}
