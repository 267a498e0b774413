import { useCheapPasswords } from './cheap-passwords';
import {
  reportFigures,
  reportPasses,
  runBackupRoundTrips,
} from '../../main/domains/backups/round-trips';
import { scoreLine, type ScoreItem } from './types';

/**
 * D2: backups and recovery through the real dispatcher (main/domains/backups/round-trips.ts):
 * backup → write → restore round trips equal table by table, bad backups refused with nothing
 * changed, a damaged database found at start and recovered from the newest good backup, keep-K
 * pruning. Self-test: a restore that replaces nothing must fail the round trips.
 */
export const item: ScoreItem = {
  id: 'D2',
  run: async ({ full, log }) => {
    useCheapPasswords();
    const r = await runBackupRoundTrips({
      roundTrips: full ? 50 : 10,
      dailies: full ? 40 : 12,
      log,
    });
    const broken = await runBackupRoundTrips({
      roundTrips: 2,
      dailies: 1,
      broken: true,
      log: () => undefined,
    });
    const caught = broken.roundTrips - broken.verified;
    log(
      `D2 self-test: a restore that replaces nothing fails ${caught}/${broken.roundTrips} round trips`,
    );
    return scoreLine(
      'D2',
      'backups',
      `${reportFigures(r)}; no-op restore caught ${caught}/${broken.roundTrips}`,
      reportPasses(r) && caught === broken.roundTrips,
    );
  },
};
