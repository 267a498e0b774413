import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/auth/roles';
import type { RequestDossier } from '../../../shared/requests/views';
import type { AppEvent } from '../../api/events';
import {
  decision,
  captureEvents,
  companyApp,
  decideAs,
  newRequest,
  notificationKinds,
  pendingStep,
  requestBody,
  signedInUser,
  signIn,
  submitted,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';

const DAY = 86_400_000;
const TABLES = [
  'requests',
  'request_revisions',
  'approval_steps',
  'request_events',
  'notifications',
  'delegations',
  'audit_log',
];

async function user(
  t: TestApp,
  r: Reception,
  login: string,
  displayName: string,
  roles: Role[],
): Promise<SignedIn> {
  return signedInUser(t, r.admin.token, {
    login,
    displayName,
    roles,
    departmentId: r.departmentId,
  });
}

const deputyOf = (t: TestApp, r: Reception) => user(t, r, 'deputy', '赵副部长', ['dept_head']);
const secondOffice = (t: TestApp, r: Reception) =>
  user(t, r, 'office2', '钱行政', ['admin_office']);

const stepsOf = (d: RequestDossier) =>
  d.steps.filter((s) => s.revision === d.revision).map((s) => `${s.kind}:${s.status}`);

async function inboxIds(t: TestApp, token: string) {
  return (await t.ok('approvals.inbox', {}, token)).map((i) => i.step.id);
}

/** approvals.count equals the inbox length for every approver given. */
async function expectCountsMatchInbox(t: TestApp, users: SignedIn[]) {
  for (const u of users) {
    const inbox = await t.ok('approvals.inbox', {}, u.token);
    expect(await t.ok('approvals.count', {}, u.token)).toEqual({ count: inbox.length });
  }
}

/**
 * Runs `action` and checks that every approver (other than the one acting) whose inbox changed
 * was sent 'approvals.changed' for it: a task that appears or goes away refreshes the badge.
 */
async function expectInboxWatchersTold(
  t: TestApp,
  approvers: SignedIn[],
  actor: SignedIn,
  action: () => Promise<unknown>,
) {
  const before = new Map<number, number[]>();
  for (const u of approvers) before.set(u.userId, await inboxIds(t, u.token));
  const events: AppEvent[] = [];
  const stop = t.app.events.subscribe((e) => events.push(e));
  await action();
  stop();
  const told = new Set(
    events.filter((e) => e.name === 'approvals.changed').flatMap((e) => e.userIds),
  );
  const changedButNotTold: number[] = [];
  for (const u of approvers) {
    if (u.userId === actor.userId) continue;
    const after = await inboxIds(t, u.token);
    if (JSON.stringify(after) !== JSON.stringify(before.get(u.userId)) && !told.has(u.userId)) {
      changedButNotTold.push(u.userId);
    }
  }
  expect(changedButNotTold).toEqual([]);
}

describe('the C flow', () => {
  it('head approves → approved; the admin office files → filed', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);

    const headInbox = await t.ok('approvals.inbox', {}, r.head.token);
    expect(headInbox).toHaveLength(1);
    expect(headInbox[0]).toMatchObject({
      request: { id: d.id, code: d.code, status: 'approving' },
      step: { kind: 'dept_head', status: 'pending', assigneeUserId: r.head.userId },
      onBehalfOfName: null,
      checks: [],
      changes: [],
    });
    expect(await t.ok('approvals.inbox', {}, r.office.token)).toEqual([]);
    expect(await t.ok('approvals.inbox', {}, r.executive.token)).toEqual([]);
    await expectCountsMatchInbox(t, [r.head, r.office, r.executive]);

    const approved = await decideAs(t, r.head.token, d.id, 'approve', '同意');
    expect(approved.status).toBe('approved');
    expect(stepsOf(approved)).toEqual(['dept_head:approved', 'admin_office:pending']);
    expect(approved.steps[0]).toMatchObject({
      decidedBy: r.head.userId,
      decidedByName: '李部长',
      onBehalfOf: null,
      comment: '同意',
      decidedAtMs: t.now(),
    });
    expect(notificationKinds(t, r.host.userId)).toEqual([
      'request.approved',
      'request.stepApproved',
    ]);
    expect(notificationKinds(t, r.office.userId)).toEqual(['approval.task']);
    expect(await inboxIds(t, r.head.token)).toEqual([]);
    expect(await inboxIds(t, r.office.token)).toEqual([pendingStep(approved).id]);
    await expectCountsMatchInbox(t, [r.head, r.office, r.executive]);

    const filed = await decideAs(t, r.office.token, d.id, 'approve', '已备案');
    expect(filed.status).toBe('filed');
    expect(stepsOf(filed)).toEqual(['dept_head:approved', 'admin_office:approved']);
    expect(filed.steps[1]).toMatchObject({ decidedBy: r.office.userId, decidedByName: '刘行政' });
    expect(filed.events.map((e) => e.kind)).toEqual(['created', 'submitted', 'approved', 'filed']);
    expect(notificationKinds(t, r.host.userId).at(-1)).toBe('request.filed');
    expect(filed.myStep).toBeNull();
    await expectCountsMatchInbox(t, [r.head, r.office, r.executive]);
    expect(t.count('audit_log', "operation = 'approvals.decide'")).toBe(2);
  });

  it('the A flow passes the executive: approving until he approves, then approved, then filed', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r, { orgCategory: 'government', tier: 'A' });
    expect(stepsOf(d)).toEqual(['dept_head:pending', 'executive:waiting', 'admin_office:waiting']);
    expect(await inboxIds(t, r.executive.token)).toEqual([]);

    const afterHead = await decideAs(t, r.head.token, d.id);
    expect(afterHead.status).toBe('approving');
    expect(stepsOf(afterHead)).toEqual([
      'dept_head:approved',
      'executive:pending',
      'admin_office:waiting',
    ]);
    expect(await inboxIds(t, r.executive.token)).toEqual([pendingStep(afterHead).id]);
    expect(await inboxIds(t, r.office.token)).toEqual([]);
    expect(notificationKinds(t, r.executive.userId)).toEqual(['approval.task']);
    expect(notificationKinds(t, r.host.userId)).toEqual(['request.stepApproved']);

    const afterExec = await decideAs(t, r.executive.token, d.id, 'approve', '同意，注意接待规格');
    expect(afterExec.status).toBe('approved');
    expect(stepsOf(afterExec)).toEqual([
      'dept_head:approved',
      'executive:approved',
      'admin_office:pending',
    ]);
    const filed = await decideAs(t, r.office.token, d.id);
    expect(filed.status).toBe('filed');
    await expectCountsMatchInbox(t, [r.head, r.office, r.executive]);
  });
});

