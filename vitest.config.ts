import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // LibreOffice and child-process tests are heavy: two workers on a 2-core machine.
    maxWorkers: 2,
  },
});
