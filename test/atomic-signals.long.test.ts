// Long run (npm run test:long): a build stopped (SIGTERM) or killed (SIGKILL) at every step of
// replacing its outputs, each in a child process, leaves the output folder byte for byte as it
// was (a SIGKILL: once the next build has recovered the journal); past the commit point, the new
// set. (Moved from atomic.e2e.test.ts, which keeps every step of an I/O failure and one case of
// each signal in npm test.)
import { afterAll, beforeAll, describe, it } from 'vitest';
import { faultCases, faultFixture, runFaultCases, STEPS, type FaultFixture } from './helpers/atomic.js';
import { removeDir } from './helpers/workspace.js';

describe('replacing the outputs is all or nothing under every signal', () => {
  let fixture: FaultFixture;
  beforeAll(async () => {
    fixture = await faultFixture();
  });
  afterAll(() => removeDir(fixture.dir));

  it(`holds at every step (${STEPS.join(', ')}) for SIGTERM and SIGKILL`, async () => {
    await runFaultCases(fixture, faultCases(['term', 'kill']));
  }, 600_000);
});