describe('reject and return', () => {
  it.each(['reject', 'return'] as const)(
    '%s needs a reason; without one nothing changes',
    async (action) => {
      const { t, r } = await companyApp();
      const d = await submitted(t, r);
      const mine = (await t.ok('requests.get', { id: d.id }, r.head.token)).myStep;
      if (!mine) throw new Error('head has no step');
      const before = t.snapshot(TABLES);
      for (const comment of ['', '   ']) {
        const e = await t.fail('approvals.decide', decision(mine, action, comment), r.head.token);
        expect(e.code).toBe('INVALID_INPUT');
        expect(e.fieldErrors?.comment?.key).toBe('validation.reasonRequired');
      }
      expect(t.snapshot(TABLES)).toEqual(before);
    },
  );

  it('reject with a reason: rejected, the rest void, the host told why and unable to resubmit', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const rejected = await decideAs(t, r.head.token, d.id, 'reject', '预算不合理');
    expect(rejected.status).toBe('rejected');
    expect(stepsOf(rejected)).toEqual(['dept_head:rejected', 'admin_office:cancelled']);
    expect(rejected.canCancel).toBe(false);
    const note = t.rows<{ kind: string; params: string }>(
      'SELECT kind, params FROM notifications WHERE user_id = ?',
      r.host.userId,
    );
    expect(note).toHaveLength(1);
    expect(note[0]?.kind).toBe('request.rejected');
    expect(JSON.parse(note[0]?.params ?? '{}')).toMatchObject({
      by: '李部长',
      reason: '预算不合理',
    });
    const host = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(host.canEdit).toBe(false);
    const e = await t.fail(
      'requests.submit',
      { id: d.id, version: host.version, body: requestBody() },
      r.host.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.notEditable' });
    expect(await inboxIds(t, r.office.token)).toEqual([]);
  });

  it('the admin office may reject at the filing step', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id);
    const rejected = await decideAs(t, r.office.token, d.id, 'reject', '场地冲突');
    expect(rejected.status).toBe('rejected');
    expect(stepsOf(rejected)).toEqual(['dept_head:approved', 'admin_office:rejected']);
  });

  it('return → the host edits and resubmits → revision 2 shows the head what changed → approved', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const returned = await decideAs(t, r.head.token, d.id, 'return', '请补充来访人员和礼品');
    expect(returned.status).toBe('returned');
    expect(stepsOf(returned)).toEqual(['dept_head:returned', 'admin_office:cancelled']);
    expect(notificationKinds(t, r.host.userId)).toEqual(['request.returned']);

    const mine = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(mine.canEdit).toBe(true);
    const base = requestBody();
    const revised = await t.ok(
      'requests.submit',
      {
        id: d.id,
        version: mine.version,
        body: requestBody({
          visitors: [
            ...base.visitors,
            { name: '王五', title: '工程师', phone: '', idType: null, idNumber: '', notes: '' },
          ],
          needs: { ...base.needs, gifts: true },
        }),
      },
      r.host.token,
    );
    expect(revised).toMatchObject({ status: 'approving', revision: 2, code: d.code });
    expect(stepsOf(revised)).toEqual(['dept_head:pending', 'admin_office:waiting']);
    expect(revised.events.map((e) => e.kind)).toEqual([
      'created',
      'submitted',
      'returned',
      'resubmitted',
    ]);
    expect(t.count('request_revisions', 'request_id = ?', d.id)).toBe(2);

    const expectedChanges = [
      { path: 'visitors', kind: 'added', before: null, after: '王五 · 工程师' },
      { path: 'needs.gifts', kind: 'changed', before: false, after: true },
      { path: 'budget.meals', kind: 'changed', before: 30000, after: 40000 },
      { path: 'budget.gifts', kind: 'changed', before: 0, after: 60000 },
    ];
    const headView = await t.ok('requests.get', { id: d.id }, r.head.token);
    expect(headView.changesSinceRevision).toBe(1);
    expect(headView.changes).toEqual(expectedChanges);
    const [item] = await t.ok('approvals.inbox', {}, r.head.token);
    expect(item?.request.revision).toBe(2);
    expect(item?.changes).toEqual(expectedChanges);
    expect(notificationKinds(t, r.head.userId)).toEqual(['approval.task', 'approval.task']);

    const approved = await decideAs(t, r.head.token, d.id);
    expect(approved.status).toBe('approved');
    // The first round stays on record.
    expect(approved.steps.filter((s) => s.revision === 1).map((s) => s.status)).toEqual([
      'returned',
      'cancelled',
    ]);
  });

  it('a stale version of the returned request cannot be resubmitted', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id, 'return', '补充');
    const e = await t.fail(
      'requests.submit',
      { id: d.id, version: d.version, body: requestBody() },
      r.host.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.staleRequest' });
    expect(t.count('request_revisions')).toBe(1);
  });
});

