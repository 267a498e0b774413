import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../../shared/policy/policy';
import { emptyRequestBody, type RequestBody } from '../../../shared/requests/schema';
import type { RequestDossier } from '../../../shared/requests/views';
import {
  captureEvents,
  companyApp,
  decideAs,
  drafted,
  makeTestApp,
  MINUTE,
  newRequest,
  notificationKinds,
  pendingStep,
  receptionCompany,
  requestBody,
  signedInUser,
  signIn,
  submitted,
  type Reception,
  type TestApp,
} from '../../test-support';

const REQUEST_TABLES = [
  'requests',
  'request_revisions',
  'approval_steps',
  'request_events',
  'notifications',
  'audit_log',
];

const stepsOf = (d: RequestDossier) =>
  d.steps.filter((s) => s.revision === d.revision).map((s) => `${s.kind}:${s.status}:${s.reason}`);
const checkCodes = (d: { checks: { code: string; severity: string }[] }) =>
  d.checks.map((c) => `${c.code}:${c.severity}`);

async function secondHost(t: TestApp, r: Reception) {
  return signedInUser(t, r.admin.token, {
    login: 'host2',
    displayName: '赵接待',
    roles: ['host'],
    departmentId: r.departmentId,
  });
}

describe('requests.saveDraft', () => {
  it('saves an incomplete draft: code, status, no policy version, an event and an audit entry', async () => {
    const { t, r } = await companyApp();
    const body: RequestBody = { ...emptyRequestBody(), orgName: '华东精密' };
    const d = await t.ok('requests.saveDraft', { id: null, version: null, body }, r.host.token);
    expect(d).toMatchObject({
      code: 'JD20261127-001',
      status: 'draft',
      hostUserId: r.host.userId,
      hostName: '王接待',
      departmentId: r.departmentId,
      departmentName: '销售部',
      orgName: '华东精密',
      revision: 0,
      version: 1,
      policyVersion: null,
      canEdit: true,
      canCancel: true,
      myStep: null,
      steps: [],
    });
    // The host's department is filled in when the form leaves it empty.
    expect(d.body.departmentId).toBe(r.departmentId);
    expect(d.events.map((e) => e.kind)).toEqual(['created']);
    expect(t.count('audit_log', "operation = 'requests.saveDraft'")).toBe(1);
    expect(t.count('approval_steps')).toBe(0);
    expect(t.count('request_revisions')).toBe(0);

    const second = await t.ok(
      'requests.saveDraft',
      { id: null, version: null, body },
      r.host.token,
    );
    expect(second.code).toBe('JD20261127-002');
  });

  it('stores edits at the version the host saw and refuses a stale version', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    t.advance(MINUTE);
    const edited = await t.ok(
      'requests.saveDraft',
      { id: d.id, version: d.version, body: requestBody({ orgName: '华东精密（上海）' }) },
      r.host.token,
    );
    expect(edited).toMatchObject({ orgName: '华东精密（上海）', version: d.version + 1 });
    expect(edited.updatedAtMs).toBe(t.now());

    const before = t.snapshot(REQUEST_TABLES);
    const stale = await t.fail(
      'requests.saveDraft',
      { id: d.id, version: d.version, body: requestBody({ orgName: '旧版本' }) },
      r.host.token,
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'errors.staleRequest' });
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
  });

  it.each([
    [
      'a garbage phone',
      {
        visitors: [
          { name: '陈立', title: '', phone: 'call me', idType: null, idNumber: '', notes: '' },
        ],
      },
      'body.visitors.0.phone',
      'validation.phone',
    ],
    [
      'a negative amount',
      { budget: [{ category: 'gifts', amountFen: -100, reason: '' }] },
      'body.budget.0.amountFen',
      'validation.nonNegative',
    ],
    [
      'a fractional amount',
      { budget: [{ category: 'gifts', amountFen: 10.5, reason: '' }] },
      'body.budget.0.amountFen',
      'validation.fenInteger',
    ],
    [
      'a 10 000-character purpose',
      { purpose: '目'.repeat(10_000) },
      'body.purpose',
      'validation.tooLong',
    ],
    ['an impossible date', { arrivalDate: '2026-02-30' }, 'body.arrivalDate', 'validation.date'],
    [
      '500 visitors',
      {
        visitors: Array.from({ length: 500 }, (_, i) => ({
          name: `访客${i}`,
          title: '',
          phone: '',
          idType: null,
          idNumber: '',
          notes: '',
        })),
      },
      'body.visitors',
      'validation.tooManyVisitors',
    ],
  ] as const)('rejects %s and saves nothing', async (_label, overrides, path, key) => {
    const { t, r } = await companyApp();
    const draft = await drafted(t, r);
    const before = t.snapshot(REQUEST_TABLES);
    const body = { ...requestBody(), ...overrides };
    for (const id of [null, draft.id]) {
      const error = await t.fail(
        'requests.saveDraft',
        { id, version: id === null ? null : draft.version, body },
        r.host.token,
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fieldErrors?.[path]?.key).toBe(key);
    }
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
  });

  it('another host cannot save over my draft', async () => {
    const { t, r } = await companyApp();
    const other = await secondHost(t, r);
    const d = await drafted(t, r);
    const before = t.snapshot(REQUEST_TABLES);
    const error = await t.fail(
      'requests.saveDraft',
      { id: d.id, version: d.version, body: requestBody({ orgName: '偷改' }) },
      other.token,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.code);
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
  });

  it('a user without the host role cannot file requests', async () => {
    const { t, r } = await companyApp();
    const error = await t.fail('requests.saveDraft', newRequest(), r.head.token);
    expect(error.code).toBe('FORBIDDEN');
    expect(t.count('requests')).toBe(0);
  });
});

