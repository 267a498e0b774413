import { useCheapPasswords } from './cheap-passwords';
import { runFuzz } from './fuzz/run';
import { scoreLine, type ScoreItem } from './types';

/**
 * D3: every operation of the contract, fuzzed through the dispatcher against a seeded company's
 * database (scripts/scorecard/fuzz/): no answer may be a thrown error, INTERNAL or BUSY, and no
 * call answered with an error may change the database (but for the failures whose writes stand
 * by design, in their tables). d3-fuzz.test.ts shows it catches a handler that throws and one
 * that writes before failing.
 */
export const item: ScoreItem = {
  id: 'D3',
  run: async ({ full, seed, log }) => {
    useCheapPasswords();
    const runs = full ? 10_000 : 1_000;
    const t = await runFuzz({ runs, seed, log });
    for (const s of t.ops) {
      for (const f of s.findings)
        log(`D3 ${f.op} (${f.caller}): ${f.what}\n  input ${f.input}\n  answer ${f.answer}`);
    }
    const minRuns = Math.min(...t.ops.map((s) => s.calls));
    log(
      `D3: ${t.accepted} accepted, ${t.rejected} rejected (${t.byDesign} failures whose writes ` +
        `stand by design); fewest calls on one operation ${minRuns}; seed ${seed}`,
    );
    const pass = t.operations > 0 && minRuns >= runs && t.unhandled === 0 && t.changed === 0;
    return scoreLine(
      'D3',
      'fuzz',
      `${t.operations} operations × ${runs.toLocaleString('en')} runs = ` +
        `${t.calls.toLocaleString('en')} calls; unhandled ${t.unhandled}; ` +
        `changed by rejected calls ${t.changed}`,
      pass,
    );
  },
};
