import { describe, expect, it } from 'vitest';
import {
  companyApp,
  drafted,
  pendingStep,
  signedInUser,
  submitted,
  type Reception,
  type TestApp,
} from '../../test-support';

/** Issue 7, item 9: a draft is its host's alone; anyone else is answered "not found". */

/** Everyone of the company but the host, with a reader of all (finance) and the sysadmin. */
async function everyoneElse(t: TestApp, r: Reception) {
  const finance = await signedInUser(t, r.admin.token, {
    login: 'finance',
    displayName: '钱财务',
    roles: ['finance'],
  });
  const colleague = await signedInUser(t, r.admin.token, {
    login: 'host2',
    displayName: '赵接待',
    roles: ['host'],
    departmentId: r.departmentId,
  });
  return {
    head: r.head,
    executive: r.executive,
    office: r.office,
    finance,
    colleague,
    sysadmin: r.admin,
  };
}

describe("a draft is the host's own", () => {
  it('requests.get: "not found" to everyone but the host, whatever their roles', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    for (const [who, u] of Object.entries(await everyoneElse(t, r))) {
      const e = await t.fail('requests.get', { id: d.id }, u.token);
      expect(e, who).toMatchObject({ code: 'NOT_FOUND', key: 'errors.requestNotFound' });
    }
    expect((await t.ok('requests.get', { id: d.id }, r.host.token)).canCancel).toBe(true);
  });

  it('approvals.comment: "not found", nothing written', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    const before = t.snapshot(['request_events', 'notifications', 'requests']);
    for (const [who, u] of Object.entries(await everyoneElse(t, r))) {
      const e = await t.fail('approvals.comment', { requestId: d.id, comment: '看看' }, u.token);
      expect(e.code, who).toBe('NOT_FOUND');
    }
    expect(t.snapshot(['request_events', 'notifications', 'requests'])).toEqual(before);
    // The host may still note something on his own draft.
    await t.ok('approvals.comment', { requestId: d.id, comment: '待补充' }, r.host.token);
  });

  it('requests.cancel: the admin office gets "not found" for a draft; the host cancels it', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    const e = await t.fail(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '重复' },
      r.office.token,
    );
    expect(e).toMatchObject({ code: 'NOT_FOUND', key: 'errors.requestNotFound' });
    expect(t.rows('SELECT status FROM requests WHERE id = ?', d.id)).toEqual([{ status: 'draft' }]);
    const c = await t.ok(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '重复' },
      r.host.token,
    );
    expect(c.status).toBe('cancelled');
  });

  it('a cancelled draft, never submitted, stays his alone: in no one else’s read or list', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    await t.ok('requests.cancel', { id: d.id, version: d.version, reason: '不办了' }, r.host.token);
    expect((await t.fail('requests.get', { id: d.id }, r.office.token)).code).toBe('NOT_FOUND');
    const all = await t.ok('requests.list', { scope: 'all' }, r.office.token);
    expect(all.items.map((i) => i.id)).not.toContain(d.id);
    expect((await t.ok('requests.get', { id: d.id }, r.host.token)).status).toBe('cancelled');
  });

  it('once submitted, the approvers and readers of all see it as before; the office may cancel it', async () => {
    const { t, r } = await companyApp();
    const others = await everyoneElse(t, r);
    const d = await submitted(t, r);
    for (const u of [others.head, others.executive, others.office, others.finance]) {
      expect((await t.ok('requests.get', { id: d.id }, u.token)).id).toBe(d.id);
    }
    expect((await t.ok('requests.get', { id: d.id }, r.office.token)).canCancel).toBe(true);
    expect((await t.fail('requests.get', { id: d.id }, others.colleague.token)).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('approvals.candidates', () => {
  it('only for whoever may see the request and act on the step', async () => {
    const { t, r } = await companyApp();
    const others = await everyoneElse(t, r);
    const d = await submitted(t, r);
    const step = pendingStep(d);

    // An approver who may not see the request (another department's head): as if it did not exist.
    const otherHead = await signedInUser(t, r.admin.token, {
      login: 'head2',
      displayName: '孙部长',
      roles: ['dept_head'],
    });
    await t.ok(
      'departments.create',
      { name: '研发部', headUserId: otherHead.userId },
      r.admin.token,
    );
    const hidden = await t.fail('approvals.candidates', { stepId: step.id }, otherHead.token);
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', key: 'errors.requestNotFound' });
    // Approvers who see it, but whose step it is not.
    for (const u of [others.office, others.executive]) {
      const e = await t.fail('approvals.candidates', { stepId: step.id }, u.token);
      expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.notYourStep' });
    }
    // Without the approver's permission at all (a host, finance): refused at the door, as before.
    for (const u of [others.colleague, others.finance, r.host]) {
      expect((await t.fail('approvals.candidates', { stepId: step.id }, u.token)).code).toBe(
        'FORBIDDEN',
      );
    }
    // The approver of the step.
    const list = await t.ok('approvals.candidates', { stepId: step.id }, r.head.token);
    expect(list.map((c) => c.displayName).sort()).toEqual(['孙部长', '李部长'].sort());

    // A decided step is nobody's to hand over.
    await t.ok(
      'approvals.decide',
      { stepId: step.id, version: step.version, action: 'approve', comment: '' },
      r.head.token,
    );
    const done = await t.fail('approvals.candidates', { stepId: step.id }, r.head.token);
    expect(done.code).toBe('FORBIDDEN');
  });
});