describe('requests.submit', () => {
  it('checks completeness: the missing fields come back and nothing is saved', async () => {
    const { t, r } = await companyApp();
    const before = t.snapshot(REQUEST_TABLES);
    const error = await t.fail(
      'requests.submit',
      newRequest({ purpose: '', visitors: [] }),
      r.host.token,
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', key: 'errors.INVALID_INPUT' });
    expect(error.fieldErrors).toEqual({
      'body.purpose': { key: 'validation.required' },
      'body.visitors': { key: 'validation.visitorsRequired' },
    });
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
  });

  it('arrival after departure is refused with departureAfterArrival', async () => {
    const { t, r } = await companyApp();
    const error = await t.fail(
      'requests.submit',
      newRequest({ departureDate: '2026-11-30' }),
      r.host.token,
    );
    expect(error.fieldErrors).toEqual({
      'body.departureDate': { key: 'validation.departureAfterArrival' },
    });
    expect(t.count('requests')).toBe(0);
  });

  it('a policy block stops the submission and leaves the saved draft exactly as it was', async () => {
    const { t, r } = await companyApp();
    const draft = await drafted(t, r);
    const before = t.snapshot(REQUEST_TABLES);
    const error = await t.fail(
      'requests.submit',
      {
        id: draft.id,
        version: draft.version,
        body: requestBody({
          tier: 'B',
          budget: [{ category: 'tobacco_alcohol', amountFen: 50000, reason: '' }],
        }),
      },
      r.host.token,
    );
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      key: 'errors.policyBlocks',
      params: { count: 2 },
    });
    expect(error.fieldErrors?.['body.tierOverrideReason']?.key).toBe('checks.tier_override_reason');
    expect(error.fieldErrors?.['body.budget']).toEqual({
      key: 'checks.budget_over_estimate',
      params: { category: 'tobacco_alcohol', estimateFen: 0, amountFen: 50000 },
    });
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
    const still = await t.ok('requests.get', { id: draft.id }, r.host.token);
    expect(still.status).toBe('draft');
  });

  it('a C-tier request goes to approving: dept head pending, admin office waiting; the head is told', async () => {
    const { t, r } = await companyApp();
    const events = captureEvents(t);
    const d = await submitted(t, r);
    expect(d).toMatchObject({
      status: 'approving',
      revision: 1,
      policyVersion: 1,
      tier: 'C',
      visitorCount: 2,
      budgetTotalFen: 30000,
      canEdit: false,
      canCancel: true,
      myStep: null,
    });
    expect(stepsOf(d)).toEqual(['dept_head:pending:base', 'admin_office:waiting:base']);
    expect(d.steps[0]).toMatchObject({ assigneeUserId: r.head.userId, assigneeName: '李部长' });
    expect(d.steps[1]?.assigneeUserId).toBeNull();
    expect(d.events.map((e) => e.kind)).toEqual(['created', 'submitted']);
    expect(d.events[1]?.data).toEqual({ revision: 1, policyVersion: 1 });
    expect(d.checks).toEqual([]);
    expect(d.budget.totalFen).toBe(30000);

    const rev = t.rows<{ revision: number; policy_version: number; submitted_by: number }>(
      'SELECT revision, policy_version, submitted_by FROM request_revisions WHERE request_id = ?',
      d.id,
    );
    expect(rev).toEqual([{ revision: 1, policy_version: 1, submitted_by: r.host.userId }]);

    expect(notificationKinds(t, r.head.userId)).toEqual(['approval.task']);
    for (const u of [r.host, r.office, r.executive])
      expect(notificationKinds(t, u.userId)).toEqual([]);
    const changed = events.filter((e) => e.name === 'approvals.changed');
    expect(changed).toHaveLength(1);
    expect([...(changed[0]?.userIds ?? [])].sort()).toEqual([r.head.userId, r.host.userId].sort());
    expect(changed[0]?.payload).toEqual({ requestId: d.id });
    const created = events.filter((e) => e.name === 'notifications.created');
    expect(created.map((e) => e.userIds)).toEqual([[r.head.userId]]);

    const inbox = await t.ok('approvals.inbox', {}, r.head.token);
    expect(inbox.map((i) => i.request.id)).toEqual([d.id]);
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'requests.submit'",
    );
    expect(JSON.parse(audit[0]?.summary ?? '{}')).toMatchObject({
      revision: 1,
      tier: 'C',
      policyVersion: 1,
      chain: ['dept_head', 'admin_office'],
    });
  });

  it('submitting a saved draft keeps its code and moves it on', async () => {
    const { t, r } = await companyApp();
    const draft = await drafted(t, r);
    const d = await t.ok(
      'requests.submit',
      { id: draft.id, version: draft.version, body: requestBody() },
      r.host.token,
    );
    expect(d).toMatchObject({ id: draft.id, code: draft.code, status: 'approving', revision: 1 });
    expect(t.count('requests')).toBe(1);
  });

  it('company-paid lodging adds the executive: dept_head → executive → admin_office', async () => {
    const { t, r } = await companyApp();
    const base = requestBody();
    const d = await submitted(t, r, {
      departureDate: '2026-12-02',
      needs: { ...base.needs, hotelNights: 1, hotelRooms: 2, companyPaysLodging: true },
    });
    expect(stepsOf(d)).toEqual([
      'dept_head:pending:base',
      'executive:waiting:company_lodging',
      'admin_office:waiting:base',
    ]);
    expect(checkCodes(d)).toEqual(['company_lodging:approval']);
    expect(d.budget.lines.find((l) => l.category === 'lodging')?.amountFen).toBe(90000);
    expect(d.budgetTotalFen).toBe(30000 + 90000);
  });

  it('lodging paid by the visitor adds nothing', async () => {
    const { t, r } = await companyApp();
    const base = requestBody();
    const d = await submitted(t, r, {
      departureDate: '2026-12-02',
      needs: { ...base.needs, hotelNights: 1, hotelRooms: 2 },
    });
    expect(stepsOf(d)).toEqual(['dept_head:pending:base', 'admin_office:waiting:base']);
    expect(d.budgetTotalFen).toBe(30000);
  });

  it('a head filing his own request goes to an executive instead of approving himself', async () => {
    const { t, r } = await companyApp();
    const boss = await signedInUser(t, r.admin.token, {
      login: 'boss',
      displayName: '周经理',
      roles: ['host', 'dept_head'],
    });
    const dept = await t.ok(
      'departments.create',
      { name: '市场部', headUserId: boss.userId },
      r.admin.token,
    );
    await t.ok(
      'users.update',
      {
        id: boss.userId,
        displayName: '周经理',
        departmentId: dept.id,
        roles: ['host', 'dept_head'],
        disabled: false,
      },
      r.admin.token,
    );
    const d = await t.ok('requests.submit', newRequest(), boss.token);
    expect(stepsOf(d)).toEqual(['executive:pending:host_is_head', 'admin_office:waiting:base']);
    expect(d.status).toBe('approving');
    expect(await t.ok('approvals.count', {}, boss.token)).toEqual({ count: 0 });
    expect(await t.ok('approvals.count', {}, r.executive.token)).toEqual({ count: 1 });
    expect(await t.ok('approvals.count', {}, r.office.token)).toEqual({ count: 0 });
    expect(await t.ok('approvals.count', {}, r.head.token)).toEqual({ count: 0 });
    expect(notificationKinds(t, r.executive.userId)).toEqual(['approval.task']);
  });

  it('a head with the executive already in his chain is not asked twice: his own step is skipped', async () => {
    const { t, r } = await companyApp();
    await t.ok(
      'users.update',
      {
        id: r.head.userId,
        displayName: '李部长',
        departmentId: r.departmentId,
        roles: ['dept_head', 'host'],
        disabled: false,
      },
      r.admin.token,
    );
    const d = await t.ok(
      'requests.submit',
      {
        id: null,
        version: null,
        body: requestBody({
          needs: {
            ...requestBody().needs,
            companyPaysLodging: true,
            hotelNights: 1,
            hotelRooms: 1,
          },
        }),
      },
      r.head.token,
    );
    expect(stepsOf(d)).toEqual([
      'dept_head:skipped:host_is_head',
      'executive:pending:company_lodging',
      'admin_office:waiting:base',
    ]);
  });

  it('an A-tier request one day ahead is blocked by the lead time', async () => {
    const { t, r } = await companyApp();
    const before = t.snapshot(REQUEST_TABLES);
    const error = await t.fail(
      'requests.submit',
      {
        id: null,
        version: null,
        body: requestBody({
          orgCategory: 'government',
          tier: 'A',
          arrivalDate: '2026-11-28',
          departureDate: '2026-11-28',
        }),
      },
      r.host.token,
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', key: 'errors.policyBlocks' });
    expect(error.fieldErrors?.['body.arrivalDate']).toEqual({
      key: 'checks.lead_time',
      params: { tier: 'A', days: 2, lead: 1, earliestDate: '2026-11-29' },
    });
    expect(t.snapshot(REQUEST_TABLES)).toEqual(before);
  });

  it('an A-tier request two days ahead goes through the executive', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r, {
      orgCategory: 'government',
      tier: 'A',
      arrivalDate: '2026-11-29',
      departureDate: '2026-11-29',
    });
    expect(stepsOf(d)).toEqual([
      'dept_head:pending:base',
      'executive:waiting:base',
      'admin_office:waiting:base',
    ]);
  });

  it('a past arrival is blocked unless the request is retroactive; a retroactive one is accepted and flagged', async () => {
    const { t, r } = await companyApp();
    const past = { arrivalDate: '2026-11-20', departureDate: '2026-11-20' };
    const error = await t.fail('requests.submit', newRequest(past), r.host.token);
    expect(error.fieldErrors?.['body.arrivalDate']?.key).toBe('checks.arrival_in_past');
    expect(t.count('requests')).toBe(0);

    const noReason = await t.fail(
      'requests.submit',
      newRequest({ ...past, retroactive: true }),
      r.host.token,
    );
    expect(noReason.fieldErrors).toEqual({
      'body.retroactiveReason': { key: 'validation.required' },
    });

    const d = await submitted(t, r, {
      ...past,
      retroactive: true,
      retroactiveReason: '客户临时来访，事后补办',
    });
    expect(d).toMatchObject({ status: 'approving', retroactive: true });
    expect(checkCodes(d)).toEqual([]);
    const list = await t.ok('requests.list', { scope: 'mine' }, r.host.token);
    expect(list.items.map((i) => [i.id, i.retroactive])).toEqual([[d.id, true]]);
  });

  it('warns about a repeat visit of the same organisation (any letter case) within 15 days', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: 'ACME Ltd' });
    const d = await submitted(t, r, {
      orgName: 'acme ltd',
      arrivalDate: '2026-12-16',
      departureDate: '2026-12-16',
      needs: { ...requestBody().needs, meals: [] },
    });
    expect(checkCodes(d)).toEqual(['repeat_visit:warn']);
    const far = await submitted(t, r, {
      orgName: 'ACME LTD',
      arrivalDate: '2027-01-10',
      departureDate: '2027-01-10',
    });
    expect(checkCodes(far)).toEqual([]);
  });

  it('a cancelled request does not count as a previous visit', async () => {
    const { t, r } = await companyApp();
    const first = await submitted(t, r);
    await t.ok(
      'requests.cancel',
      { id: first.id, version: first.version, reason: '客户取消' },
      r.host.token,
    );
    const second = await submitted(t, r);
    expect(checkCodes(second)).toEqual([]);
  });
});

