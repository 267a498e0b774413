import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, submitted } from '../../test-support';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';

// Minutes apart: a longer pause would lock the sessions (the idle lock).
const MINUTE = 60_000;

describe('migration 0100 (step timing)', () => {
  it('dates every opened step from its round’s history as the engine dates it when it opens', async () => {
    const { t, r } = await companyApp();
    // One request a step further (approved by the head, the next one open), one returned and
    // resubmitted (a new round), one waiting on its first step; minutes apart.
    const a = await submitted(t, r, { orgName: '华东精密' });
    t.advance(3 * MINUTE);
    await decideAs(t, r.head.token, a.id, 'approve');
    t.advance(2 * MINUTE);
    const b = await submitted(t, r, { orgName: '上海电气' });
    t.advance(MINUTE);
    await decideAs(t, r.head.token, b.id, 'return', '请补充行程');
    t.advance(MINUTE);
    const again = await t.ok('requests.get', { id: b.id }, r.host.token);
    await t.ok(
      'requests.submit',
      { id: b.id, version: again.version, body: again.body },
      r.host.token,
    );
    t.advance(MINUTE);
    await submitted(t, r, { orgName: '苏州工业园' });

    const sqlite = t.app.sqlite;
    const timing = () =>
      sqlite
        .prepare(
          `SELECT id, subject_id, revision, seq, status, pending_since_ms FROM approval_steps
           ORDER BY id`,
        )
        .all() as { status: string; pending_since_ms: number | null }[];
    const live = timing();
    // The engine dated what it opened; a step waiting its turn has no date yet.
    for (const s of live) {
      if (['pending', 'approved', 'rejected', 'returned'].includes(s.status))
        expect(s.pending_since_ms, JSON.stringify(s)).toEqual(expect.any(Number));
      else expect(s.pending_since_ms, JSON.stringify(s)).toBeNull();
    }
    expect(new Set(live.map((s) => s.pending_since_ms)).size).toBeGreaterThan(4);

    // Back to schema 90, then forward: the history gives the same dates.
    sqlite.exec(`
      DROP INDEX approval_steps_decided;
      ALTER TABLE approval_steps DROP COLUMN pending_since_ms;
      PRAGMA user_version = 90;
    `);
    expect(
      migrate(
        sqlite,
        MIGRATIONS.filter((m) => m.version <= 100),
      ),
    ).toBe(100);
    expect(timing()).toEqual(live);
  });
});
