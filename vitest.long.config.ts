// `npm run test:long`: the runs too long for `npm test` (builds killed at moments spread over a
// build, every step of the commit under every signal, fuzzing and benchmarks). .ci/run runs both.
import { defineConfig } from 'vitest/config';
import { COMMON, LONG_TESTS } from './vitest.config.js';

export default defineConfig({ test: { ...COMMON, include: [LONG_TESTS] } });
