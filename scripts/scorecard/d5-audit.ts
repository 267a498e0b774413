import { runAuditScore } from './audit/harness';
import { scoreLine, type ScoreItem } from './types';

/**
 * D5: the audit log refuses every way of changing an entry, its hash chain verifies over a
 * company's log (with two processes appending at once), and every kind of tampering made with
 * the triggers dropped is found. Self-test: a verifier that follows only the prev_hash links must
 * miss some (edits), so the tamperings do tell a real check from a weak one.
 */
export const item: ScoreItem = {
  id: 'D5',
  run: async ({ full, log }) => {
    const r = await runAuditScore({
      visits: full ? 2_000 : 200,
      concurrentEach: full ? 1_000 : 150,
      log,
    });
    log(
      `D5: ${r.concurrent} entries by two concurrent writers, ${r.interleavings} interleavings; ` +
        `head ${r.clean.head}; links-only verifier caught ${r.naiveDetected}/${r.tamperings}`,
    );
    const pass =
      r.clean.broken === null &&
      r.entries > 0 &&
      r.refused === r.refusals &&
      r.detected === r.tamperings &&
      r.naiveDetected < r.tamperings;
    return scoreLine(
      'D5',
      'audit',
      `UPDATE/DELETE/REPLACE and unchained inserts refused ${r.refused}/${r.refusals}; ` +
        `chain of ${r.entries.toLocaleString('en')} entries verified ` +
        `(${r.concurrent.toLocaleString('en')} by 2 concurrent writers); ` +
        `${r.detected}/${r.tamperings} tamperings detected ` +
        `(links-only self-test: ${r.naiveDetected}/${r.tamperings})`,
      pass,
    );
  },
};