describe('double decisions', () => {
  it('the same step decided twice in a row: the second gets alreadyDecided, naming the decider', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const mine = (await t.ok('requests.get', { id: d.id }, r.head.token)).myStep;
    if (!mine) throw new Error('no step');
    const input = decision(mine);
    await t.ok('approvals.decide', { ...input, action: 'approve' }, r.head.token);
    const before = t.snapshot(TABLES);
    for (const action of ['approve', 'reject', 'return'] as const) {
      const e = await t.fail('approvals.decide', { ...input, action, comment: 'x' }, r.head.token);
      expect(e).toMatchObject({
        code: 'CONFLICT',
        key: 'errors.alreadyDecided',
        params: { by: '李部长' },
      });
      expect(e.message).toContain('李部长');
    }
    expect(t.snapshot(TABLES)).toEqual(before);
  });

  it('two office users file the same pool step at once: exactly one wins', async () => {
    const { t, r } = await companyApp();
    const office2 = await secondOffice(t, r);
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id);
    const [a, b] = await Promise.all(
      [r.office, office2].map((u) => t.ok('requests.get', { id: d.id }, u.token)),
    );
    if (!a?.myStep || !b?.myStep) throw new Error('both office users should see the step');
    expect(a.myStep).toEqual(b.myStep);
    const step = a.myStep;

    const outcomes = await Promise.all(
      [r.office, office2].map((u) => t.call('approvals.decide', decision(step), u.token)),
    );
    const wins = outcomes.filter((o) => o.result.ok);
    const losses = outcomes.flatMap((o) => (o.result.ok ? [] : [o.result.error]));
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    const winner = outcomes[0]?.result.ok ? r.office : office2;
    const winnerName = winner === r.office ? '刘行政' : '钱行政';
    expect(losses[0]).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.alreadyDecided',
      params: { by: winnerName },
    });
    const final = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(final.status).toBe('filed');
    expect(final.steps.find((s) => s.id === step.stepId)?.decidedBy).toBe(winner.userId);
    expect(t.count('request_events', "kind = 'filed'")).toBe(1);
    expect(t.count('audit_log', "operation = 'approvals.decide'")).toBe(2);
    expect(notificationKinds(t, r.host.userId).filter((k) => k === 'request.filed')).toHaveLength(
      1,
    );
  });

  it('a double click (the same user twice at once) decides once', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const mine = (await t.ok('requests.get', { id: d.id }, r.head.token)).myStep;
    if (!mine) throw new Error('no step');
    const input = decision(mine);
    const outcomes = await Promise.all([
      t.call('approvals.decide', input, r.head.token),
      t.call('approvals.decide', input, r.head.token),
    ]);
    expect(outcomes.map((o) => (o.result.ok ? 'ok' : o.result.error.key)).sort()).toEqual([
      'errors.alreadyDecided',
      'ok',
    ]);
    expect(t.count('request_events', "kind = 'approved'")).toBe(1);
  });

  it('a stale version is refused as already decided', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const mine = (await t.ok('requests.get', { id: d.id }, r.head.token)).myStep;
    if (!mine) throw new Error('no step');
    expect(mine.version).toBeGreaterThan(1);
    const before = t.snapshot(TABLES);
    const e = await t.fail(
      'approvals.decide',
      { stepId: mine.stepId, version: mine.version - 1, action: 'approve', comment: '' },
      r.head.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.alreadyDecided' });
    expect(t.snapshot(TABLES)).toEqual(before);
  });

  it('a step of a superseded revision cannot be decided', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const old = (await t.ok('requests.get', { id: d.id }, r.head.token)).myStep;
    if (!old) throw new Error('no step');
    await decideAs(t, r.head.token, d.id, 'return', '补充');
    const mine = await t.ok('requests.get', { id: d.id }, r.host.token);
    await t.ok(
      'requests.submit',
      { id: d.id, version: mine.version, body: requestBody() },
      r.host.token,
    );
    const e = await t.fail(
      'approvals.decide',
      { stepId: old.stepId, version: old.version + 1, action: 'approve', comment: '' },
      r.head.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.alreadyDecided' });
  });

  it('an unknown step is NOT_FOUND; a step that is not mine is FORBIDDEN', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const step = pendingStep(d);
    const missing = await t.fail(
      'approvals.decide',
      { stepId: 9999, version: 1, action: 'approve', comment: '' },
      r.head.token,
    );
    expect(missing.code).toBe('NOT_FOUND');
    for (const u of [r.office, r.executive]) {
      const e = await t.fail('approvals.decide', decision(step), u.token);
      expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });
    }
    const host = await t.fail('approvals.decide', decision(step), r.host.token);
    expect(host.code).toBe('FORBIDDEN');
  });
});

