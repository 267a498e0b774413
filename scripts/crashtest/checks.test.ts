import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, submitted, visitor } from '../../main/test-support';
import { checkWrites } from './checks';

/** The checker on writes made through the dispatcher, then broken by hand as a kill could. */
describe('crash test: the checks of a write', () => {
  it('finds a whole write complete, a missing one lost and one without all its rows partial', async () => {
    const { t, r } = await companyApp();
    const m = '崩溃 S1';
    const d = await submitted(t, r, {
      orgName: m,
      visitors: [visitor(`${m}·1`), visitor(`${m}·2`)],
    });
    await decideAs(t, r.head.token, d.id, 'approve', 'D2');
    const acks = [
      { k: 'submit', m, n: 2 },
      { k: 'decide', m: 'D2' },
    ] as const;
    expect(checkWrites(t.app.sqlite, acks)).toMatchObject({ complete: 2, lost: 0, partial: 0 });
    expect(checkWrites(t.app.sqlite, [...acks, { k: 'line', m: 'L3' }])).toMatchObject({
      complete: 2,
      lost: 1,
      partial: 0,
    });
    // The decision's step without its comment: its audit entry alone remains.
    t.app.sqlite.prepare("UPDATE approval_steps SET comment = '' WHERE comment = 'D2'").run();
    // The request without its revision.
    t.app.sqlite.prepare('DELETE FROM request_revisions WHERE request_id = ?').run(d.id);
    const broken = checkWrites(t.app.sqlite, acks);
    expect(broken).toMatchObject({ complete: 0, lost: 0, partial: 2 });
    // Not acknowledged (the write in flight at the kill): partial still counts.
    expect(checkWrites(t.app.sqlite, [])).toMatchObject({ partial: 2 });
  });
});
