import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: the e2e tests run many builds in child processes, and the machine may be shared and busy.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // LibreOffice and child-process tests are heavy: two workers on a 2-core machine.
    maxWorkers: 2,
  },
});