describe('delegation', () => {
  it('a delegate decides on behalf of the head while the delegation covers today', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    expect(await inboxIds(t, deputy.token)).toEqual([]);

    const view = await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    expect(view).toMatchObject({
      userId: r.head.userId,
      userName: '李部长',
      delegateUserId: deputy.userId,
      delegateName: '赵副部长',
      fromDate: '2026-11-27',
      toDate: '2026-11-30',
      revoked: false,
    });
    expect(await t.ok('delegations.list', {}, deputy.token)).toEqual([view]);
    expect(await t.ok('delegations.list', {}, r.head.token)).toEqual([view]);

    const inbox = await t.ok('approvals.inbox', {}, deputy.token);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ request: { id: d.id }, onBehalfOfName: '李部长' });
    const seen = await t.ok('requests.get', { id: d.id }, deputy.token);
    expect(seen.myStep?.onBehalfOfName).toBe('李部长');
    // The head keeps his own task meanwhile.
    expect(await inboxIds(t, r.head.token)).toEqual(inbox.map((i) => i.step.id));
    await expectCountsMatchInbox(t, [deputy, r.head]);

    const decided = await decideAs(t, deputy.token, d.id, 'approve', '代李部长审批');
    const step = decided.steps[0];
    expect(step).toMatchObject({
      kind: 'dept_head',
      status: 'approved',
      decidedBy: deputy.userId,
      decidedByName: '赵副部长',
      onBehalfOf: r.head.userId,
      onBehalfOfName: '李部长',
    });
    expect(decided.events.at(-1)).toMatchObject({
      kind: 'approved',
      actorName: '赵副部长',
      onBehalfOfName: '李部长',
    });
    const audit = t.rows<{
      actor_user_id: number;
      actor_name: string;
      on_behalf_of_user_id: number;
      on_behalf_of_name: string;
    }>(
      "SELECT actor_user_id, actor_name, on_behalf_of_user_id, on_behalf_of_name FROM audit_log WHERE operation = 'approvals.decide'",
    );
    expect(audit).toEqual([
      {
        actor_user_id: deputy.userId,
        actor_name: '赵副部长',
        on_behalf_of_user_id: r.head.userId,
        on_behalf_of_name: '李部长',
      },
    ]);
    expect(await inboxIds(t, r.head.token)).toEqual([]);
    expect(await inboxIds(t, deputy.token)).toEqual([]);
  });

  it('outside its date range a delegation gives nothing; inside it does', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-20', toDate: '2026-11-26' },
      r.head.token,
    );
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-29', toDate: '2026-12-03' },
      r.head.token,
    );
    expect(await inboxIds(t, deputy.token)).toEqual([]);
    expect(await t.ok('approvals.count', {}, deputy.token)).toEqual({ count: 0 });
    // Not even readable: nothing links him to the request yet.
    expect((await t.fail('requests.get', { id: d.id }, deputy.token)).code).toBe('NOT_FOUND');
    const step = pendingStep(d);
    const e = await t.fail('approvals.decide', decision(step), deputy.token);
    expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });

    t.advance(2 * DAY); // 2026-11-29 09:00
    const token = await signIn(t, 'deputy');
    expect(await inboxIds(t, token)).toEqual([step.id]);
    const decided = await decideAs(t, token, d.id);
    expect(decided.steps[0]?.onBehalfOf).toBe(r.head.userId);
  });

  it('after revoking, the delegate can no longer decide', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    const del = await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-12-31' },
      r.head.token,
    );
    const seen = await t.ok('requests.get', { id: d.id }, deputy.token);
    if (!seen.myStep) throw new Error('the delegate should have the step');

    // Only the one who gave it may revoke it.
    expect((await t.fail('delegations.revoke', { id: del.id }, deputy.token)).code).toBe(
      'NOT_FOUND',
    );
    await t.ok('delegations.revoke', { id: del.id }, r.head.token);
    expect((await t.ok('delegations.list', {}, r.head.token))[0]?.revoked).toBe(true);
    expect(await inboxIds(t, deputy.token)).toEqual([]);
    const e = await t.fail('approvals.decide', decision(seen.myStep), deputy.token);
    expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });
    expect(pendingStep(await t.ok('requests.get', { id: d.id }, r.head.token)).status).toBe(
      'pending',
    );
  });

  it('refuses delegating to oneself, to an unknown user and a range that ends before it starts', async () => {
    const { t, r } = await companyApp();
    const self = await t.fail(
      'delegations.create',
      { delegateUserId: r.head.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    expect(self.fieldErrors?.delegateUserId?.key).toBe('errors.delegateSelf');
    const unknown = await t.fail(
      'delegations.create',
      { delegateUserId: 9999, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    expect(unknown.fieldErrors?.delegateUserId?.key).toBe('errors.userNotFound');
    const backwards = await t.fail(
      'delegations.create',
      { delegateUserId: r.executive.userId, fromDate: '2026-11-30', toDate: '2026-11-27' },
      r.head.token,
    );
    expect(backwards.fieldErrors?.toDate?.key).toBe('validation.rangeOrder');
    expect(t.count('delegations')).toBe(0);
  });
});

describe('transfer', () => {
  it('moves the task to an eligible user', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    const step = pendingStep(d);

    const candidates = await t.ok('approvals.candidates', { stepId: step.id }, r.head.token);
    expect(candidates.map((c) => c.displayName).sort()).toEqual(['李部长', '赵副部长'].sort());

    const moved = await t.ok(
      'approvals.transfer',
      { stepId: step.id, version: step.version, toUserId: deputy.userId, comment: '出差，请代批' },
      r.head.token,
    );
    const now = pendingStep(moved);
    expect(now).toMatchObject({
      id: step.id,
      assigneeUserId: deputy.userId,
      assigneeName: '赵副部长',
      version: step.version + 1,
    });
    expect(moved.events.at(-1)).toMatchObject({
      kind: 'transferred',
      actorName: '李部长',
      comment: '出差，请代批',
      data: { to: '赵副部长', toUserId: deputy.userId },
    });
    expect(await inboxIds(t, r.head.token)).toEqual([]);
    const inbox = await t.ok('approvals.inbox', {}, deputy.token);
    expect(inbox.map((i) => [i.step.id, i.onBehalfOfName])).toEqual([[step.id, null]]);
    expect(notificationKinds(t, deputy.userId)).toEqual(['approval.transferred']);
    await expectCountsMatchInbox(t, [r.head, deputy]);

    // The old version is stale now.
    const stale = await t.fail('approvals.decide', decision(step), deputy.token);
    expect(stale.key).toBe('errors.alreadyDecided');
    const approved = await decideAs(t, deputy.token, d.id);
    expect(approved.steps[0]).toMatchObject({ decidedBy: deputy.userId, onBehalfOf: null });
    expect(approved.status).toBe('approved');
  });

  it('refuses an ineligible target and changes nothing', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const step = pendingStep(d);
    const before = t.snapshot(TABLES);
    for (const to of [r.executive.userId, r.office.userId, r.host.userId, r.head.userId, 9999]) {
      const e = await t.fail(
        'approvals.transfer',
        { stepId: step.id, version: step.version, toUserId: to, comment: '' },
        r.head.token,
      );
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.fieldErrors?.toUserId?.key).toBe('errors.transferTargetInvalid');
    }
    expect(t.snapshot(TABLES)).toEqual(before);
  });

  it('only someone who may decide the step may transfer it', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    const step = pendingStep(d);
    const e = await t.fail(
      'approvals.transfer',
      { stepId: step.id, version: step.version, toUserId: deputy.userId, comment: '' },
      deputy.token,
    );
    expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });
  });
});

