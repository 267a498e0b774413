import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context';
import {
  captureEvents,
  companyApp,
  HOUR,
  MINUTE,
  notificationKinds,
  requestBody,
  signIn,
  signedInUser,
  ADMIN,
  type TestApp,
} from '../../test-support';
import { createVisitTasks, setTaskDue, sweepDueTasks } from '.';
import { filedVisit, taskId } from './test-visit';

/** Shanghai wall clock → epoch ms. */
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
/** The unit tests' visit without its meeting room (no setup task), plus these needs. */
const needs = (extra: Partial<ReturnType<typeof requestBody>['needs']> = {}) => ({
  needs: { ...requestBody().needs, meetingRoom: false, ...extra },
});

/** A context outside any call (what a hook gets), on the test's clock. */
function bareContext(t: TestApp): ServiceContext {
  return {
    db: t.app.db,
    nowMs: t.now(),
    actor: null,
    sessionLocked: false,
    audit: () => undefined,
    emit: () => undefined,
    setSessionToken: () => undefined,
  };
}

const kinds = (t: TestApp, requestId: number) =>
  t
    .rows<{ kind: string }>(
      'SELECT kind FROM tasks WHERE request_id = ? ORDER BY due_at_ms',
      requestId,
    )
    .map((r) => r.kind);

const sweep = (t: TestApp) => sweepDueTasks(t.app, t.now());