describe('policy versions', () => {
  it('a request keeps its policy version after the sysadmin changes the policy; new ones use the new version', async () => {
    const { t, r } = await companyApp();
    const old = await submitted(t, r);
    const oldBefore = await t.ok('requests.get', { id: old.id }, r.host.token);

    const policy: Policy = structuredClone(DEFAULT_POLICY);
    policy.tiers.C.mealCapFen = 8000;
    policy.tiers.C.mealStandardFen = { min: 6000, max: 8000 };
    policy.chains.base.C = ['dept_head', 'executive', 'admin_office'];
    t.advance(MINUTE);
    const v2 = await t.ok('policy.update', { policy, note: '降低 C 级餐标' }, r.admin.token);
    expect(v2).toMatchObject({ version: 2, note: '降低 C 级餐标', createdAtMs: t.now() });
    expect(v2.policy).toEqual(policy);
    expect((await t.ok('policy.get', {}, r.host.token)).version).toBe(2);
    expect((await t.ok('policy.get', { version: 1 }, r.host.token)).policy).toEqual(DEFAULT_POLICY);

    const oldAfter = await t.ok('requests.get', { id: old.id }, r.host.token);
    expect(oldAfter.policyVersion).toBe(1);
    expect(oldAfter.checks).toEqual(oldBefore.checks);
    expect(oldAfter.budget).toEqual(oldBefore.budget);
    expect(oldAfter.budget.lines.find((l) => l.category === 'meals')?.amountFen).toBe(30000);
    expect(stepsOf(oldAfter)).toEqual(['dept_head:pending:base', 'admin_office:waiting:base']);

    const fresh = await submitted(t, r, { orgName: '另一家公司' });
    expect(fresh.policyVersion).toBe(2);
    expect(fresh.budget.lines.find((l) => l.category === 'meals')?.amountFen).toBe(24000);
    expect(stepsOf(fresh)).toEqual([
      'dept_head:pending:base',
      'executive:waiting:base',
      'admin_office:waiting:base',
    ]);
    // A lunch at the old cap is now over the new one.
    const over = await t.ok(
      'requests.preview',
      {
        id: null,
        body: requestBody({
          needs: {
            ...requestBody().needs,
            meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: 10000 }],
          },
        }),
      },
      r.host.token,
    );
    expect(over.policyVersion).toBe(2);
    expect(over.checks.map((c) => c.code)).toContain('meal_over_cap');
  });

  it('only a sysadmin may change the policy, and only to a valid one', async () => {
    const { t, r } = await companyApp();
    const forbidden = await t.fail(
      'policy.update',
      { policy: DEFAULT_POLICY, note: '' },
      r.executive.token,
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const bad = structuredClone(DEFAULT_POLICY) as unknown as {
      tiers: { C: { mealCapFen: number } };
    };
    bad.tiers.C.mealCapFen = -5;
    const invalid = await t.fail('policy.update', { policy: bad, note: '' }, r.admin.token);
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(Object.keys(invalid.fieldErrors ?? {})).toEqual(['policy.tiers.C.mealCapFen']);
    expect(t.count('policy_versions')).toBe(1);
  });
});

