import type { Io } from '../io.js';
export interface BuildOptions { workspace: string; out: string; json: boolean; force: boolean; changes: boolean; templates?: string | undefined; pdfa: boolean }
export async function runBuild(_options: BuildOptions, _io: Io): Promise<number> { throw new Error('build: not yet'); }