describe('filing a request sets up its tasks', () => {
  it('creates each task once, even when asked twice', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs({ pickup: true, banner: true }));
    expect(kinds(t, id)).toEqual([
      'signs_and_setup',
      'confirm_arrival',
      'driver_at_pickup',
      'submit_reimbursement',
    ]);
    await createVisitTasks(bareContext(t), id);
    expect(t.count('tasks', 'request_id = ?', id)).toBe(4);
    const confirm = t.rows<{ owner_user_id: number; due_at_ms: number }>(
      "SELECT owner_user_id, due_at_ms FROM tasks WHERE kind = 'confirm_arrival'",
    )[0];
    expect(confirm).toEqual({ owner_user_id: r.host.userId, due_at_ms: at('2026-12-01', '08:30') });
  });

  it('a request not yet filed has none', async () => {
    const { t, r } = await companyApp();
    const d = await t.ok(
      'requests.submit',
      { id: null, version: null, body: requestBody() },
      r.host.token,
    );
    expect(t.count('tasks', 'request_id = ?', d.id)).toBe(0);
    expect(await t.ok('tasks.ofRequest', { requestId: d.id }, r.host.token)).toEqual([]);
  });

  it("lists them per owner: the host's own, the admin office's", async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs({ pickup: true }));
    const mine = await t.ok('tasks.mine', {}, r.host.token);
    expect(mine.items.map((i) => i.kind)).toEqual(['confirm_arrival', 'submit_reimbursement']);
    expect(mine.items[0]).toMatchObject({
      requestId: id,
      orgName: '华东精密仪器有限公司',
      ownerName: '王接待',
      canAct: true,
      doneAtMs: null,
    });
    const office = await t.ok('tasks.mine', {}, r.office.token);
    expect(office.items.map((i) => [i.kind, i.ownerRole])).toEqual([
      ['driver_at_pickup', 'admin_office'],
    ]);
    expect((await t.ok('tasks.mine', {}, r.executive.token)).items).toEqual([]);
  });

  it('pages by due time across the person and his role', async () => {
    const { t, r } = await companyApp();
    await filedVisit(t, r, needs({ pickup: true }));
    await filedVisit(t, r, {
      ...needs({ pickup: true }),
      arrivalDate: '2026-12-03',
      departureDate: '2026-12-03',
      orgName: '上海电气',
    });
    // The office's user also hosts: a person's and a role's tasks in one list.
    const all = (await t.ok('tasks.mine', { limit: 50 }, r.office.token)).items;
    expect(all).toHaveLength(2);
    const first = await t.ok('tasks.mine', { limit: 1 }, r.office.token);
    expect(first.items).toHaveLength(1);
    expect(first.next).not.toBeNull();
    const second = await t.ok(
      'tasks.mine',
      { limit: 1, after: first.next ?? undefined },
      r.office.token,
    );
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(second.next).toBeNull();
  });

  it('shows a visit to those who may see the request, "not found" to others', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs());
    for (const who of [r.host, r.head, r.office, r.executive]) {
      expect((await t.ok('tasks.ofRequest', { requestId: id }, who.token)).length).toBe(2);
    }
    const { token } = await signedInUser(t, r.admin.token, { login: 'host2', roles: ['host'] });
    expect((await t.fail('tasks.ofRequest', { requestId: id }, token)).code).toBe('NOT_FOUND');
    expect((await t.fail('tasks.ofRequest', { requestId: 9999 }, r.host.token)).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('done and reopened', () => {
  it('the owner, a holder of the role or the admin office; twice is fine', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs({ pickup: true }));
    const confirm = taskId(t, id, 'confirm_arrival');
    const driver = taskId(t, id, 'driver_at_pickup');
    // Neither the host's nor his role's: the host may see the visit, so he is told why.
    expect(await t.fail('tasks.complete', { id: driver }, r.host.token)).toMatchObject({
      code: 'FORBIDDEN',
      key: 'errors.notYourTask',
    });
    expect((await t.fail('tasks.complete', { id: confirm }, r.executive.token)).code).toBe(
      'FORBIDDEN',
    );
    const done = await t.ok('tasks.complete', { id: confirm }, r.host.token);
    expect(done).toMatchObject({ doneAtMs: t.now(), doneByName: '王接待' });
    t.advance(MINUTE);
    const again = await t.ok('tasks.complete', { id: confirm }, r.host.token);
    expect(again.doneAtMs).toBe(done.doneAtMs);
    // The admin office may tick off a host's task too.
    const office = await t.ok('tasks.complete', { id: driver }, r.office.token);
    expect(office.doneByName).toBe('刘行政');
    expect((await t.ok('tasks.mine', {}, r.host.token)).items.map((i) => i.kind)).toEqual([
      'submit_reimbursement',
    ]);
    expect(
      (await t.ok('tasks.mine', { done: true }, r.host.token)).items.map((i) => i.kind),
    ).toEqual(['confirm_arrival']);
    const reopened = await t.ok('tasks.reopen', { id: confirm }, r.host.token);
    expect(reopened).toMatchObject({ doneAtMs: null, doneByName: null });
    expect(t.count('audit_log', "operation IN ('tasks.complete', 'tasks.reopen')")).toBe(4);
  });

  it('a task done more than a week ago leaves the done list', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs());
    await t.ok('tasks.complete', { id: taskId(t, id, 'confirm_arrival') }, r.host.token);
    t.advance(8 * 24 * HOUR);
    const token = await signIn(t, 'host');
    expect((await t.ok('tasks.mine', { done: true }, token)).items).toEqual([]);
  });

  it('cancelling the request voids its open tasks; a void task cannot be done', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs());
    const confirm = taskId(t, id, 'confirm_arrival');
    const reimburse = taskId(t, id, 'submit_reimbursement');
    await t.ok('tasks.complete', { id: reimburse }, r.host.token);
    const events = captureEvents(t);
    const d = await t.ok('requests.get', { id }, r.host.token);
    await t.ok('requests.cancel', { id, version: d.version, reason: '客户改期' }, r.host.token);
    expect(t.count('tasks', 'request_id = ? AND voided_at_ms IS NOT NULL', id)).toBe(1);
    expect(events.some((e) => e.name === 'tasks.changed')).toBe(true);
    expect((await t.ok('tasks.mine', {}, r.host.token)).items).toEqual([]);
    expect(await t.fail('tasks.complete', { id: confirm }, r.host.token)).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.taskVoided',
    });
    const views = await t.ok('tasks.ofRequest', { requestId: id }, r.host.token);
    expect(views.find((v) => v.id === reimburse)?.voidedAtMs).toBeNull();
    // A task done before the cancel stays done: reopening it would leave work on a visit that
    // will not happen.
    expect(await t.fail('tasks.reopen', { id: reimburse }, r.host.token)).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.taskVoided',
    });
  });
});