describe('requests.cancel', () => {
  it('the host cancels: steps are void, the pending approver is told, the reason is on record', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const events = captureEvents(t);
    const empty = await t.fail(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '  ' },
      r.host.token,
    );
    expect(empty.fieldErrors?.reason?.key).toBe('validation.required');

    const c = await t.ok(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '客户行程取消' },
      r.host.token,
    );
    expect(c.status).toBe('cancelled');
    expect(c.steps.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(c.canCancel).toBe(false);
    expect(c.events.at(-1)).toMatchObject({ kind: 'cancelled', comment: '客户行程取消' });
    expect(notificationKinds(t, r.head.userId)).toEqual(['approval.task', 'request.cancelled']);
    expect(notificationKinds(t, r.host.userId)).toEqual([]);
    expect(notificationKinds(t, r.office.userId)).toEqual([]);
    expect(events.find((e) => e.name === 'approvals.changed')?.userIds).toEqual([r.head.userId]);
    expect(await t.ok('approvals.count', {}, r.head.token)).toEqual({ count: 0 });
  });

  it('after the head approved, both the head and the admin office hear of the cancellation', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const approved = await decideAs(t, r.head.token, d.id);
    await t.ok(
      'requests.cancel',
      { id: d.id, version: approved.version, reason: '取消' },
      r.host.token,
    );
    expect(notificationKinds(t, r.head.userId).at(-1)).toBe('request.cancelled');
    expect(notificationKinds(t, r.office.userId)).toEqual(['approval.task', 'request.cancelled']);
  });

  it('refuses a stale version, a second cancel and a stranger', async () => {
    const { t, r } = await companyApp();
    const other = await secondHost(t, r);
    const d = await submitted(t, r);
    const stale = await t.fail(
      'requests.cancel',
      { id: d.id, version: d.version - 1, reason: '取消' },
      r.host.token,
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'errors.staleRequest' });
    const stranger = await t.fail(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '取消' },
      other.token,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(stranger.code);
    const c = await t.ok(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '取消' },
      r.host.token,
    );
    const again = await t.fail(
      'requests.cancel',
      { id: d.id, version: c.version, reason: '再取消' },
      r.host.token,
    );
    expect(again).toMatchObject({ code: 'CONFLICT', key: 'errors.badTransition' });
  });

  it('the admin office may cancel a request; the host is told', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const c = await t.ok(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '场地不可用' },
      r.office.token,
    );
    expect(c.status).toBe('cancelled');
    expect(notificationKinds(t, r.host.userId)).toEqual(['request.cancelled']);
  });
});

