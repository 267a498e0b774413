import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import {
  adminApp,
  companyApp,
  createUser,
  decideAs,
  drafted,
  newRequest,
  requestBody,
  signedInUser,
  submitted,
  type TestApp,
} from '../../test-support';

/** Issue 7, item 2: a chain nobody can approve is never submitted, and nothing typed is lost. */

/** A C-tier visit with lodging paid by the company: dept head, an executive, the admin office. */
const withExecutive = () =>
  requestBody({
    needs: {
      ...requestBody().needs,
      hotelNights: 1,
      hotelRooms: 1,
      companyPaysLodging: true,
    },
  });

const count = (t: TestApp, table: string) => t.count(table);

describe('submitting into a chain with a step nobody can act on', () => {
  it('a new company with only a host: refused, saved as a draft, no steps, no notifications', async () => {
    const { t, admin } = await adminApp();
    const dept = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const host = await signedInUser(t, admin.token, {
      login: 'host',
      displayName: '王接待',
      roles: ['host'],
      departmentId: dept.id,
    });

    const e = await t.fail('requests.submit', newRequest(), host.token);
    expect(e).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.noApproverDraftSaved.dept_head',
      params: { step: 'dept_head' },
    });
    // The message names the missing approver and whom to ask, in the caller's language.
    expect(e.message).toContain('部门负责人');
    expect(e.message).toContain('系统管理员');
    expect(e.message).toContain('已保存');
    expect(e.message).not.toContain('$t(');

    // The body is kept as a draft of the host's, and the error says which (for the form).
    const rows = t.rows<{ id: number; status: string; revision: number; version: number }>(
      'SELECT id, status, revision, version FROM requests',
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ status: 'draft', revision: 0 });
    expect(e.params).toMatchObject({ requestId: row?.id, version: row?.version });
    const draft = await t.ok('requests.get', { id: row?.id ?? 0 }, host.token);
    expect(draft.body).toEqual(requestBody({ departmentId: dept.id }));
    expect(draft.steps).toEqual([]);
    expect(count(t, 'approval_steps')).toBe(0);
    expect(count(t, 'request_revisions')).toBe(0);
    expect(count(t, 'notifications')).toBe(0);
    expect(t.rows<{ kind: string }>('SELECT kind FROM request_events')).toEqual([
      { kind: 'created' },
    ]);
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'requests.submit'",
    );
    expect(audit.map((a) => JSON.parse(a.summary) as unknown)).toEqual([
      expect.objectContaining({ notSubmitted: 'dept_head' }),
    ]);

    // A department head appears: the admin office is missing next.
    const head = await createUser(t, admin.token, {
      login: 'head',
      displayName: '李部长',
      roles: ['dept_head'],
      departmentId: dept.id,
    });
    await t.ok(
      'departments.update',
      { id: dept.id, name: '销售部', headUserId: head },
      admin.token,
    );
    const again = await t.fail(
      'requests.submit',
      { id: row?.id ?? 0, version: row?.version ?? 0, body: requestBody() },
      host.token,
    );
    expect(again).toMatchObject({ key: 'errors.noApproverDraftSaved.admin_office' });
    expect(again.params).toMatchObject({ requestId: row?.id, version: (row?.version ?? 0) + 1 });
    expect(count(t, 'requests')).toBe(1);
    expect(count(t, 'approval_steps')).toBe(0);

    // With the admin office there, the same draft goes through.
    await createUser(t, admin.token, { login: 'office', roles: ['admin_office'] });
    const d = await t.ok(
      'requests.submit',
      { id: row?.id ?? 0, version: Number(again.params?.version), body: requestBody() },
      host.token,
    );
    expect(d).toMatchObject({ id: row?.id, status: 'approving', revision: 1 });
  });

  it('says so in English too, naming whom to ask', async () => {
    expect(translate('en', 'errors.noApproverDraftSaved.executive')).toMatch(
      /executive.*system administrator.*saved/is,
    );
    expect(translate('zh-CN', 'errors.noApprover.admin_office')).toMatch(/人事行政部.*系统管理员/);
  });

  it('a disabled executive pool: an existing draft keeps the new body, nobody is asked', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r, { purpose: '初稿' });
    await t.ok(
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
    const e = await t.fail(
      'requests.submit',
      { id: d.id, version: d.version, body: withExecutive() },
      r.host.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.noApproverDraftSaved.executive' });
    expect(e.params).toMatchObject({ requestId: d.id, version: d.version + 1 });
    const kept = await t.ok('requests.get', { id: d.id }, r.host.token);
    expect(kept).toMatchObject({ status: 'draft', revision: 0, version: d.version + 1 });
    expect(kept.body.needs.companyPaysLodging).toBe(true);
    expect(count(t, 'approval_steps')).toBe(0);
    expect(count(t, 'notifications')).toBe(0);
  });

  it('a department whose head is disabled, with no other head: the dept head step has nobody', async () => {
    const { t, r } = await companyApp();
    await t.ok(
      'users.update',
      {
        id: r.head.userId,
        displayName: '李部长',
        departmentId: r.departmentId,
        roles: ['dept_head'],
        disabled: true,
      },
      r.admin.token,
    );
    const e = await t.fail('requests.submit', newRequest(), r.host.token);
    expect(e.key).toBe('errors.noApproverDraftSaved.dept_head');
    expect(count(t, 'approval_steps')).toBe(0);
  });

  it('the host never counts as his own approver: the only admin-office user hosting', async () => {
    const { t, r } = await companyApp();
    await t.ok(
      'users.update',
      {
        id: r.office.userId,
        displayName: '刘行政',
        departmentId: r.departmentId,
        roles: ['host', 'admin_office'],
        disabled: false,
      },
      r.admin.token,
    );
    const e = await t.fail('requests.submit', newRequest(), r.office.token);
    expect(e.key).toBe('errors.noApproverDraftSaved.admin_office');
    // Someone else of the office appears: it goes through.
    await createUser(t, r.admin.token, { login: 'office2', roles: ['admin_office'] });
    const id = Number(e.params?.requestId);
    const d = await t.ok(
      'requests.submit',
      { id, version: Number(e.params?.version), body: requestBody() },
      r.office.token,
    );
    expect(d.status).toBe('approving');
  });

  it('an approved request is left as it was: nothing is saved', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const approved = await decideAs(t, r.head.token, d.id);
    expect(approved.status).toBe('approved');
    await t.ok(
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
    const before = t.snapshot(['requests', 'request_revisions', 'approval_steps', 'notifications']);
    const e = await t.fail(
      'requests.submit',
      { id: d.id, version: approved.version, body: withExecutive() },
      r.host.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.noApprover.executive' });
    expect(
      t.snapshot(['requests', 'request_revisions', 'approval_steps', 'notifications']),
    ).toEqual(before);
  });

  it('every step staffed: submits as before', async () => {
    const { t, r } = await companyApp();
    const d = await t.ok('requests.submit', newRequest({ ...withExecutive() }), r.host.token);
    expect(d.status).toBe('approving');
  });
});
