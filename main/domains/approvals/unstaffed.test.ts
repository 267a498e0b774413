import { describe, expect, it } from 'vitest';
import {
  companyApp,
  createUser,
  decideAs,
  notificationKinds,
  pendingStep,
  requestBody,
  signIn,
  submitted,
  type Reception,
  type TestApp,
} from '../../test-support';

/** Issue 7, item 1: a step nobody can act on is told and listed; administrators reassign it. */

/** A C-tier request with company-paid lodging (head → executive → admin office), head approved. */
async function waitingOnExecutives(t: TestApp, r: Reception) {
  const d = await submitted(
    t,
    r,
    requestBody({
      needs: { ...requestBody().needs, hotelNights: 1, hotelRooms: 1, companyPaysLodging: true },
    }),
  );
  const after = await decideAs(t, r.head.token, d.id);
  const step = pendingStep(after);
  expect(step).toMatchObject({ kind: 'executive', assigneeUserId: null });
  return { d, step };
}

const disableExecutive = (t: TestApp, r: Reception) =>
  t.ok(
    'users.update',
    {
      id: r.executive.userId,
      displayName: '张总',
      departmentId: null,
      roles: ['executive'],
      disabled: true,
    },
    r.admin.token,
  );

const auditOf = (t: TestApp, operation: string) =>
  t.rows<{ entity_type: string; entity_id: string; actor_user_id: number; summary: string }>(
    'SELECT entity_type, entity_id, actor_user_id, summary FROM audit_log WHERE operation = ?',
    operation,
  );

describe('steps nobody can act on', () => {
  it('disabling the only executive while a pool step waits: listed as unstaffed, administrators told', async () => {
    const { t, r } = await companyApp();
    const { d, step } = await waitingOnExecutives(t, r);
    expect(await t.ok('approvals.unstaffed', {}, r.admin.token)).toEqual([]);

    await disableExecutive(t, r);

    const stuck = await t.ok('approvals.unstaffed', {}, r.admin.token);
    expect(stuck).toEqual([
      expect.objectContaining({
        stepId: step.id,
        version: step.version,
        subjectId: d.id,
        code: d.code,
        org: d.orgName,
        kind: 'executive',
        assigneeName: null,
      }),
    ]);
    expect(stuck[0]?.sinceMs).toEqual(expect.any(Number));
    expect(await t.ok('approvals.unstaffed', {}, r.office.token)).toEqual(stuck);
    expect(notificationKinds(t, r.admin.userId)).toContain('approval.unstaffed');
    expect(notificationKinds(t, r.office.userId)).toContain('approval.unstaffed');
    // Only administrators may ask.
    for (const who of [r.host, r.head]) {
      expect(await t.fail('approvals.unstaffed', {}, who.token)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    // Editing someone unrelated afterwards tells nobody again.
    const before = notificationKinds(t, r.admin.userId).length;
    await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host'],
        disabled: false,
      },
      r.admin.token,
    );
    expect(notificationKinds(t, r.admin.userId)).toHaveLength(before);
  });

  it('a named step whose assignee is disabled outside re-routing is listed too', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    // As if the head had been disabled without re-routing (data from before issue 7).
    t.exec('UPDATE users SET disabled = 1 WHERE id = ?', r.head.userId);
    const stuck = await t.ok('approvals.unstaffed', {}, r.office.token);
    expect(stuck).toEqual([
      expect.objectContaining({ code: d.code, kind: 'dept_head', assigneeName: '李部长' }),
    ]);
    expect(stuck[0]?.sinceMs).toBeNull();
  });

  it('reassign: needs a reason, refuses an ineligible target and a stale version, is audited; the assignee approves', async () => {
    const { t, r } = await companyApp();
    const { d, step } = await waitingOnExecutives(t, r);
    await disableExecutive(t, r);
    const vp = await createUser(t, r.admin.token, {
      login: 'vp',
      displayName: '陈副总',
      roles: ['executive'],
    });
    // A new executive joins the pool, but the admin office may still name one.
    expect(await t.ok('approvals.reassignees', { stepId: step.id }, r.office.token)).toEqual([
      { id: vp, displayName: '陈副总' },
    ]);
    const input = { stepId: step.id, version: step.version, toUserId: vp, reason: '张总离职' };

    expect(
      await t.fail('approvals.reassign', { ...input, reason: '' }, r.office.token),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    // Not an executive, disabled, or the host himself: not eligible.
    for (const toUserId of [r.head.userId, r.executive.userId, r.host.userId]) {
      expect(
        await t.fail('approvals.reassign', { ...input, toUserId }, r.office.token),
      ).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(
      await t.fail('approvals.reassign', { ...input, version: step.version + 1 }, r.office.token),
    ).toMatchObject({ code: 'CONFLICT' });
    // Only administrators.
    expect(await t.fail('approvals.reassign', input, r.head.token)).toMatchObject({
      code: 'FORBIDDEN',
    });

    expect(await t.ok('approvals.reassign', input, r.office.token)).toEqual({ stepId: step.id });
    // The same again is stale: already moved.
    expect(await t.fail('approvals.reassign', input, r.admin.token)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await t.ok('approvals.unstaffed', {}, r.admin.token)).toEqual([]);
    const audit = auditOf(t, 'approvals.reassign');
    expect(audit).toEqual([
      expect.objectContaining({
        entity_type: 'request',
        entity_id: String(d.id),
        actor_user_id: r.office.userId,
      }),
    ]);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ to: '陈副总', reason: '张总离职' });
    expect(notificationKinds(t, vp)).toContain('approval.task');
    const events = t.rows<{ kind: string; comment: string }>(
      'SELECT kind, comment FROM request_events WHERE request_id = ? ORDER BY id',
      d.id,
    );
    expect(events.at(-1)).toEqual({ kind: 'rerouted', comment: '张总离职' });

    const vpToken = await signIn(t, 'vp');
    const seen = await t.ok('requests.get', { id: d.id }, vpToken);
    expect(pendingStep(seen)).toMatchObject({ id: step.id, assigneeUserId: vp });
    const approved = await decideAs(t, vpToken, d.id);
    expect(approved.steps.find((s) => s.id === step.id)?.status).toBe('approved');
  });

  it('the sysadmin may reassign too, to any active holder of the role', async () => {
    const { t, r } = await companyApp();
    const head2 = await createUser(t, r.admin.token, { login: 'head2', roles: ['dept_head'] });
    const d = await submitted(t, r);
    const step = pendingStep(d);
    await t.ok(
      'approvals.reassign',
      { stepId: step.id, version: step.version, toUserId: head2, reason: '出差' },
      r.admin.token,
    );
    const after = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(pendingStep(after).assigneeUserId).toBe(head2);
  });
});