describe('requests.list', () => {
  async function fourRequests(t: TestApp) {
    const r = await receptionCompany(t);
    const other = await secondHost(t, r);
    const r1 = await submitted(t, r); // 华东精密, C, 12-01, 30 000
    t.advance(MINUTE);
    const r2 = await submitted(t, r, {
      orgName: '上海电气集团',
      orgCategory: 'key_client',
      tier: 'B',
      arrivalDate: '2026-12-10',
      departureDate: '2026-12-11',
    }); // B, 39 000
    t.advance(MINUTE);
    const r3 = await t.ok(
      'requests.submit',
      {
        id: null,
        version: null,
        body: requestBody({
          orgName: '北京字节跳动',
          arrivalDate: '2026-12-20',
          departureDate: '2026-12-20',
          purpose: '100%_达成 "引号" C:\\temp',
        }),
      },
      r.host.token,
    ); // C, 12-20, 30 000
    t.advance(MINUTE);
    const r4 = await t.ok(
      'requests.submit',
      {
        id: null,
        version: null,
        body: requestBody({
          orgName: '深圳腾讯',
          arrivalDate: '2026-12-05',
          departureDate: '2026-12-05',
          visitors: [
            { name: '马化腾', title: '', phone: '', idType: null, idNumber: '', notes: '' },
          ],
          companions: [],
          needs: { ...requestBody().needs, meals: [] },
        }),
      },
      other.token,
    ); // C, 0
    return { r, other, r1, r2, r3, r4 };
  }

  it('scopes: mine for every host; all only with requests.readAll', async () => {
    const t = makeTestApp();
    const { r, other, r1, r2, r3, r4 } = await fourRequests(t);
    const mine = await t.ok('requests.list', { scope: 'mine' }, r.host.token);
    expect(mine.total).toEqual({ count: 3, atLeast: false });
    expect(mine.items.map((i) => i.id)).toEqual([r3.id, r2.id, r1.id]);
    const theirs = await t.ok('requests.list', { scope: 'mine' }, other.token);
    expect(theirs.items.map((i) => i.id)).toEqual([r4.id]);

    for (const token of [r.host.token, r.head.token]) {
      const e = await t.fail('requests.list', { scope: 'all' }, token);
      expect(e.code).toBe('FORBIDDEN');
    }
    for (const token of [r.office.token, r.executive.token]) {
      const all = await t.ok('requests.list', { scope: 'all' }, token);
      expect(all.total).toEqual({ count: 4, atLeast: false });
    }
    const row = mine.items.find((i) => i.id === r2.id);
    expect(row).toMatchObject({
      code: r2.code,
      status: 'approving',
      hostName: '王接待',
      departmentName: '销售部',
      orgName: '上海电气集团',
      tier: 'B',
      arrivalDate: '2026-12-10',
      departureDate: '2026-12-11',
      visitorCount: 2,
      budgetTotalFen: 39000,
      retroactive: false,
      revision: 1,
    });
  });

  it("a draft stays the host's own: in his list, not in everyone's", async () => {
    const { t, r } = await companyApp();
    const draft = await drafted(t, r);
    const mine = await t.ok('requests.list', { scope: 'mine' }, r.host.token);
    expect(mine.items.map((i) => i.id)).toEqual([draft.id]);
    const all = await t.ok('requests.list', { scope: 'all', statuses: ['draft'] }, r.office.token);
    expect(all.total).toEqual({ count: 0, atLeast: false });
  });

  it('filters by status, tier and department', async () => {
    const t = makeTestApp();
    const { r, r1, r2, r3, r4 } = await fourRequests(t);
    const ids = async (f: Record<string, unknown>) =>
      (
        await t.ok('requests.list', { scope: 'all', sort: 'arrival_asc', ...f }, r.office.token)
      ).items.map((i) => i.id);
    expect(await ids({ statuses: ['approving'] })).toEqual([r1.id, r4.id, r2.id, r3.id]);
    expect(await ids({ statuses: ['draft', 'approving'] })).toHaveLength(4);
    expect(await ids({ statuses: ['filed'] })).toEqual([]);
    expect(await ids({ tiers: ['B'] })).toEqual([r2.id]);
    expect(await ids({ tiers: ['C'], statuses: ['approving'] })).toEqual([r1.id, r4.id, r3.id]);
    expect(await ids({ departmentId: r.departmentId })).toHaveLength(4);
  });

  it('searches in Chinese across organisation, code, host and the request body', async () => {
    const t = makeTestApp();
    const { r, r1, r2, r3, r4 } = await fourRequests(t);
    const search = async (s: string) =>
      (
        await t.ok(
          'requests.list',
          { scope: 'all', search: s, sort: 'arrival_asc' },
          r.office.token,
        )
      ).items.map((i) => i.id);
    expect(await search('精密')).toEqual([r1.id]);
    expect(await search('电气')).toEqual([r2.id]);
    expect(await search('马化腾')).toEqual([r4.id]); // a visitor's name
    expect(await search('赵接待')).toEqual([r4.id]); // the host
    expect(await search(r3.code)).toEqual([r3.id]);
    expect(await search('100%_')).toEqual([r3.id]); // % and _ are literal
    expect(await search('%')).toEqual([r3.id]);
    expect(await search('"引号"')).toEqual([r3.id]); // quotes and backslashes as typed
    expect(await search('C:\\temp')).toEqual([r3.id]);
    expect(await search('不存在的公司')).toEqual([]);
  });

  it('search matches what the request says, not the names of its JSON fields', async () => {
    const t = makeTestApp();
    const { r } = await fourRequests(t);
    for (const s of ['purpose', 'visitors', 'idNumber', 'companyPaysLodging', '"name"']) {
      const page = await t.ok('requests.list', { scope: 'all', search: s }, r.office.token);
      expect({ s, total: page.total?.count }).toEqual({ s, total: 0 });
    }
  });

  it('date range: requests whose stay overlaps the range', async () => {
    const t = makeTestApp();
    const { r, r1, r2, r4 } = await fourRequests(t);
    const ids = async (f: Record<string, unknown>) =>
      (
        await t.ok('requests.list', { scope: 'all', sort: 'arrival_asc', ...f }, r.office.token)
      ).items.map((i) => i.id);
    expect(await ids({ fromDate: '2026-12-04', toDate: '2026-12-10' })).toEqual([r4.id, r2.id]);
    expect(await ids({ fromDate: '2026-12-11', toDate: '2026-12-11' })).toEqual([r2.id]);
    expect(await ids({ toDate: '2026-12-01' })).toEqual([r1.id]);
    expect(await ids({ fromDate: '2026-12-21' })).toEqual([]);
  });

  it('sorts and pages', async () => {
    const t = makeTestApp();
    const { r, r1, r2, r3, r4 } = await fourRequests(t);
    const list = (f: Record<string, unknown>) =>
      t.ok('requests.list', { scope: 'all', ...f }, r.office.token);
    const ids = async (f: Record<string, unknown>) => (await list(f)).items.map((i) => i.id);
    expect(await ids({})).toEqual([r4.id, r3.id, r2.id, r1.id]); // updated_desc by default
    expect(await ids({ sort: 'arrival_asc' })).toEqual([r1.id, r4.id, r2.id, r3.id]);
    expect(await ids({ sort: 'arrival_desc' })).toEqual([r3.id, r2.id, r4.id, r1.id]);
    expect(await ids({ sort: 'budget_desc' })).toEqual([r2.id, r3.id, r1.id, r4.id]);

    // Keyset pages: each page starts after the last row of the one before, in every order.
    for (const sort of ['arrival_asc', 'arrival_desc', 'updated_desc', 'budget_desc']) {
      const whole = await ids({ sort });
      const seen: number[] = [];
      let page = await list({ sort, limit: 3 });
      expect(page.total).toEqual({ count: 4, atLeast: false });
      seen.push(...page.items.map((i) => i.id));
      while (page.next) {
        page = await list({ sort, limit: 3, after: page.next });
        expect(page.total).toBeNull(); // counted on the first page only
        seen.push(...page.items.map((i) => i.id));
      }
      expect({ sort, seen }).toEqual({ sort, seen: whole });
    }
    const p1 = await list({ sort: 'arrival_asc', limit: 3 });
    expect(p1.items.map((i) => i.id)).toEqual([r1.id, r4.id, r2.id]);
    expect(p1.next).toEqual({ key: '2026-12-10', id: r2.id });
    const p2 = await list({ sort: 'arrival_asc', limit: 3, after: p1.next });
    expect(p2).toEqual({
      items: [expect.objectContaining({ id: r3.id })],
      next: null,
      total: null,
    });
    const exact = await list({ sort: 'arrival_asc', limit: 4 });
    expect(exact.next).toBeNull(); // a full last page says there is no more

    for (const bad of [
      { limit: 0 },
      { limit: 201 },
      { offset: 3 },
      { sort: 'random' },
      { sort: 'arrival_asc', after: { key: 5, id: 1 } }, // the key of another sort
      { sort: 'updated_desc', after: { key: '2026-12-01', id: 1 } },
      { after: { key: 1, id: 0 } },
    ]) {
      const e = await t.fail('requests.list', { scope: 'all', ...bad }, r.office.token);
      expect(e.code).toBe('INVALID_INPUT');
    }
  });
});

