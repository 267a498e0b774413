import { beforeAll, describe, expect, it } from 'vitest';
import './lines';
import type { OperationName } from '../../../shared/contract/names';
import { translate } from '../../../shared/i18n/translate';
import type { MessageParams } from '../../../shared/result';
import {
  companyApp,
  signedInUser,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';
import { reconciliationScenarios } from './reconciliation.scenarios';
import { bTierLunchBody, filedVisit, financeClerk } from './test-money';
import { insertIssuedAdvance, insertLine } from './test-reconcile';

beforeAll(async () => {});

interface Visit {
  t: TestApp;
  r: Reception;
  finance: SignedIn;
  requestId: number;
  lunch: number;
  dinner: number;
}

/**
 * The worked example: a filed B-tier visit (cap 130.00) with an issued advance of 2,000.00 and
 * two meals paid from it: lunch 900.00 for 6 (780.00 for the company, 120.00 over the cap, borne
 * by the host) and dinner 750.00 for 6 (under the cap): 1,530.00 company-paid.
 */
async function workedVisit(): Promise<Visit> {
  const { t, r } = await companyApp();
  const finance = await financeClerk(t, r);
  const requestId = await filedVisit(t, r, bTierLunchBody());
  await insertIssuedAdvance(t, requestId, 200_000, finance.userId);
  const lunch = await insertLine(t, requestId, {
    amountFen: 90_000,
    visitors: 4,
    companions: 2,
    invoiceNo: '2631 2000 0000 1111',
  });
  const dinner = await insertLine(t, requestId, {
    amountFen: 75_000,
    visitors: 4,
    companions: 2,
    invoiceNo: '26312000000022222',
  });
  return { t, r, finance, requestId, lunch, dinner };
}

const rec = (t: TestApp, requestId: number) =>
  t.rows<{
    id: number;
    status: string;
    revision: number;
    returned_line_id: number | null;
    return_reason: string;
    clearing: string;
    settled_at_ms: number | null;
    version: number;
  }>('SELECT * FROM expense_reconciliations WHERE request_id = ?', requestId)[0]!;

const requestStatus = (t: TestApp, requestId: number) =>
  t.rows<{ status: string }>('SELECT status FROM requests WHERE id = ?', requestId)[0]!.status;

const lineStatuses = (t: TestApp, requestId: number) => [
  ...new Set(
    t
      .rows<{ status: string }>('SELECT status FROM expense_lines WHERE request_id = ?', requestId)
      .map((l) => l.status),
  ),
];

/** The reconciliation's pending step (its current round), as the engine keeps it. */
const pending = (t: TestApp, recId: number) =>
  t.rows<{ id: number; kind: string; version: number; revision: number }>(
    `SELECT id, kind, version, revision FROM approval_steps
     WHERE subject_type = 'reconciliation' AND subject_id = ? AND status = 'pending'`,
    recId,
  );

/** Decides the reconciliation's step this user has in his inbox. */
async function decideInbox(
  t: TestApp,
  token: string,
  requestId: number,
  action: 'approve' | 'return' | 'reject' = 'approve',
  comment = '',
) {
  const inbox = await t.ok('approvals.inbox', {}, token);
  const item = inbox.find((i) => i.money?.kind === 'reconciliation' && i.request.id === requestId);
  if (!item) throw new Error(`no reconciliation of request ${requestId} in this inbox`);
  return t.ok(
    'approvals.decide',
    { stepId: item.step.id, version: item.step.version, action, comment },
    token,
  );
}

describe('expenses.submit → head confirms → finance verifies → settled', () => {
  it('settles the visit, clears the advance in integer fen and tells the host in plain words', async () => {
    const { t, r, finance, requestId } = await workedVisit();
    const view = await t.ok('expenses.submit', { requestId, version: null }, r.host.token);
    expect(view.reconciliation.status).toBe('approving');
    expect(requestStatus(t, requestId)).toBe('reconciling');
    expect(rec(t, requestId)).toMatchObject({ status: 'approving', revision: 1 });
    expect(lineStatuses(t, requestId)).toEqual(['approving']);
    const [headStep] = pending(t, rec(t, requestId).id);
    expect(headStep).toMatchObject({ kind: 'dept_head', revision: 1 });

    // The head's inbox shows the visit and what its lines cost.
    const inbox = await t.ok('approvals.inbox', {}, r.head.token);
    const item = inbox.find((i) => i.money?.kind === 'reconciliation');
    expect(item?.money?.amountFen).toBe(165_000);
    expect(item?.request.id).toBe(requestId);
    // Its notice says it is the visit's reconciliation, not the request again.
    const [task] = t.rows<{ title_key: string; params: string }>(
      "SELECT title_key, params FROM notifications WHERE user_id = ? AND kind = 'approval.task' ORDER BY id DESC LIMIT 1",
      r.head.userId,
    );
    const params = JSON.parse(task!.params) as MessageParams;
    expect(translate('zh-CN', task!.title_key, params)).toMatch(/^待审核报帐：接待 .+ 的报帐核销$/);
    expect(translate('en', task!.title_key, params)).toMatch(
      /^To verify: the expense reconciliation of visit /,
    );
    await decideInbox(t, r.head.token, requestId);
    expect(pending(t, rec(t, requestId).id)).toMatchObject([{ kind: 'finance' }]);
    expect(requestStatus(t, requestId)).toBe('reconciling');

    await decideInbox(t, finance.token, requestId);
    expect(requestStatus(t, requestId)).toBe('settled');
    const settled = rec(t, requestId);
    expect(settled.status).toBe('settled');
    expect(settled.settled_at_ms).toBe(t.now());
    expect(JSON.parse(settled.clearing)).toEqual({
      advanceFen: 200_000,
      companyPaysFen: 153_000,
      cardOwedFen: 0,
      toReturnFen: 47_000,
      toReimburseFen: 0,
    });
    expect(lineStatuses(t, requestId)).toEqual(['settled']);
    expect(t.rows('SELECT status FROM expense_advances WHERE request_id = ?', requestId)).toEqual([
      { status: 'cleared' },
    ]);

    const notice = t.rows<{ title_key: string; params: string }>(
      `SELECT title_key, params FROM notifications
       WHERE user_id = ? AND kind = 'reconciliation.settled'`,
      r.host.userId,
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]!.title_key).toBe('expensesReconcile.notice.settled.toReturn');
    expect(JSON.parse(notice[0]!.params)).toMatchObject({
      advanceFen: 200_000,
      companyPaysFen: 153_000,
      toReturnFen: 47_000,
    });
    // The timeline says so, and the visit's money page shows the clearing as settled.
    const kinds = t
      .rows<{ kind: string }>('SELECT kind FROM request_events WHERE request_id = ?', requestId)
      .map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['reconciliation_submitted', 'settled']));
    const after = await t.ok('expenses.archive', { requestId }, finance.token);
    expect(after.reconciliation.clearing.toReturnFen).toBe(47_000);
    expect(after.reconciliation.steps.map((s) => [s.kind, s.status])).toEqual([
      ['dept_head', 'approved'],
      ['finance', 'approved'],
    ]);
  });

  it('refuses a second click: the first submission took it', async () => {
    const { t, r, requestId } = await workedVisit();
    const [a, b] = await Promise.all([
      t.call('expenses.submit', { requestId, version: null }, r.host.token),
      t.call('expenses.submit', { requestId, version: null }, r.host.token),
    ]);
    const codes = [a, b].map((o) => (o.result.ok ? 'ok' : o.result.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    expect(pending(t, rec(t, requestId).id)).toHaveLength(1);
  });

  it('refuses a stale version of the reconciliation', async () => {
    const { t, r, requestId } = await workedVisit();
    const version = rec(t, requestId).version;
    const e = await t.fail('expenses.submit', { requestId, version: version + 1 }, r.host.token);
    expect(e.code).toBe('CONFLICT');
  });

  it('answers "not found" to another host, and to a host with a visit still under way', async () => {
    const { t, r, requestId } = await workedVisit();
    const other = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '赵接待',
      roles: ['host'],
      departmentId: r.departmentId,
    });
    const before = t.snapshot();
    const e = await t.fail('expenses.submit', { requestId, version: null }, other.token);
    expect(e.code).toBe('NOT_FOUND');
    expect(t.snapshot()).toEqual(before);

    t.exec("UPDATE requests SET status = 'in_progress' WHERE id = ?", requestId);
    const underWay = await t.fail('expenses.submit', { requestId, version: null }, r.host.token);
    expect(underWay).toMatchObject({ code: 'CONFLICT' });
    expect(underWay.key).toBe('expensesReconcile.errors.visitUnderWay');
  });

  it('refuses a line without a receipt, and changes nothing', async () => {
    const { t, r, requestId } = await workedVisit();
    const bare = await insertLine(t, requestId, { amountFen: 5_000, invoiceNo: '99' }, 0);
    const before = t.snapshot();
    const e = await t.fail('expenses.submit', { requestId, version: null }, r.host.token);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.key).toBe('expensesReconcile.errors.blocked');
    expect(e.fieldErrors?.[`lines.${bare}`]?.key).toBe('expenses.checks.no_receipt');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses the same invoice twice and a visit without lines', async () => {
    const { t, r } = await companyApp();
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const none = await t.fail('expenses.submit', { requestId, version: null }, r.host.token);
    expect(none.key).toBe('expensesReconcile.errors.noLines');
    await insertLine(t, requestId, { invoiceNo: 'ab-12' });
    await insertLine(t, requestId, { invoiceNo: 'ＡＢ１２' });
    const dup = await t.fail('expenses.submit', { requestId, version: null }, r.host.token);
    expect(dup.code).toBe('INVALID_INPUT');
    expect(Object.values(dup.fieldErrors ?? {}).map((m) => m.key)).toEqual([
      'expenses.checks.duplicate_invoice',
      'expenses.checks.duplicate_invoice',
    ]);
    expect(requestStatus(t, requestId)).toBe('filed');
  });
});

