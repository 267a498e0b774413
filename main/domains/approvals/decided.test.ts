import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, MINUTE, signedInUser, submitted } from '../../test-support';

/**
 * 已处理: a person's own decisions, newest first, a page at a time on the (time, id) cursor —
 * with the decision, its reason and whom he decided for; nobody else's.
 */
describe('approvals.decided', () => {
  it('lists the steps I decided, newest first, page after page, and no one else’s', async () => {
    const { t, r } = await companyApp();
    const ids: number[] = [];
    for (const org of ['华东精密', '上海电气', '苏州工业园', '杭州钢铁', '宁波港']) {
      ids.push((await submitted(t, r, { orgName: org })).id);
    }
    // The head decides four, a minute apart; the last is a return with its reason.
    for (const id of ids.slice(0, 3)) {
      t.advance(MINUTE);
      await decideAs(t, r.head.token, id, 'approve');
    }
    t.advance(MINUTE);
    await decideAs(t, r.head.token, ids[3]!, 'return', '请补充行程');
    // The executive's and the office's decisions are theirs, not the head's.
    const next = await t.ok('approvals.inbox', {}, r.executive.token);
    if (next[0]) await decideAs(t, r.executive.token, next[0].request.id, 'approve');

    const first = await t.ok('approvals.decided', { limit: 3 }, r.head.token);
    expect(first.total).toEqual({ count: 4, atLeast: false });
    expect(first.items.map((i) => [i.org, i.status, i.kind])).toEqual([
      ['杭州钢铁', 'returned', 'dept_head'],
      ['苏州工业园', 'approved', 'dept_head'],
      ['上海电气', 'approved', 'dept_head'],
    ]);
    expect(first.items[0]).toMatchObject({
      comment: '请补充行程',
      onBehalfOfName: null,
      subjectType: 'request',
      subjectId: ids[3],
      target: { type: 'request', id: ids[3] },
    });
    expect(first.items[0]?.code).toMatch(/^JD\d{8}-\d{3}$/);
    expect(first.next).not.toBeNull();

    const second = await t.ok(
      'approvals.decided',
      { limit: 3, after: first.next ?? undefined },
      r.head.token,
    );
    expect(second.items.map((i) => i.org)).toEqual(['华东精密']);
    expect(second.next).toBeNull();
    expect(second.total).toBeNull();

    // Someone who decided nothing has an empty list; the host sees none of the head's.
    expect((await t.ok('approvals.decided', {}, r.host.token)).items).toEqual([]);
    expect((await t.ok('approvals.decided', {}, r.host.token)).total).toEqual({
      count: 0,
      atLeast: false,
    });
  });

  it('says whom a delegate decided for', async () => {
    const { t, r } = await companyApp();
    const deputy = await signedInUser(t, r.admin.token, {
      login: 'deputy',
      displayName: '赵副部长',
      roles: ['dept_head'],
      departmentId: r.departmentId,
    });
    const d = await submitted(t, r);
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    await decideAs(t, deputy.token, d.id, 'approve', '代李部长审批');
    const mine = await t.ok('approvals.decided', {}, deputy.token);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ onBehalfOfName: '李部长', comment: '代李部长审批' });
    // The head did not decide it himself.
    expect((await t.ok('approvals.decided', {}, r.head.token)).items).toEqual([]);
  });

  it('refuses a malformed cursor with a clear message and no 500', async () => {
    const { t, r } = await companyApp();
    const bad = await t.call('approvals.decided', { after: { key: -1, id: 0 } }, r.head.token);
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
