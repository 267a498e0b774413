import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, MINUTE, submitted } from '../../test-support';

/** Every list row says whom its request waits on now, and since when (issue 9, item 4). */
describe('requests.list: waiting on', () => {
  it('names the pending step of the current round, its approver or pool, and since when', async () => {
    const { t, r } = await companyApp();
    const first = await submitted(t, r, { orgName: '华东精密' });
    const openedAt = t.now();
    t.advance(2 * MINUTE);
    const second = await submitted(t, r, { orgName: '上海电气' });
    t.advance(MINUTE);
    await decideAs(t, r.head.token, second.id, 'return', '请补充');
    const third = await submitted(t, r, { orgName: '苏州工业园' });
    await decideAs(t, r.head.token, third.id, 'approve');

    const page = await t.ok('requests.list', { scope: 'all' }, r.office.token);
    const row = (id: number) => page.items.find((i) => i.id === id);
    // The head, by name, since it was submitted.
    expect(row(first.id)?.waitingOn).toEqual({
      kind: 'dept_head',
      assigneeName: '李部长',
      sinceMs: openedAt,
    });
    // Returned: it waits on its host, not on an approver.
    expect(row(second.id)?.waitingOn).toBeNull();
    // Past the head: the next step, a pool or a person, opened when the head approved.
    expect(row(third.id)?.waitingOn).toMatchObject({ sinceMs: t.now() });
    expect(row(third.id)?.waitingOn?.kind).not.toBe('dept_head');
    // The host's own list says the same.
    const mine = await t.ok('requests.list', { scope: 'mine' }, r.host.token);
    expect(mine.items.find((i) => i.id === first.id)?.waitingOn?.assigneeName).toBe('李部长');
  });
});