describe('the host never approves his own request', () => {
  it('even holding the admin office role, or as a delegate', async () => {
    const { t, r } = await companyApp();
    const both = await user(t, r, 'hostoffice', '孙兼职', ['host', 'admin_office']);
    const own = await t.ok('requests.submit', newRequest({ orgName: '自己的客户' }), both.token);
    const theirs = await submitted(t, r);

    // The head delegates to him: he may decide the head's step on someone else's request only.
    await t.ok(
      'delegations.create',
      { delegateUserId: both.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    const inbox = await t.ok('approvals.inbox', {}, both.token);
    expect(inbox.map((i) => i.request.id)).toEqual([theirs.id]);
    expect((await t.ok('requests.get', { id: own.id }, both.token)).myStep).toBeNull();
    const headStep = pendingStep(own);
    const e1 = await t.fail('approvals.decide', decision(headStep), both.token);
    expect(e1).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });

    // At the filing step (a pool he belongs to) his own request is not his to file.
    const approved = await decideAs(t, r.head.token, own.id);
    const filing = pendingStep(approved);
    expect(filing.kind).toBe('admin_office');
    expect(await t.ok('approvals.inbox', {}, both.token)).toHaveLength(1); // still only theirs
    const e2 = await t.fail('approvals.decide', decision(filing), both.token);
    expect(e2).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });
    expect(notificationKinds(t, both.userId)).not.toContain('approval.task');
    await expectCountsMatchInbox(t, [both, r.office, r.head]);
    // The other office user may file it.
    expect((await decideAs(t, r.office.token, own.id)).status).toBe('filed');
  });
});

