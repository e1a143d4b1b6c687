import type { Io } from '../io.js';
export async function runWatch(_options: { workspace: string; out: string; templates?: string | undefined; changes: boolean }, _io: Io): Promise<number> { throw new Error('watch: not yet'); }
