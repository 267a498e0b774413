import { useCheapPasswords } from './cheap-passwords';
import { runMatrix, type MatrixResult } from './matrix/harness';
import { scoreLine, type ScoreItem } from './types';

const fmt = (n: number) => n.toLocaleString('en');

/**
 * D4: every caller (each role, and no session) × every operation, allowed or refused as the
 * contract and the roles' grants declare, through the dispatcher and over HTTP with real
 * sessions (scripts/scorecard/matrix/). Its self-test: a role granted one permission too many in
 * the running table must show up as mismatches.
 */
export const item: ScoreItem = {
  id: 'D4',
  run: async ({ log }) => {
    useCheapPasswords();
    const r = await runMatrix();
    for (const m of r.mismatches.slice(0, 20)) {
      log(`D4 mismatch ${m.via}: ${m.caller} × ${m.op}: expected ${m.expected}, got ${m.answer}`);
    }
    if (r.probeAccepted.length > 0)
      log(`D4: the probe passes validation of ${r.probeAccepted.join(', ')}`);
    const broken: MatrixResult = await runMatrix({
      brokenGrant: { role: 'host', permission: 'users.manage' },
      http: false,
    });
    const caught = broken.mismatches.length;
    log(
      `D4: unexpected answers ${r.unexpected}; self-test: host granted users.manage → ` +
        `${caught} mismatches (${broken.mismatches.map((m) => m.op).join(', ')})`,
    );
    const pass =
      r.pairs > 0 &&
      r.dispatcherMatch === r.pairs &&
      r.httpMatch === r.pairs &&
      r.unexpected === 0 &&
      r.probeAccepted.length === 0 &&
      caught > 0;
    return scoreLine(
      'D4',
      'permissions',
      `${r.callers} callers (${r.callers - 1} roles + no session) × ${r.operations} operations = ` +
        `${fmt(r.pairs)} pairs; dispatcher ${fmt(r.dispatcherMatch)}/${fmt(r.pairs)} match; ` +
        `HTTP ${fmt(r.httpMatch)}/${fmt(r.pairs)} match; broken grant caught in ${caught} pairs`,
      pass,
    );
  },
};
