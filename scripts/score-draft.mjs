#!/usr/bin/env node
// npm run score:draft: bundles test/draft-gold/run.ts (the scorer and the draft of src/) and runs it
// with this script's arguments (scripts/run-bundled.mjs).
import { runBundled } from './run-bundled.mjs';

await runBundled('test/draft-gold/run.ts');
