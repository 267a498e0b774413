import { useCheapPasswords } from './cheap-passwords';
import { detailLine, runCrashTest } from '../crashtest/harness';
import { scoreLine, type ScoreItem } from './types';

/**
 * D1: SIGKILL the app's writer at random moments (writes, a migration, a backup, the retention
 * purge) and check every acknowledged write is there whole. The harness proves it can fail: a
 * writer that commits each write in two must be caught.
 */
export const item: ScoreItem = {
  id: 'D1',
  run: async ({ full, seed, log }) => {
    useCheapPasswords();
    const trials = full ? 200 : 50;
    const r = await runCrashTest({ trials, seed, log });
    log(`D1: ${detailLine(r)}; seed ${seed}`);
    const brokenTrials = full ? 20 : 8;
    const broken = await runCrashTest({ trials: brokenTrials, seed: seed + 1, broken: true, log });
    log(`D1 self-test: ${detailLine(broken)}`);
    const caught = broken.trials - broken.ok;
    const pass = r.trials > 0 && r.ok === r.trials && caught > 0;
    return scoreLine(
      'D1',
      'crash',
      `${r.ok}/${r.trials} trials ok; lost ${r.lost}; partial ${r.partial}; ` +
        `integrity failures ${r.integrityFailures}; broken writer caught in ${caught}/${broken.trials}`,
      pass,
    );
  },
};