describe('reminders', () => {
  it('tell the owner once, when due on the frozen clock', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs());
    const due = at('2026-12-01', '08:30');
    expect(await sweep(t)).toBe(0);
    t.advance(due - t.now() - 1);
    expect(await sweep(t)).toBe(0);
    const events = captureEvents(t);
    t.advance(1);
    expect(await sweep(t)).toBe(1);
    expect(notificationKinds(t, r.host.userId).filter((k) => k === 'task.due')).toHaveLength(1);
    const host = await signIn(t, 'host');
    const n = (await t.ok('notifications.list', {}, host)).items[0];
    expect(n).toMatchObject({
      titleKey: 'tasks.due.confirm_arrival',
      params: { code: expect.stringMatching(/^JD/), org: '华东精密仪器有限公司' },
      target: { type: 'request', id },
    });
    expect(events.map((e) => e.name)).toEqual(['notifications.created', 'tasks.changed']);
    t.advance(HOUR);
    expect(await sweep(t)).toBe(0);
    expect(notificationKinds(t, r.host.userId).filter((k) => k === 'task.due')).toHaveLength(1);
    const [task] = await t.ok('tasks.ofRequest', { requestId: id }, await signIn(t, 'host'));
    expect(task?.notifiedAtMs).toBe(due);
  });

  it('skip tasks already done', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs());
    await t.ok('tasks.complete', { id: taskId(t, id, 'confirm_arrival') }, r.host.token);
    t.advance(at('2026-12-01', '09:00') - t.now());
    expect(await sweep(t)).toBe(0);
  });

  it('go to the admin office when the owner is disabled, to the administrators when nobody holds the role', async () => {
    const { t, r } = await companyApp();
    await filedVisit(t, r, needs({ pickup: true }));
    await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host'],
        disabled: true,
      },
      r.admin.token,
    );
    await t.ok(
      'users.update',
      {
        id: r.office.userId,
        displayName: '刘行政',
        departmentId: null,
        roles: ['admin_office'],
        disabled: false,
      },
      r.admin.token,
    );
    t.advance(at('2026-12-01', '08:45') - t.now());
    expect(await sweep(t)).toBe(1); // confirm_arrival: the host is disabled
    expect(notificationKinds(t, r.office.userId)).toContain('task.due');
    expect(notificationKinds(t, r.host.userId)).not.toContain('task.due');
    // Nobody active in the admin office: its own task goes to the system administrator.
    await t.ok(
      'users.update',
      {
        id: r.office.userId,
        displayName: '刘行政',
        departmentId: null,
        roles: ['admin_office'],
        disabled: true,
      },
      await signIn(t, ADMIN.login, ADMIN.password),
    );
    t.advance(30 * MINUTE);
    expect(await sweep(t)).toBe(1); // driver_at_pickup
    expect(notificationKinds(t, r.admin.userId)).toContain('task.due');
  });

  it('a disabled host’s open tasks move to the admin office at once; done ones stay his', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs({ pickup: true }));
    const hostTasks = () =>
      t.rows<{ kind: string; owner_user_id: number | null; owner_role: string | null }>(
        'SELECT kind, owner_user_id, owner_role FROM tasks WHERE request_id = ? ORDER BY kind',
        id,
      );
    const mine = hostTasks().filter((x) => x.owner_user_id === r.host.userId);
    expect(mine.length).toBeGreaterThan(1);
    await t.ok('tasks.complete', { id: taskId(t, id, mine[0]!.kind) }, r.host.token);
    const events = captureEvents(t);
    await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host'],
        disabled: true,
      },
      r.admin.token,
    );
    const after = hostTasks();
    expect(after.find((x) => x.kind === mine[0]!.kind)?.owner_user_id).toBe(r.host.userId);
    for (const m of mine.slice(1)) {
      expect(after.find((x) => x.kind === m.kind)).toMatchObject({
        owner_user_id: null,
        owner_role: 'admin_office',
      });
    }
    expect(
      events.some((e) => e.name === 'tasks.changed' && e.userIds.includes(r.office.userId)),
    ).toBe(true);
    const page = await t.ok('tasks.mine', {}, r.office.token);
    for (const m of mine.slice(1)) expect(page.items.map((x) => x.kind)).toContain(m.kind);
  });

  it('a task moved later is reminded again at its new time', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, needs({ pickup: true }));
    t.advance(at('2026-12-01', '09:15') - t.now());
    expect(await sweep(t)).toBe(2);
    const ctx = { ...bareContext(t) };
    expect(await setTaskDue(ctx, id, 'driver_at_pickup', at('2026-12-01', '10:00'))).toBe(true);
    expect(await sweep(t)).toBe(0);
    t.advance(45 * MINUTE);
    expect(await sweep(t)).toBe(1);
    expect(await setTaskDue(ctx, id, 'book_return_tickets', t.now())).toBe(false);
  });
});
