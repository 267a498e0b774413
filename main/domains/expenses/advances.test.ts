import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../shared/approvals';
import { translate, type Language } from '../../../shared/i18n/translate';
import { formatYuan } from '../../../shared/money';
import type { MessageParams } from '../../../shared/result';
import {
  companyApp,
  decision,
  MINUTE,
  notificationKinds,
  requestBody,
  signedInUser,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';
import { bTierLunchBody, filedVisit, financeClerk, lineOf } from './test-money';

interface Money {
  t: TestApp;
  r: Reception;
  finance: SignedIn;
  requestId: number;
  /** The most the visit's advances may reach together (80 % of its approved budget). */
  limitFen: number;
}

async function money(): Promise<Money> {
  const { t, r } = await companyApp();
  const finance = await financeClerk(t, r);
  const requestId = await filedVisit(t, r, bTierLunchBody());
  const [row] = t.rows<{ b: number }>(
    'SELECT budget_total_fen AS b FROM requests WHERE id = ?',
    requestId,
  );
  const limitFen = Math.floor((8000 * (row?.b ?? 0)) / 10000);
  return { t, r, finance, requestId, limitFen };
}

interface AdvanceRow {
  id: number;
  seq: number;
  amount_fen: number;
  status: string;
  revision: number;
  version: number;
  issued_on: string | null;
  issued_method: string | null;
  issued_by: number | null;
}

const advances = (t: TestApp, requestId: number) =>
  t.rows<AdvanceRow>('SELECT * FROM expense_advances WHERE request_id = ? ORDER BY seq', requestId);

const steps = (t: TestApp, id: number) =>
  t.rows<{ revision: number; kind: string; status: string; assignee_user_id: number | null }>(
    "SELECT revision, kind, status, assignee_user_id FROM approval_steps WHERE subject_type = 'advance' AND subject_id = ? ORDER BY revision, seq",
    id,
  );

function ask(m: Money, amountFen: number, purpose = '接待期间餐费、交通费') {
  return m.t.call(
    'expenses.saveAdvance',
    { requestId: m.requestId, id: null, version: null, amountFen, purpose },
    m.r.host.token,
  );
}

async function asked(m: Money, amountFen: number) {
  const out = await ask(m, amountFen);
  expect(out.result.ok, JSON.stringify(out.result)).toBe(true);
  const all = advances(m.t, m.requestId);
  const last = all.at(-1);
  if (!last) throw new Error('no advance stored');
  return last;
}

/** The advance's task in this user's inbox (there must be one). */
async function taskOf(t: TestApp, token: string, advanceId: number): Promise<InboxItem> {
  const inbox = await t.ok('approvals.inbox', {}, token);
  const item = inbox.find((i) => i.money?.kind === 'advance' && i.money.id === advanceId);
  if (!item) throw new Error(`advance ${advanceId} is not in this inbox`);
  return item;
}

async function inInbox(t: TestApp, token: string, advanceId: number) {
  const inbox = await t.ok('approvals.inbox', {}, token);
  return inbox.some((i) => i.money?.kind === 'advance' && i.money.id === advanceId);
}

async function decideAdvance(
  t: TestApp,
  who: SignedIn,
  advanceId: number,
  action: 'approve' | 'reject' | 'return' = 'approve',
  comment = '',
) {
  const item = await taskOf(t, who.token, advanceId);
  return t.ok('approvals.decide', decision(item.step, action, comment), who.token);
}

async function approved(m: Money, amountFen: number) {
  const a = await asked(m, amountFen);
  await decideAdvance(m.t, m.r.head, a.id);
  await decideAdvance(m.t, m.finance, a.id);
  const [now] = advances(m.t, m.requestId).filter((x) => x.id === a.id);
  if (!now) throw new Error('advance gone');
  return now;
}

function issue(m: Money, a: { id: number; version: number }, issuedOn = '2026-11-27') {
  return m.t.call(
    'expenses.issueAdvance',
    { id: a.id, version: a.version, issuedOn, method: 'bank_transfer' },
    m.finance.token,
  );
}

describe('cash advances', () => {
  it('go to the department head, then finance, then finance issues them', async () => {
    const m = await money();
    const { t, r, finance } = m;
    const a = await asked(m, 50_000);
    expect(a).toMatchObject({ seq: 1, amount_fen: 50_000, status: 'approving', revision: 1 });
    expect(steps(t, a.id)).toEqual([
      { revision: 1, kind: 'dept_head', status: 'pending', assignee_user_id: r.head.userId },
      { revision: 1, kind: 'finance', status: 'waiting', assignee_user_id: null },
    ]);

    // The head sees it in his inbox, as an advance of its visit, with its amount; finance not yet.
    const task = await taskOf(t, r.head.token, a.id);
    expect(task.request.id).toBe(m.requestId);
    expect(task.money).toEqual({ kind: 'advance', id: a.id, amountFen: 50_000 });
    expect(await inInbox(t, finance.token, a.id)).toBe(false);
    const seen = await t.ok('approvals.decide', decision(task.step), r.head.token);
    // The decision answers with the visit's dossier.
    expect(seen.id).toBe(m.requestId);

    // Then finance decides: the advance is approved and its host told.
    expect(await inInbox(t, r.head.token, a.id)).toBe(false);
    await decideAdvance(t, finance, a.id);
    expect(advances(t, m.requestId)[0]?.status).toBe('approved');
    expect(steps(t, a.id).map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(notificationKinds(t, r.host.userId)).toContain('advance.approved');
    // The visit's timeline names the advance on each decision.
    const events = t.rows<{ kind: string; data: string }>(
      'SELECT kind, data FROM request_events WHERE request_id = ? AND step_id IN (SELECT id FROM approval_steps WHERE subject_type = ?) ORDER BY id',
      m.requestId,
      'advance',
    );
    expect(
      events.map((e) => {
        const d = JSON.parse(e.data) as { advance: number; amountFen: number };
        return [e.kind, d.advance, d.amountFen];
      }),
    ).toEqual([
      ['approved', 1, 50_000],
      ['approved', 1, 50_000],
    ]);

    // Finance's list of advances to hand out.
    const toIssue = await t.ok(
      'expenses.advances',
      { status: 'approved', limit: 50 },
      finance.token,
    );
    expect(toIssue.items.map((i) => [i.id, i.requestId, i.amountFen, i.hostName])).toEqual([
      [a.id, m.requestId, 50_000, '王接待'],
    ]);
    expect(toIssue.items[0]?.steps.map((s) => s.kind)).toEqual(['dept_head', 'finance']);
    expect(toIssue.total).toEqual({ count: 1, atLeast: false });

    // Issued: when and how; a second click with the same version is refused and changes nothing.
    const now = advances(t, m.requestId)[0]!;
    expect((await issue(m, now)).result.ok).toBe(true);
    const before = t.snapshot();
    const again = await issue(m, now);
    expect(again.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expenses.errors.staleAdvance' },
    });
    expect(t.snapshot()).toEqual(before);
    expect(advances(t, m.requestId)[0]).toMatchObject({
      status: 'issued',
      issued_on: '2026-11-27',
      issued_method: 'bank_transfer',
      issued_by: finance.userId,
    });
    expect(notificationKinds(t, r.host.userId)).toContain('advance.issued');
    const outstanding = await t.ok(
      'expenses.advances',
      { status: 'issued', limit: 50 },
      finance.token,
    );
    expect(outstanding.items.map((i) => [i.id, i.issuedOn, i.issuedByName])).toEqual([
      [a.id, '2026-11-27', '赵财务'],
    ]);
    expect(
      (await t.ok('expenses.advances', { status: 'approved', limit: 50 }, finance.token)).items,
    ).toEqual([]);
    // Audit entries name the advance.
    const audit = t.rows<{ operation: string; entity_type: string; summary: string }>(
      "SELECT operation, entity_type, summary FROM audit_log WHERE entity_type IN ('expense_advance', 'advance') ORDER BY id",
    );
    expect(audit.map((e) => [e.operation, e.entity_type])).toEqual([
      ['expenses.saveAdvance', 'expense_advance'],
      ['approvals.decide', 'advance'],
      ['approvals.decide', 'advance'],
      ['expenses.issueAdvance', 'expense_advance'],
    ]);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ advance: 1, advanceAmount: '500.00' });
  });

  it('tells the approver it is an advance, of how much, for which visit (in both languages)', async () => {
    const m = await money();
    const { t, r } = m;
    await asked(m, 50_000);
    const [visit] = t.rows<{ code: string; org_name: string }>(
      'SELECT code, org_name FROM requests WHERE id = ?',
      m.requestId,
    );
    const tasks = t.rows<{ title_key: string; params: string }>(
      "SELECT title_key, params FROM notifications WHERE user_id = ? AND kind = 'approval.task'",
      r.head.userId,
    );
    // The request's own task came first (the head approved the visit): the advance's is the last.
    const task = tasks.at(-1)!;
    const text = (language: Language) =>
      translate(language, task.title_key, JSON.parse(task.params) as MessageParams);
    const amount = formatYuan(50_000, 'zh-CN');
    expect(text('zh-CN')).toBe(`待审批借款：接待 ${visit!.code} ${visit!.org_name} 借款 ${amount}`);
    expect(text('en')).toBe(
      `To approve: an advance of ${amount} for visit ${visit!.code} ${visit!.org_name}`,
    );
    // The request's own task still reads as a request's.
    const first = tasks[0]!;
    expect(translate('en', first.title_key, JSON.parse(first.params) as MessageParams)).toMatch(
      /^To approve: .* \(tier B\)$/,
    );
  });

  it('may not together exceed the policy share of the approved budget: nothing is stored', async () => {
    const m = await money();
    const { t } = m;
    expect(m.limitFen).toBeGreaterThan(0);
    const first = await asked(m, m.limitFen - 100);
    expect(first.status).toBe('approving');
    const before = t.snapshot();
    const over = await ask(m, 101);
    expect(over.result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fieldErrors: {
          amountFen: {
            key: 'expensesAdvances.errors.overShare',
            params: { sharePct: 80, limitFen: m.limitFen, availableFen: 100 },
          },
        },
      },
    });
    expect(t.snapshot()).toEqual(before);
    // Exactly up to the limit is allowed.
    expect((await ask(m, 100)).result.ok).toBe(true);
    expect(advances(t, m.requestId).map((a) => a.seq)).toEqual([1, 2]);
  });

  it('refuses an issue before the chain approved it, and bad amounts, and a future date', async () => {
    const m = await money();
    const { t } = m;
    const a = await asked(m, 50_000);
    const before = t.snapshot();
    expect((await issue(m, a)).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesAdvances.errors.notApproved' },
    });
    for (const amountFen of [0, -100, 12.5, 1_000_000_001]) {
      const out = await ask(m, amountFen);
      expect(out.result, String(amountFen)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(t.snapshot()).toEqual(before);
    await decideAdvance(t, m.r.head, a.id);
    await decideAdvance(t, m.finance, a.id);
    const now = advances(t, m.requestId)[0]!;
    const future = await issue(m, now, '2026-12-30');
    expect(future.result).toMatchObject({
      ok: false,
      error: { fieldErrors: { issuedOn: { key: 'expensesAdvances.errors.issuedInFuture' } } },
    });
    // Only finance issues.
    const byHost = await t.call(
      'expenses.issueAdvance',
      { id: now.id, version: now.version, issuedOn: '2026-11-27', method: 'cash' },
      m.r.host.token,
    );
    expect(byHost.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('are not found for a host of another department', async () => {
    const m = await money();
    const { t, r } = m;
    const dept = await t.ok(
      'departments.create',
      { name: '采购部', headUserId: null },
      r.admin.token,
    );
    const other = await signedInUser(t, r.admin.token, {
      login: 'buyer',
      displayName: '孙采购',
      roles: ['host'],
      departmentId: dept.id,
    });
    const a = await asked(m, 10_000);
    const before = t.snapshot();
    const asks = await t.call(
      'expenses.saveAdvance',
      { requestId: m.requestId, id: null, version: null, amountFen: 10_000, purpose: '餐费' },
      other.token,
    );
    expect(asks.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const cancels = await t.call(
      'expenses.cancelAdvance',
      { id: a.id, version: a.version },
      other.token,
    );
    expect(cancels.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Nor may the department head ask on his host's visit (not his) — he holds no such right.
    const byHead = await t.call(
      'expenses.saveAdvance',
      { requestId: m.requestId, id: null, version: null, amountFen: 10_000, purpose: '餐费' },
      r.head.token,
    );
    expect(byHead.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('may be withdrawn by the host until issued; its open steps go void', async () => {
    const m = await money();
    const { t, r } = m;
    const a = await asked(m, 40_000);
    expect(await inInbox(t, r.head.token, a.id)).toBe(true);
    const out = await t.call(
      'expenses.cancelAdvance',
      { id: a.id, version: a.version },
      r.host.token,
    );
    expect(out.result.ok).toBe(true);
    expect(advances(t, m.requestId)[0]?.status).toBe('cancelled');
    expect(steps(t, a.id).map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(await inInbox(t, r.head.token, a.id)).toBe(false);
    // A cancelled advance no longer counts: the whole share is free again.
    expect((await ask(m, m.limitFen)).result.ok).toBe(true);

    // Issued: it can no longer be withdrawn.
    const b = advances(t, m.requestId)[1]!;
    await decideAdvance(t, r.head, b.id);
    await decideAdvance(t, m.finance, b.id);
    const approvedB = advances(t, m.requestId)[1]!;
    expect((await issue(m, approvedB)).result.ok).toBe(true);
    const issued = advances(t, m.requestId)[1]!;
    const before = t.snapshot();
    const late = await t.call(
      'expenses.cancelAdvance',
      { id: issued.id, version: issued.version },
      r.host.token,
    );
    expect(late.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesAdvances.errors.notCancellable' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('may be returned and resubmitted as a new round', async () => {
    const m = await money();
    const { t, r } = m;
    const a = await asked(m, 60_000);
    await decideAdvance(t, r.head, a.id, 'return', '金额偏高，请按实际需要申请');
    const returned = advances(t, m.requestId)[0]!;
    expect(returned.status).toBe('returned');
    expect(steps(t, a.id).map((s) => s.status)).toEqual(['returned', 'cancelled']);
    expect(notificationKinds(t, r.host.userId)).toContain('advance.returned');
    // A returned advance still cannot be issued, and its stale version is refused.
    expect((await issue(m, returned)).result).toMatchObject({ ok: false });
    const stale = await t.call(
      'expenses.saveAdvance',
      { requestId: m.requestId, id: a.id, version: a.version, amountFen: 30_000, purpose: '餐费' },
      r.host.token,
    );
    expect(stale.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expenses.errors.staleAdvance' },
    });

    t.advance(MINUTE);
    const again = await t.call(
      'expenses.saveAdvance',
      {
        requestId: m.requestId,
        id: a.id,
        version: returned.version,
        amountFen: 30_000,
        purpose: '餐费',
      },
      r.host.token,
    );
    expect(again.result.ok).toBe(true);
    expect(advances(t, m.requestId)).toMatchObject([
      { id: a.id, seq: 1, amount_fen: 30_000, status: 'approving', revision: 2 },
    ]);
    expect(steps(t, a.id).map((s) => [s.revision, s.kind, s.status])).toEqual([
      [1, 'dept_head', 'returned'],
      [1, 'finance', 'cancelled'],
      [2, 'dept_head', 'pending'],
      [2, 'finance', 'waiting'],
    ]);
    // The new round is the head's to decide again, then finance's; approving it does not reopen
    // the old round.
    await decideAdvance(t, r.head, a.id);
    expect(await inInbox(t, m.finance.token, a.id)).toBe(true);
    await decideAdvance(t, m.finance, a.id, 'reject', '本次接待无需借款');
    expect(advances(t, m.requestId)[0]?.status).toBe('rejected');
    expect(notificationKinds(t, r.host.userId)).toContain('advance.rejected');
    // A rejected advance cannot come back.
    const rejected = advances(t, m.requestId)[0]!;
    const back = await t.call(
      'expenses.saveAdvance',
      {
        requestId: m.requestId,
        id: a.id,
        version: rejected.version,
        amountFen: 40_000,
        purpose: '餐费',
      },
      r.host.token,
    );
    expect(back.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesAdvances.errors.notReturned' },
    });
  });

  it('a cancelled visit withdraws its advances (none handed out) and leaves nothing waiting', async () => {
    const m = await money();
    const { t, r, finance } = m;
    // 借款 1 and 2 approved (not yet handed out), 3 returned to the host, 4 at the head.
    await approved(m, 10_000);
    await approved(m, 10_000);
    const returned = await asked(m, 10_000);
    await decideAdvance(t, r.head, returned.id, 'return', '请说明用途');
    const waiting = await asked(m, 10_000);
    await decideAdvance(t, r.head, waiting.id);
    expect(await inInbox(t, finance.token, waiting.id)).toBe(true);
    expect(advances(t, m.requestId).map((a) => a.status)).toEqual([
      'approved',
      'approved',
      'returned',
      'approving',
    ]);

    const [visit] = t.rows<{ version: number }>(
      'SELECT version FROM requests WHERE id = ?',
      m.requestId,
    );
    await t.ok(
      'requests.cancel',
      { id: m.requestId, version: visit!.version, reason: '客户改期' },
      r.host.token,
    );
    const after = advances(t, m.requestId);
    expect(after.map((a) => a.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // No step of theirs is left waiting on anybody; finance's inbox no longer holds the last one.
    for (const a of after) {
      expect(
        steps(t, a.id).filter((s) => s.status === 'pending' || s.status === 'waiting'),
      ).toEqual([]);
    }
    expect(await inInbox(t, finance.token, waiting.id)).toBe(false);
    // The head, who decided on them, hears that the visit was cancelled.
    expect(notificationKinds(t, r.head.userId)).toContain('request.cancelled');
    // Finance: nothing left to hand out.
    const toIssue = await t.ok(
      'expenses.advances',
      { status: 'approved', limit: 50 },
      finance.token,
    );
    expect(toIssue.items).toEqual([]);
    // The cancel's audit entry counts them.
    const [audit] = t.rows<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE operation = 'requests.cancel' AND entity_id = ?`,
      String(m.requestId),
    );
    expect(JSON.parse(audit!.summary)).toMatchObject({ withdrawnAdvances: 4 });

    // Nobody asks for a new advance on it, nor resubmits the returned one; nothing changes.
    const before = t.snapshot();
    expect((await ask(m, 10_000)).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesAdvances.errors.visitCancelled' },
    });
    const resubmit = await t.call(
      'expenses.saveAdvance',
      {
        requestId: m.requestId,
        id: returned.id,
        version: after[2]!.version,
        amountFen: 10_000,
        purpose: '餐费',
      },
      r.host.token,
    );
    expect(resubmit.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('a visit with cash handed out or a line recorded is settled, not cancelled', async () => {
    const m = await money();
    const { t, r } = m;
    const cancel = async () => {
      const [visit] = t.rows<{ version: number }>(
        'SELECT version FROM requests WHERE id = ?',
        m.requestId,
      );
      return t.call(
        'requests.cancel',
        { id: m.requestId, version: visit!.version, reason: '客户改期' },
        r.host.token,
      );
    };
    const refusal = {
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesReconcile.errors.cancelWithMoney' },
    };
    // A line recorded (paid by the host himself): refused, nothing changes.
    const saved = await t.ok(
      'expenses.saveLine',
      { requestId: m.requestId, id: null, version: null, line: lineOf({ paidBy: 'host' }) },
      r.host.token,
    );
    let before = t.snapshot();
    expect((await cancel()).result).toMatchObject(refusal);
    expect(t.snapshot()).toEqual(before);
    const line = saved.lines[0]!;
    await t.ok('expenses.deleteLine', { id: line.id, version: line.version }, r.host.token);

    // Cash handed out and nothing spent: refused too; the reconciliation, with no line, returns
    // the advance whole.
    const issued = await approved(m, 10_000);
    expect((await issue(m, issued)).result.ok).toBe(true);
    before = t.snapshot();
    expect((await cancel()).result).toMatchObject(refusal);
    expect(t.snapshot()).toEqual(before);
    const submitted = await t.ok(
      'expenses.submit',
      { requestId: m.requestId, version: null },
      r.host.token,
    );
    expect(submitted.reconciliation.status).toBe('approving');
    expect(submitted.reconciliation.clearing).toMatchObject({
      advanceFen: 10_000,
      companyPaysFen: 0,
      toReturnFen: 10_000,
    });
  });

  it('refuses an advance on a visit not yet approved', async () => {
    const { t, r } = await companyApp();
    await financeClerk(t, r);
    const d = await t.ok(
      'requests.submit',
      { id: null, version: null, body: requestBody() },
      r.host.token,
    );
    const before = t.snapshot();
    const out = await t.call(
      'expenses.saveAdvance',
      { requestId: d.id, id: null, version: null, amountFen: 10_000, purpose: '餐费' },
      r.host.token,
    );
    expect(out.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expenses.errors.visitNotApproved' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a chain nobody could decide (no finance officer)', async () => {
    const { t, r } = await companyApp();
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const before = t.snapshot();
    const out = await t.call(
      'expenses.saveAdvance',
      { requestId, id: null, version: null, amountFen: 10_000, purpose: '餐费' },
      r.host.token,
    );
    expect(out.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'expensesAdvances.errors.noApprover.finance' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it("finance's list is read a keyset page at a time", async () => {
    const m = await money();
    const { t } = m;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      t.advance(MINUTE);
      ids.push((await approved(m, 10_000)).id);
    }
    const first = await t.ok(
      'expenses.advances',
      { status: 'approved', limit: 2 },
      m.finance.token,
    );
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    expect(first.total).toEqual({ count: 3, atLeast: false });
    expect(first.next).not.toBeNull();
    const second = await t.ok(
      'expenses.advances',
      { status: 'approved', limit: 2, after: first.next! },
      m.finance.token,
    );
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(2));
    expect(second.next).toBeNull();
    expect(second.total).toBeNull();
    // Not finance: refused.
    const byHost = await t.call(
      'expenses.advances',
      { status: 'approved', limit: 2 },
      m.r.host.token,
    );
    expect(byHost.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
