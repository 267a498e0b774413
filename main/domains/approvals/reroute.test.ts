import { describe, expect, it } from 'vitest';
import {
  companyApp,
  createUser,
  notificationKinds,
  pendingStep,
  requestBody,
  signedInUser,
  submitted,
  type Reception,
  type TestApp,
} from '../../test-support';

/** Issue 7, item 1: a step never waits on someone who can no longer act on it. */

const headState = (
  r: Reception,
  change: { disabled?: boolean; roles?: ['dept_head'] | ['host'] },
) => ({
  id: r.head.userId,
  displayName: '李部长',
  departmentId: r.departmentId,
  roles: change.roles ?? (['dept_head'] as const),
  disabled: change.disabled ?? false,
});

async function secondHead(t: TestApp, r: Reception) {
  return signedInUser(t, r.admin.token, {
    login: 'head2',
    displayName: '赵部长',
    roles: ['dept_head'],
  });
}

const eventKinds = (t: TestApp, requestId: number) =>
  t
    .rows<{ kind: string }>(
      'SELECT kind FROM request_events WHERE request_id = ? ORDER BY id',
      requestId,
    )
    .map((e) => e.kind);

describe('re-routing the steps waiting on someone who can no longer act', () => {
  it('disabling the waiting head: shown first, then the step goes to the pool and someone approves', async () => {
    const { t, r } = await companyApp();
    const head2 = await secondHead(t, r);
    const d = await submitted(t, r);
    const step = pendingStep(d);
    expect(step).toMatchObject({ kind: 'dept_head', assigneeUserId: r.head.userId });

    // What would move, before the sysadmin confirms: nothing is written by asking.
    const before = t.snapshot();
    const impact = await t.ok(
      'approvals.impact',
      { change: { userId: r.head.userId, disabled: true, roles: ['dept_head'] } },
      r.admin.token,
    );
    expect(impact).toEqual([
      expect.objectContaining({
        stepId: step.id,
        code: d.code,
        kind: 'dept_head',
        status: 'pending',
        fromName: '李部长',
        toUserId: null,
        nobody: false,
      }),
    ]);
    expect(t.snapshot()).toEqual(before);
    // Only the sysadmin may ask.
    expect(
      await t.fail(
        'approvals.impact',
        { change: { userId: r.head.userId, disabled: true, roles: [] } },
        r.office.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    await t.ok('users.update', headState(r, { disabled: true }), r.admin.token);

    const after = await t.ok('requests.get', { id: d.id }, head2.token);
    expect(pendingStep(after)).toMatchObject({ id: step.id, assigneeUserId: null });
    expect(after.myStep?.stepId).toBe(step.id);
    expect(notificationKinds(t, head2.userId)).toContain('approval.task');
    expect(eventKinds(t, d.id)).toContain('rerouted');
    const audit = t.rows<{ entity_type: string; summary: string }>(
      "SELECT entity_type, summary FROM audit_log WHERE operation = 'users.update' AND entity_type = 'request'",
    );
    expect(audit).toHaveLength(1);

    await t.ok(
      'approvals.decide',
      { stepId: step.id, version: after.myStep!.version, action: 'approve', comment: '' },
      head2.token,
    );
    const done = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(done.steps.find((s) => s.id === step.id)?.status).toBe('approved');
  });

  it('removing the dept_head role from the waiting head moves the step too', async () => {
    const { t, r } = await companyApp();
    const head2 = await secondHead(t, r);
    const d = await submitted(t, r);
    await t.ok('users.update', headState(r, { roles: ['host'] }), r.admin.token);
    const after = await t.ok('requests.get', { id: d.id }, head2.token);
    expect(pendingStep(after).assigneeUserId).toBeNull();
    expect(after.myStep).not.toBeNull();
  });

  it("changing the department's head hands its waiting steps to the new head", async () => {
    const { t, r } = await companyApp();
    const head2 = await secondHead(t, r);
    const d = await submitted(t, r);
    const impact = await t.ok(
      'approvals.impact',
      { change: { departmentId: r.departmentId, headUserId: head2.userId } },
      r.admin.token,
    );
    expect(impact).toEqual([
      expect.objectContaining({ code: d.code, toUserId: head2.userId, toName: '赵部长' }),
    ]);
    await t.ok(
      'departments.update',
      { id: r.departmentId, name: '销售部', headUserId: head2.userId },
      r.admin.token,
    );
    const after = await t.ok('requests.get', { id: d.id }, head2.token);
    expect(pendingStep(after).assigneeUserId).toBe(head2.userId);
    expect(notificationKinds(t, head2.userId)).toContain('approval.task');
    // The former head has nothing left to decide.
    const old = await t.ok('approvals.inbox', {}, r.head.token);
    expect(old).toEqual([]);
  });

  it('removing the head with no other head leaves nobody: the administrators are told at once', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const impact = await t.ok(
      'approvals.impact',
      { change: { userId: r.head.userId, disabled: true, roles: ['dept_head'] } },
      r.admin.token,
    );
    expect(impact).toEqual([expect.objectContaining({ toUserId: null, nobody: true })]);
    await t.ok('users.update', headState(r, { disabled: true }), r.admin.token);
    expect(notificationKinds(t, r.admin.userId)).toContain('approval.unstaffed');
    expect(notificationKinds(t, r.office.userId)).toContain('approval.unstaffed');
    // A new dept head then finds it in the pool.
    const id = await createUser(t, r.admin.token, { login: 'head3', roles: ['dept_head'] });
    expect(id).toBeGreaterThan(0);
    expect(
      pendingStep(await t.ok('requests.get', { id: d.id }, r.host.token)).assigneeUserId,
    ).toBeNull();
  });

  it('a waiting (not yet pending) step assigned to nobody else is left alone; other users change nothing', async () => {
    const { t, r } = await companyApp();
    await submitted(
      t,
      r,
      requestBody({
        needs: { ...requestBody().needs, hotelNights: 1, hotelRooms: 1, companyPaysLodging: true },
      }),
    );
    const before = t.snapshot(['approval_steps', 'request_events', 'notifications']);
    await t.ok(
      'users.update',
      {
        id: r.office.userId,
        displayName: '刘行政',
        departmentId: null,
        roles: ['admin_office', 'finance'],
        disabled: false,
      },
      r.admin.token,
    );
    expect(t.snapshot(['approval_steps', 'request_events', 'notifications'])).toEqual(before);
  });
});