describe('what stops or warns a submission', () => {
  it('names the missing approver when nobody holds finance, and changes nothing', async () => {
    const { t, r } = await companyApp();
    const requestId = await filedVisit(t, r, bTierLunchBody());
    await insertLine(t, requestId);
    const before = t.snapshot();
    const e = await t.fail('expenses.submit', { requestId, version: null }, r.host.token);
    expect(e).toMatchObject({
      code: 'CONFLICT',
      key: 'expensesReconcile.errors.noApprover.finance',
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('warns of supplies issued whose return nobody recorded, and lists them', async () => {
    const { t, r, requestId } = await workedVisit();
    const supply = (returned: number) => {
      t.exec(
        `INSERT INTO bookings (request_id, kind, status, start_ms, end_ms, detail, created_by,
           created_at_ms, updated_at_ms) VALUES (?, 'supply', 'confirmed', 1, 1, ?, ?, 1, 1)`,
        requestId,
        JSON.stringify({
          kind: 'supply',
          date: '2026-12-01',
          items: [{ supplyId: 1, quantity: 3, returned }],
        }),
        r.host.userId,
      );
      return t.rows<{ id: number }>('SELECT max(id) AS id FROM bookings')[0]!.id;
    };
    const open = Number(supply(0));
    supply(2);
    const view = await t.ok('expenses.submit', { requestId, version: null }, r.host.token);
    expect(view.checks).toContainEqual({
      code: 'supplies_not_returned',
      severity: 'warn',
      params: { count: 1 },
    });
    expect(view.suppliesToReturn.map((s) => s.bookingId)).toEqual([open]);
    expect(view.checks.map((c) => c.code)).toContain('over_budget');
  });
});

describe('expenses.returnLine', () => {
  it('finance returns one line with a reason; the host corrects it and resubmits a new round', async () => {
    const { t, r, finance, requestId, dinner } = await workedVisit();
    await t.ok('expenses.submit', { requestId, version: null }, r.host.token);
    await decideInbox(t, r.head.token, requestId);
    const [step] = pending(t, rec(t, requestId).id);

    // Only finance's own step, at its version.
    const byHead = await t.call(
      'expenses.returnLine',
      { stepId: step!.id, version: step!.version, lineId: dinner, reason: '发票抬头不符' },
      r.head.token,
    );
    expect(byHead.result.ok).toBe(false);
    const stale = await t.fail(
      'expenses.returnLine',
      { stepId: step!.id, version: step!.version + 1, lineId: dinner, reason: '发票抬头不符' },
      finance.token,
    );
    expect(stale.code).toBe('CONFLICT');

    await t.ok(
      'expenses.returnLine',
      { stepId: step!.id, version: step!.version, lineId: dinner, reason: '发票抬头不符' },
      finance.token,
    );
    expect(rec(t, requestId)).toMatchObject({
      status: 'returned',
      returned_line_id: dinner,
      return_reason: '发票抬头不符',
    });
    expect(t.rows('SELECT returned_reason FROM expense_lines WHERE id = ?', dinner)[0]).toEqual({
      returned_reason: '发票抬头不符',
    });
    expect(lineStatuses(t, requestId)).toEqual(['returned']);
    expect(requestStatus(t, requestId)).toBe('reconciling');
    expect(t.rows('SELECT status FROM approval_steps WHERE id = ?', step!.id)).toEqual([
      { status: 'returned' },
    ]);
    const told = t.rows<{ title_key: string }>(
      "SELECT title_key FROM notifications WHERE user_id = ? AND kind = 'reconciliation.returned'",
      r.host.userId,
    );
    expect(told.map((n) => n.title_key)).toEqual(['expensesReconcile.notice.lineReturned']);

    // The host corrects the line (the entry area's saveLine) and resubmits: a new round.
    t.exec("UPDATE expense_lines SET invoice_no = '88', invoice_key = '88' WHERE id = ?", dinner);
    const again = await t.ok(
      'expenses.submit',
      { requestId, version: rec(t, requestId).version },
      r.host.token,
    );
    expect(again.reconciliation).toMatchObject({
      status: 'approving',
      revision: 2,
      returnedLineId: null,
      returnReason: '',
    });
    expect(t.rows('SELECT returned_reason FROM expense_lines WHERE id = ?', dinner)[0]).toEqual({
      returned_reason: '',
    });
    expect(pending(t, rec(t, requestId).id)).toMatchObject([{ kind: 'dept_head', revision: 2 }]);
  });

  it('counts a reject as a return: spend is never rejected outright', async () => {
    const { t, r, requestId } = await workedVisit();
    await t.ok('expenses.submit', { requestId, version: null }, r.host.token);
    await decideInbox(t, r.head.token, requestId, 'reject', '请补充说明');
    expect(rec(t, requestId)).toMatchObject({ status: 'returned', return_reason: '请补充说明' });
    expect(requestStatus(t, requestId)).toBe('reconciling');
  });
});

describe('expenses.archive and expenses.reopen', () => {
  async function settledVisit() {
    const v = await workedVisit();
    await v.t.ok('expenses.submit', { requestId: v.requestId, version: null }, v.r.host.token);
    await decideInbox(v.t, v.r.head.token, v.requestId);
    await decideInbox(v.t, v.finance.token, v.requestId);
    return v;
  }

  it('archives a settled visit; then every write is refused', async () => {
    const { t, r, finance, requestId } = await settledVisit();
    const early = await workedVisit();
    const notYet = await early.t.fail(
      'expenses.archive',
      { requestId: early.requestId },
      early.finance.token,
    );
    expect(notYet.code).toBe('CONFLICT');

    expect((await t.call('expenses.archive', { requestId }, r.host.token)).result.ok).toBe(false);
    await t.ok('expenses.archive', { requestId }, finance.token);
    expect(requestStatus(t, requestId)).toBe('archived');
    const before = t.snapshot();
    for (const [op, input, token] of [
      ['expenses.submit', { requestId, version: null }, r.host.token],
      ['expenses.archive', { requestId }, finance.token],
    ] as const) {
      const e = await t.fail(op, input, token);
      expect(e.code).toBe('CONFLICT');
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('reopens only by the sysadmin, with the reason on record', async () => {
    const { t, r, finance, requestId } = await settledVisit();
    await t.ok('expenses.archive', { requestId }, finance.token);
    for (const token of [r.host.token, finance.token, r.executive.token]) {
      const e = await t.fail('expenses.reopen', { requestId, reason: '发票有误' }, token);
      expect(e.code).toBe('FORBIDDEN');
    }
    const view = await t.ok('expenses.reopen', { requestId, reason: '发票有误' }, r.admin.token);
    expect(view.reconciliation).toMatchObject({ status: 'returned', returnReason: '发票有误' });
    expect(requestStatus(t, requestId)).toBe('reconciling');
    expect(lineStatuses(t, requestId)).toEqual(['returned']);
    const audit = t.rows<{ actor_user_id: number; summary: string }>(
      "SELECT actor_user_id, summary FROM audit_log WHERE operation = 'expenses.reopen'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(r.admin.userId);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ reason: '发票有误', from: 'archived' });

    // Resubmitted and settled again: the clearing still counts the advance handed out.
    await t.ok('expenses.submit', { requestId, version: null }, r.host.token);
    await decideInbox(t, r.head.token, requestId);
    await decideInbox(t, finance.token, requestId);
    expect(JSON.parse(rec(t, requestId).clearing)).toMatchObject({ toReturnFen: 47_000 });
  });
});

describe('the audit scenarios of the reconciliation', () => {
  it.each(Object.keys(reconciliationScenarios) as OperationName[])('%s succeeds', async (op) => {
    const { makeTestApp } = await import('../../test-support');
    const t = makeTestApp();
    const run = await reconciliationScenarios[op]!(t);
    const { outcome } = await run();
    expect(outcome.result.ok, JSON.stringify(outcome.result)).toBe(true);
  });
});