describe('visibility', () => {
  it('another host cannot read my request; the head, the office and the executive can', async () => {
    const { t, r } = await companyApp();
    const other = await secondHost(t, r);
    const d = await submitted(t, r);

    const hidden = await t.fail('requests.get', { id: d.id }, other.token);
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', key: 'errors.requestNotFound' });
    const comment = await t.fail(
      'approvals.comment',
      { requestId: d.id, comment: '看看' },
      other.token,
    );
    expect(comment.code).toBe('NOT_FOUND');

    for (const u of [r.host, r.head, r.office, r.executive]) {
      expect((await t.ok('requests.get', { id: d.id }, u.token)).id).toBe(d.id);
    }
    const missing = await t.fail('requests.get', { id: 9999 }, r.office.token);
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('the head of another department cannot read it', async () => {
    const { t, r } = await companyApp();
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
    const d = await submitted(t, r);
    expect((await t.fail('requests.get', { id: d.id }, otherHead.token)).code).toBe('NOT_FOUND');
    expect(await t.ok('approvals.inbox', {}, otherHead.token)).toEqual([]);
  });

  it('a draft shows the current checks; only its host may see or edit it', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r, { tier: 'B' });
    expect(checkCodes(d)).toEqual(['tier_override:approval', 'tier_override_reason:block']);
    expect(d).toMatchObject({ canEdit: true, canCancel: true });
    // Issue 7, item 9: the admin office once read (and could cancel) another's draft.
    expect((await t.fail('requests.get', { id: d.id }, r.office.token)).code).toBe('NOT_FOUND');
  });
});