describe('events and notifications', () => {
  it('reach the right users along the C flow', async () => {
    const { t, r } = await companyApp();
    const office2 = await secondOffice(t, r);
    const events = captureEvents(t);
    const d = await submitted(t, r);
    const of = (name: AppEvent['name']) => events.filter((e) => e.name === name);
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

    expect(of('approvals.changed').map((e) => sorted(e.userIds))).toEqual([
      sorted([r.head.userId, r.host.userId]),
    ]);
    expect(of('notifications.created').map((e) => e.userIds)).toEqual([[r.head.userId]]);

    events.length = 0;
    await decideAs(t, r.head.token, d.id);
    const changed = new Set(of('approvals.changed').flatMap((e) => e.userIds));
    for (const u of [r.office, office2, r.host]) expect(changed.has(u.userId)).toBe(true);
    expect(changed.has(r.executive.userId)).toBe(false);
    const notified = of('notifications.created').map((e) => e.userIds[0]);
    expect(sorted(notified.filter((u) => u !== r.host.userId) as number[])).toEqual(
      sorted([r.office.userId, office2.userId]),
    );
    expect(notificationKinds(t, r.host.userId)).toEqual([
      'request.approved',
      'request.stepApproved',
    ]);
    for (const e of of('notifications.created')) expect(e.userIds).toHaveLength(1);

    events.length = 0;
    await decideAs(t, r.office.token, d.id);
    expect(of('approvals.changed').flatMap((e) => e.userIds)).toContain(r.host.userId);
    expect(of('notifications.created').map((e) => e.userIds)).toEqual([[r.host.userId]]);
    // What was pushed is what was stored.
    const pushed = of('notifications.created').map(
      (e) => (e.payload as { notification: { kind: string } }).notification.kind,
    );
    expect(pushed).toEqual(['request.filed']);
  });

  it('when one member of a pool files, the other members hear the task went away', async () => {
    const { t, r } = await companyApp();
    const office2 = await secondOffice(t, r);
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id);
    await expectInboxWatchersTold(t, [r.office, office2, r.head], r.office, () =>
      decideAs(t, r.office.token, d.id),
    );
  });

  it('when one member of a pool returns a request, the other members hear of it', async () => {
    const { t, r } = await companyApp();
    const office2 = await secondOffice(t, r);
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id);
    await expectInboxWatchersTold(t, [r.office, office2, r.head], r.office, () =>
      decideAs(t, r.office.token, d.id, 'return', '请改期'),
    );
  });

  it('when a delegate decides, the head hears his task went away', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    await expectInboxWatchersTold(t, [r.head, deputy, r.office], deputy, () =>
      decideAs(t, deputy.token, d.id),
    );
  });

  it('when the head decides himself, his delegate hears the task went away', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const d = await submitted(t, r);
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    await expectInboxWatchersTold(t, [r.head, deputy, r.office], r.head, () =>
      decideAs(t, r.head.token, d.id),
    );
  });

  it('a delegate hears of a new task for the head, and of its cancellation', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    await t.ok(
      'delegations.create',
      { delegateUserId: deputy.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    let d: RequestDossier | undefined;
    await expectInboxWatchersTold(t, [r.head, deputy, r.office], r.host, async () => {
      d = await submitted(t, r);
    });
    if (!d) throw new Error('not submitted');
    expect(await inboxIds(t, deputy.token)).toEqual([pendingStep(d).id]);
    const current = d;
    await expectInboxWatchersTold(t, [r.head, deputy, r.office], r.host, () =>
      t.ok(
        'requests.cancel',
        { id: current.id, version: current.version, reason: '取消' },
        r.host.token,
      ),
    );
    expect(await inboxIds(t, deputy.token)).toEqual([]);
  });

  it('submit, transfer and cancel tell everyone whose inbox changed', async () => {
    const { t, r } = await companyApp();
    const deputy = await deputyOf(t, r);
    const office2 = await secondOffice(t, r);
    const all = [r.head, deputy, r.office, office2, r.executive];
    let d: RequestDossier | undefined;
    await expectInboxWatchersTold(t, all, r.host, async () => {
      d = await submitted(t, r);
    });
    if (!d) throw new Error('not submitted');
    const step = pendingStep(d);
    await expectInboxWatchersTold(t, all, r.head, () =>
      t.ok(
        'approvals.transfer',
        { stepId: step.id, version: step.version, toUserId: deputy.userId, comment: '' },
        r.head.token,
      ),
    );
    const current = await t.ok('requests.get', { id: d.id }, r.host.token);
    await expectInboxWatchersTold(t, all, r.host, () =>
      t.ok(
        'requests.cancel',
        { id: current.id, version: current.version, reason: '取消' },
        r.host.token,
      ),
    );
  });
});
