import { configDefaults, defineConfig } from 'vitest/config';

/** Long runs (kill runs, every signal at every step, fuzzing, benchmarks): `npm run test:long`, run by .ci/run too. */
export const LONG_TESTS = 'test/**/*.long.test.ts';

/**
 * Test files that need a module graph of their own: they mock modules (vi.mock, vi.doMock) or
 * test what a process does the first time. Every other file shares its worker's modules with the
 * files that ran there before it (isolate: false): the libraries, fonts and stages are loaded
 * once a worker instead of once a file (about a third of the suite's CPU time). A shared file
 * restores what it changes (process.env, the current folder: helpers/workspace.ts's runCli).
 */
export const ISOLATED_TESTS = [
  'test/check-record.e2e.test.ts',
  'test/check-record.test.ts',
  'test/precompiled-templates.test.ts',
  'test/summary-cache.test.ts',
];

/** What every run shares. */
export const COMMON = {
  // Generous: some tests run builds in child processes and LibreOffice, and the machine may be shared and busy.
  testTimeout: 180_000,
  hookTimeout: 120_000,
  // Two workers on a 2-core machine.
  maxWorkers: 2,
};

export default defineConfig({
  test: {
    ...COMMON,
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, LONG_TESTS, ...ISOLATED_TESTS], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED_TESTS } },
    ],
  },
});