describe('preview', () => {
  it('A tier: warns when no company leader (an executive) accompanies, not when one does', async () => {
    const { t, r } = await companyApp();
    const aTier = (companions: RequestBody['companions']) =>
      requestBody({ orgCategory: 'top_leaders', tier: 'A', arrivalDate: '2026-12-01', companions });
    const none = await t.ok(
      'requests.preview',
      { id: null, body: aTier([{ userId: r.head.userId, name: '李部长' }]) },
      r.host.token,
    );
    // The visiting organisation's top leaders suggest A: no override.
    expect(none.suggestedTier).toBe('A');
    expect(checkCodes(none)).toEqual(['no_leader_companion:warn']);
    const led = await t.ok(
      'requests.preview',
      { id: null, body: aTier([{ userId: r.executive.userId, name: '张总' }]) },
      r.host.token,
    );
    expect(checkCodes(led)).toEqual([]);
  });

  it('a C-tier car is justified by needs.carJustification', async () => {
    const { t, r } = await companyApp();
    const withCar = (carJustification: string) =>
      requestBody({ needs: { ...requestBody().needs, pickup: true, carJustification } });
    const bare = await t.ok('requests.preview', { id: null, body: withCar('') }, r.host.token);
    expect(checkCodes(bare)).toEqual(['vehicle_on_request:warn']);
    const said = await t.ok(
      'requests.preview',
      { id: null, body: withCar('来宾携带精密仪器，需专车接站') },
      r.host.token,
    );
    expect(checkCodes(said)).toEqual([]);
  });

  it('a body saved before carJustification existed still parses (defaults to empty)', async () => {
    const { t, r } = await companyApp();
    const { carJustification: _, ...oldNeeds } = requestBody().needs;
    const p = await t.ok(
      'requests.preview',
      { id: null, body: { ...requestBody(), needs: oldNeeds } as RequestBody },
      r.host.token,
    );
    expect(checkCodes(p)).toEqual([]);
  });

  it('shows the checks, budget and chain without saving anything', async () => {
    const { t, r } = await companyApp();
    const before = t.snapshot();
    const p = await t.ok(
      'requests.preview',
      {
        id: null,
        body: requestBody({
          needs: {
            ...requestBody().needs,
            hotelNights: 1,
            hotelRooms: 1,
            companyPaysLodging: true,
          },
        }),
      },
      r.host.token,
    );
    expect(p).toMatchObject({ policyVersion: 1, today: '2026-11-27', suggestedTier: 'C' });
    expect(checkCodes(p)).toEqual(['company_lodging:approval']);
    expect(p.chain.map((s) => s.kind)).toEqual(['dept_head', 'executive', 'admin_office']);
    expect(p.budget.totalFen).toBe(30000 + 45000);
    const after = t.snapshot();
    // Reading touches the session's last-activity time only.
    delete after.sessions;
    delete before.sessions;
    expect(after).toEqual(before);
  });

  it('the company day follows the clock in Asia/Shanghai, not the machine: the A lead time turns at midnight there', async () => {
    const t = makeTestApp();
    const r = await receptionCompany(t);
    const aTier = requestBody({
      orgCategory: 'government',
      tier: 'A',
      arrivalDate: '2026-11-29',
      departureDate: '2026-11-29',
      companions: [{ userId: r.executive.userId, name: '张总' }],
    });
    t.advance(14 * 60 * MINUTE + 59 * MINUTE); // 23:59 in Shanghai, 15:59 UTC
    const token = await signIn(t, 'host');
    const late = await t.ok('requests.preview', { id: null, body: aTier }, token);
    expect(late.today).toBe('2026-11-27');
    expect(late.checks).toEqual([]);
    t.advance(MINUTE); // 00:00 on the 28th in Shanghai, still the 27th in UTC
    const next = await t.ok('requests.preview', { id: null, body: aTier }, token);
    expect(next.today).toBe('2026-11-28');
    expect(next.checks.map((c) => c.code)).toEqual(['lead_time']);
  });
});

