#!/usr/bin/env node
// npm run score:support: bundles test/support-heldout/run.ts (the scorer and the support check of
// src/) and runs it with this script's arguments (scripts/run-bundled.mjs): `-- --write LABEL`
// records the scores in bench/support-heldout.json.
import { runBundled } from './run-bundled.mjs';

await runBundled('test/support-heldout/run.ts');
