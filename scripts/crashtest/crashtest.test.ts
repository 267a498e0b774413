import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Its cheap password hasher for the company's users (the harness makes them in this process).
import '../../main/test-support';
import { prepareCrashTest, runCrashTest, summaryLine, type CrashSetup } from './harness';

/**
 * The crash test at its smallest (`npm run crashtest` runs the scorecard's size): real child
 * processes killed with SIGKILL. One setup (bundle, templates, calibration) for both runs.
 */
describe('crash test (issue 13, D1)', () => {
  let setup: CrashSetup | undefined;
  beforeAll(async () => {
    setup = await prepareCrashTest();
  }, 180_000);
  afterAll(() => setup?.dispose(false));

  it('loses no acknowledged write and leaves none in part, in each kind of trial', async () => {
    const r = await runCrashTest({ trials: 5, seed: 2026 }, setup);
    expect(summaryLine(r)).toBe(
      'D1 crash: 5/5 trials ok; lost 0; partial 0; integrity failures 0 — pass',
    );
    expect(r.byKind).toMatchObject({
      writes: { trials: 2, ok: 2 },
      migration: { trials: 1, ok: 1 },
      backup: { trials: 1, ok: 1 },
      purge: { trials: 1, ok: 1 },
    });
    // Killed after at least one acknowledged write in each writes trial.
    expect(r.acknowledged).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('catches the deliberately broken writer (each write committed in two) as partial', async () => {
    // Each trial kills during one write, and the write is half done only between its two
    // commits: trials until one lands there (a few, as a rule), at most 40.
    const r = await runCrashTest(
      { trials: 40, seed: 2026, broken: true, untilPartial: true },
      setup,
    );
    expect(r.partial).toBeGreaterThan(0);
    expect(summaryLine(r)).toMatch(/^D1 crash \(broken writer\): .* — FAIL$/);
  }, 300_000);

  it('catches the broken backup (copied straight under its own name) as unusable', async () => {
    const r = await runCrashTest(
      { trials: 20, seed: 2026, brokenBackup: true, untilFailure: true },
      setup,
    );
    expect(r.integrityFailures).toBeGreaterThan(0);
    expect(summaryLine(r)).toMatch(/^D1 crash \(broken backup\): .* — FAIL$/);
  }, 300_000);
});