describe('resubmitting an approved request', () => {
  it('an approved request edited by its host goes through approval again', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const approved = await decideAs(t, r.head.token, d.id);
    expect(approved.status).toBe('approved');
    const again = await t.ok(
      'requests.submit',
      { id: d.id, version: approved.version, body: requestBody({ purpose: '改期并增加参观' }) },
      r.host.token,
    );
    expect(again).toMatchObject({ status: 'approving', revision: 2 });
    expect(again.steps.filter((s) => s.revision === 1).map((s) => s.status)).toEqual([
      'approved',
      'cancelled',
    ]);
    expect(stepsOf(again)).toEqual(['dept_head:pending:base', 'admin_office:waiting:base']);
    expect(await t.ok('approvals.count', {}, r.office.token)).toEqual({ count: 0 });
    expect(pendingStep(again).assigneeUserId).toBe(r.head.userId);
  });

  it('a filed request can no longer be edited', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    await decideAs(t, r.head.token, d.id);
    const filed = await decideAs(t, r.office.token, d.id);
    expect(filed.status).toBe('filed');
    const e = await t.fail(
      'requests.submit',
      { id: d.id, version: filed.version, body: requestBody() },
      r.host.token,
    );
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.notEditable' });
  });
});

describe('who files for which department', () => {
  it("a host cannot send his request to another department's head", async () => {
    const { t, r } = await companyApp();
    const other = await t.ok(
      'departments.create',
      { name: '采购部', headUserId: null },
      r.admin.token,
    );
    const before = t.snapshot(['requests']);
    const e = await t.fail('requests.submit', newRequest({ departmentId: other.id }), r.host.token);
    expect(e.fieldErrors?.['body.departmentId']?.key).toBe('errors.notYourDepartment');
    expect(t.snapshot(['requests'])).toEqual(before);
  });

  it('a delegate must be someone who can approve', async () => {
    const { t, r } = await companyApp();
    const e = await t.fail(
      'delegations.create',
      { delegateUserId: r.host.userId, fromDate: '2026-11-27', toDate: '2026-11-30' },
      r.head.token,
    );
    expect(e.fieldErrors?.delegateUserId?.key).toBe('errors.delegateNotApprover');
    expect(t.count('delegations')).toBe(0);
  });
});
