import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import type { LineInput } from '../../../shared/expenses';
import {
  captureEvents,
  companyApp,
  makeTestApp,
  requestBody,
  signedInUser,
  type Reception,
  type TestApp,
} from '../../test-support';
import { sampleExe, samplePng } from '../attachments/test-files';
import { bookingCompany } from '../bookings/test-company';
import { checkInOf, deskClerk, toVisitMorning } from '../frontdesk/test-desk';
import { bTierLunchBody, filedVisit, financeClerk, lineOf } from './test-money';

/** The worked example's lunch: 900.00 for 4 visitors and 2 companions. */
const LUNCH = lineOf({ amountFen: 90_000, visitors: 4, companions: 2 });

async function setUp() {
  const { t, r } = await companyApp();
  const requestId = await filedVisit(t, r, bTierLunchBody());
  return { t, r, requestId };
}

const add = (t: TestApp, r: Reception, requestId: number, line: LineInput = LUNCH) =>
  t.ok('expenses.saveLine', { requestId, id: null, version: null, line }, r.host.token);

const saveInput = (requestId: number, line: Partial<LineInput>): OpInput<'expenses.saveLine'> => ({
  requestId,
  id: null,
  version: null,
  line: { ...LUNCH, ...line },
});

describe('the worked example, end to end', () => {
  it('B-tier lunch 4 + 2 for 900.00: 150.00 a head, cap 130.00, 120.00 over the cap borne by the host', async () => {
    const { t, r, requestId } = await setUp();
    const events = captureEvents(t);
    const v = await add(t, r, requestId);
    expect(v.request.id).toBe(requestId);
    expect(v.mealCapFen).toBe(13_000);
    expect(v.canteenMealFen).toBeNull();
    expect(v.advanceShareBp).toBe(8_000);
    expect(v.policyVersion).toEqual(expect.any(Number));
    expect(v.arrivedVisitors).toBeNull();
    expect(v.companions).toBe(2);
    expect(v.lines).toHaveLength(1);
    const l = v.lines[0]!;
    expect(l.split).toEqual({
      people: 6,
      perHeadFen: 15_000,
      capFen: 13_000,
      overCapFen: 12_000,
      borneByHostFen: 12_000,
      companyFen: 78_000,
      hostBears: 'over_cap',
    });
    expect(l.checks.map((c) => `${c.code}:${c.severity}`)).toEqual([
      'over_cap:warn',
      'no_receipt:block',
    ]);
    expect(l.receipts).toBe(0);
    expect(v.totals).toEqual({
      amountFen: 90_000,
      companyFen: 78_000,
      borneByHostFen: 12_000,
      overCapFen: 12_000,
    });
    expect(v.budget.rows.find((b) => b.category === 'meals')?.actualFen).toBe(90_000);
    expect(v.budget.actualFen).toBe(90_000);
    expect(v.rights).toMatchObject({
      recordLines: true,
      submit: true,
      issueAdvances: false,
      grantExceptions: false,
      archive: false,
      reopen: false,
    });
    // Stored as the reports sum it, with the request's facts copied on.
    const [row] = t.rows<Record<string, unknown>>('SELECT * FROM expense_lines');
    expect(row).toMatchObject({
      per_head_fen: 15_000,
      cap_fen: 13_000,
      over_cap_fen: 12_000,
      borne_by_host_fen: 12_000,
      company_fen: 78_000,
      tier: 'B',
      host_user_id: r.host.userId,
      department_id: r.departmentId,
      status: 'open',
      invoice_key: '26312000000012345678',
    });
    // The first line opened the reconciliation.
    expect(
      t.rows('SELECT status FROM expense_reconciliations WHERE request_id = ?', requestId),
    ).toEqual([{ status: 'open' }]);
    const audit = t.rows<{ entity_type: string; summary: string }>(
      "SELECT entity_type, summary FROM audit_log WHERE operation = 'expenses.saveLine'",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary)).toEqual({
      code: v.request.code,
      category: 'meals',
      spentOn: '2026-12-01',
      amount: '900.00',
    });
    expect(events.some((e) => e.name === 'expenses.changed')).toBe(true);
  });

  it('an executive allows the over-cap part: the company bears all 900.00', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    const seen = await t.ok('expenses.visit', { requestId }, r.executive.token);
    expect(seen.rights.grantExceptions).toBe(true);
    const v = await t.ok(
      'expenses.grantException',
      { lineId: l.id, version: l.version, kind: 'over_cap', reason: '重要客户，总经理特批' },
      r.executive.token,
    );
    const after = v.lines[0]!;
    expect(after.split).toMatchObject({ borneByHostFen: 0, companyFen: 90_000, hostBears: null });
    expect(after.exceptions).toEqual([
      { kind: 'over_cap', byName: '张总', reason: '重要客户，总经理特批', atMs: t.now() },
    ]);
    expect(after.checks.find((c) => c.code === 'over_cap')?.severity).toBe('info');
    expect(t.rows('SELECT borne_by_host_fen, company_fen FROM expense_lines')).toEqual([
      { borne_by_host_fen: 0, company_fen: 90_000 },
    ]);
    // The host's next change keeps the exception.
    const changed = await t.ok(
      'expenses.saveLine',
      { requestId, id: l.id, version: after.version, line: { ...LUNCH, vendor: '老房子' } },
      r.host.token,
    );
    expect(changed.lines[0]!.split.companyFen).toBe(90_000);
    // Stale: the line changed since.
    const before = t.snapshot();
    expect(
      (
        await t.fail(
          'expenses.grantException',
          { lineId: l.id, version: after.version, kind: 'over_cap', reason: '再次' },
          r.executive.token,
        )
      ).key,
    ).toBe('expenses.errors.staleLine');
    // A host has no such right.
    expect(
      (
        await t.fail(
          'expenses.grantException',
          { lineId: l.id, version: changed.lines[0]!.version, kind: 'over_cap', reason: '自批' },
          r.host.token,
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(t.snapshot()).toEqual(before);
    // A change of the amount voids the exception: the executive decides again on the new facts.
    const dearer = await t.ok(
      'expenses.saveLine',
      {
        requestId,
        id: l.id,
        version: changed.lines[0]!.version,
        line: { ...LUNCH, vendor: '老房子', amountFen: LUNCH.amountFen * 10 },
      },
      r.host.token,
    );
    expect(dearer.lines[0]!.exceptions).toEqual([]);
    expect(dearer.lines[0]!.split.hostBears).toBe('over_cap');
    expect(t.rows('SELECT count(*) AS n FROM expense_exceptions')).toEqual([{ n: 0 }]);
  });

  it('is never granted by the visit’s own host, executive or not', async () => {
    const { t, r } = await companyApp();
    const requestId = await filedVisit(t, r, bTierLunchBody());
    // The host is an executive too.
    await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host', 'executive'],
        disabled: false,
      },
      r.admin.token,
    );
    const v = await t.ok(
      'expenses.saveLine',
      { requestId, id: null, version: null, line: LUNCH },
      r.host.token,
    );
    const l = v.lines[0]!;
    const before = t.snapshot();
    const e = await t.fail(
      'expenses.grantException',
      { lineId: l.id, version: l.version, kind: 'over_cap', reason: '自批' },
      r.host.token,
    );
    expect([e.code, e.key]).toEqual(['FORBIDDEN', 'expenses.errors.ownException']);
    expect(t.snapshot()).toEqual(before);
  });
});

describe('bad input: a clear message, nothing stored', () => {
  it.each([
    ['a negative amount', { amountFen: -100 }, 'validation.nonNegative'],
    ['a zero amount', { amountFen: 0 }, 'expenses.errors.amountPositive'],
    ['a fraction of a fen', { amountFen: 1250.5 }, 'validation.fenInteger'],
    ['more than 10,000,000 元', { amountFen: 1_000_000_001 }, 'validation.tooBig'],
    ['nobody at the table', { visitors: 0, companions: 0 }, 'expenses.errors.noAttendees'],
    [
      'no invoice without a reason',
      { invoiceType: 'none' as const, invoiceNo: '' },
      'expenses.errors.noInvoiceReason',
    ],
    [
      'an invoice type without its number',
      { invoiceNo: '  ' },
      'expenses.errors.invoiceNoRequired',
    ],
    ['a booking that does not exist', { bookingId: 999 }, 'expensesEntry.errors.bookingNotOfVisit'],
    ['a date that is no date', { spentOn: '2026-02-30' }, null],
  ] as const)('%s', async (_what, line, key) => {
    const { t, r, requestId } = await setUp();
    await add(t, r, requestId);
    const before = t.snapshot();
    const err = await t.fail('expenses.saveLine', saveInput(requestId, line), r.host.token);
    expect(err.code).toBe('INVALID_INPUT');
    if (key) {
      const said = [err.key, ...Object.values(err.fieldErrors ?? {}).map((m) => m.key)];
      expect(said).toContain(key);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('exactly 10,000,000 元 is accepted', async () => {
    const { t, r, requestId } = await setUp();
    const v = await add(t, r, requestId, lineOf({ category: 'gifts', amountFen: 1_000_000_000 }));
    expect(v.lines[0]!.amountFen).toBe(1_000_000_000);
  });

  it('an invoice number with spaces is normalised, and the same invoice on two requests is flagged on both', async () => {
    const { t, r, requestId } = await setUp();
    const other = await filedVisit(t, r, bTierLunchBody());
    const a = await add(t, r, requestId, lineOf({ invoiceNo: '０１２ ３４-5a' }));
    expect(a.lines[0]!.invoiceNo).toBe('０１２ ３４-5a');
    expect(a.lines[0]!.checks.map((c) => c.code)).not.toContain('duplicate_invoice');
    const b = await add(t, r, other, lineOf({ invoiceNo: '012345A' }));
    const dup = b.lines[0]!.checks.find((c) => c.code === 'duplicate_invoice');
    expect(dup).toEqual({
      code: 'duplicate_invoice',
      severity: 'block',
      params: { codes: a.request.code },
    });
    expect(t.rows('SELECT DISTINCT invoice_key FROM expense_lines')).toEqual([
      { invoice_key: '012345A' },
    ]);
    const again = await t.ok('expenses.visit', { requestId }, r.host.token);
    expect(again.lines[0]!.checks.find((c) => c.code === 'duplicate_invoice')?.params).toEqual({
      codes: b.request.code,
    });
    // Twice on the same request: flagged too.
    const twice = await add(t, r, other, lineOf({ invoiceNo: '012 345 a', amountFen: 100 }));
    expect(twice.lines.every((l) => l.checks.some((c) => c.code === 'duplicate_invoice'))).toBe(
      true,
    );
  });

  it('a date outside the visit is stored, and checked', async () => {
    const { t, r, requestId } = await setUp();
    const v = await add(t, r, requestId, lineOf({ spentOn: '2026-11-20' }));
    expect(v.lines[0]!.checks.map((c) => c.code)).toContain('outside_visit_dates');
  });

  it('editing a settled or archived visit is refused', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    t.exec("UPDATE expense_reconciliations SET status = 'settled' WHERE request_id = ?", requestId);
    t.exec("UPDATE requests SET status = 'settled' WHERE id = ?", requestId);
    const before = t.snapshot();
    const edit = { requestId, id: l.id, version: l.version, line: { ...LUNCH, amountFen: 1 } };
    expect((await t.fail('expenses.saveLine', edit, r.host.token)).key).toBe(
      'expenses.errors.notEditable',
    );
    expect((await t.fail('expenses.saveLine', saveInput(requestId, {}), r.host.token)).code).toBe(
      'CONFLICT',
    );
    expect(
      (await t.fail('expenses.deleteLine', { id: l.id, version: l.version }, r.host.token)).key,
    ).toBe('expenses.errors.notEditable');
    expect(
      (
        await t.fail(
          'expenses.grantException',
          { lineId: l.id, version: l.version, kind: 'over_cap', reason: '特批' },
          r.executive.token,
        )
      ).key,
    ).toBe('expenses.errors.notEditable');
    const v = await t.ok('expenses.visit', { requestId }, r.host.token);
    expect(v.rights.recordLines).toBe(false);
    expect(v.rights.submit).toBe(false);
    t.exec("UPDATE requests SET status = 'archived' WHERE id = ?", requestId);
    const archived = t.snapshot();
    expect((await t.fail('expenses.saveLine', edit, r.host.token)).key).toBe(
      'expenses.errors.archived',
    );
    expect(t.snapshot()).toEqual(archived);
    expect(before).not.toEqual(archived);
  });

  it('a visit not yet approved takes no lines', async () => {
    const { t, r } = await companyApp();
    const d = await t.ok(
      'requests.submit',
      { id: null, version: null, body: requestBody() },
      r.host.token,
    );
    const before = t.snapshot();
    expect((await t.fail('expenses.saveLine', saveInput(d.id, {}), r.host.token)).key).toBe(
      'expenses.errors.visitNotApproved',
    );
    expect(t.snapshot()).toEqual(before);
  });
});

describe('versions and who may', () => {
  it('a stale version is a CONFLICT (save and delete); a double delete is not found', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    const v2 = await t.ok(
      'expenses.saveLine',
      { requestId, id: l.id, version: l.version, line: { ...LUNCH, vendor: '老房子' } },
      r.host.token,
    );
    expect(v2.lines[0]!.version).toBe(l.version + 1);
    const before = t.snapshot();
    const stale = await t.fail(
      'expenses.saveLine',
      { requestId, id: l.id, version: l.version, line: { ...LUNCH, vendor: '又改' } },
      r.host.token,
    );
    expect([stale.code, stale.key]).toEqual(['CONFLICT', 'expenses.errors.staleLine']);
    const staleDelete = await t.fail(
      'expenses.deleteLine',
      { id: l.id, version: l.version },
      r.host.token,
    );
    expect([staleDelete.code, staleDelete.key]).toEqual(['CONFLICT', 'expenses.errors.staleLine']);
    expect(t.snapshot()).toEqual(before);
    const gone = await t.ok(
      'expenses.deleteLine',
      { id: l.id, version: v2.lines[0]!.version },
      r.host.token,
    );
    expect(gone.lines).toEqual([]);
    expect(gone.rights.submit).toBe(false);
    const twice = await t.fail(
      'expenses.deleteLine',
      { id: l.id, version: v2.lines[0]!.version },
      r.host.token,
    );
    expect(twice.code).toBe('NOT_FOUND');
  });

  it('another host, and a head of another department, are told the visit does not exist', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    const other = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '赵接待',
      roles: ['host'],
    });
    const head2 = await signedInUser(t, r.admin.token, {
      login: 'head2',
      displayName: '周部长',
      roles: ['dept_head'],
    });
    await t.ok('departments.create', { name: '采购部', headUserId: head2.userId }, r.admin.token);
    const before = t.snapshot();
    for (const token of [other.token, head2.token]) {
      expect((await t.fail('expenses.visit', { requestId }, token)).code).toBe('NOT_FOUND');
    }
    expect((await t.fail('expenses.saveLine', saveInput(requestId, {}), other.token)).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await t.fail(
          'expenses.saveLine',
          { requestId, id: l.id, version: l.version, line: LUNCH },
          other.token,
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.fail('expenses.deleteLine', { id: l.id, version: l.version }, other.token)).code,
    ).toBe('NOT_FOUND');
    // The visit's own head reads it but records nothing.
    const seen = await t.ok('expenses.visit', { requestId }, r.head.token);
    expect(seen.rights.recordLines).toBe(false);
    expect((await t.fail('expenses.saveLine', saveInput(requestId, {}), r.head.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('finance reads every visit’s money, and may issue advances there', async () => {
    const { t, r, requestId } = await setUp();
    await add(t, r, requestId);
    const finance = await financeClerk(t, r);
    const v = await t.ok('expenses.visit', { requestId }, finance.token);
    expect(v.lines).toHaveLength(1);
    expect(v.rights).toMatchObject({ recordLines: false, issueAdvances: true, submit: false });
  });

  it('an unknown visit is not found', async () => {
    const { t, r } = await companyApp();
    expect((await t.fail('expenses.visit', { requestId: 9_999 }, r.host.token)).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('arrivals and bookings', () => {
  it('the people default to the arrivals: others need a reason, and are noted', async () => {
    const { t, r, requestId } = await setUp();
    const desk = await deskClerk(t, r);
    await toVisitMorning(t, r);
    await t.ok('frontdesk.checkIn', checkInOf(requestId, [0, 1, 2]), desk.token);
    const v = await t.ok('expenses.visit', { requestId }, r.host.token);
    expect(v.arrivedVisitors).toBe(3);
    const before = t.snapshot();
    const err = await t.fail('expenses.saveLine', saveInput(requestId, {}), r.host.token);
    expect(err.fieldErrors?.['line.attendeesReason']?.key).toBe(
      'expensesEntry.errors.attendeesReason',
    );
    expect(t.snapshot()).toEqual(before);
    const asArrived = await add(t, r, requestId, lineOf({ visitors: 3, companions: 2 }));
    expect(asArrived.lines[0]!.checks.map((c) => c.code)).not.toContain('attendees_changed');
    const withReason = await t.ok(
      'expenses.saveLine',
      saveInput(requestId, { attendeesReason: '李四下午才到，另请了一位客户', invoiceNo: '99' }),
      r.host.token,
    );
    expect(
      withReason.lines
        .find((l) => l.visitors === 4)
        ?.checks.find((c) => c.code === 'attendees_changed'),
    ).toEqual({ code: 'attendees_changed', severity: 'info', params: { arrived: 3, entered: 4 } });
  });

  it('a line may pay for a live booking of its own visit only', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const r = c.r;
    const mine = await filedVisit(t, r, bTierLunchBody());
    const theirs = await filedVisit(t, r, bTierLunchBody());
    const book = (requestId: number) =>
      t.ok(
        'bookings.save',
        {
          id: null,
          version: null,
          requestId,
          needKey: null,
          status: 'confirmed',
          detail: {
            kind: 'restaurant',
            restaurantId: c.restaurant.id,
            privateRoom: '牡丹厅',
            meal: 'lunch',
            date: '2026-12-01',
            time: '12:00',
            covers: 6,
            perHeadFen: 9_000,
          },
        },
        r.office.token,
      );
    const a = await book(mine);
    const b = await book(theirs);
    const v = await t.ok('expenses.visit', { requestId: mine }, r.host.token);
    expect(v.payableBookings).toEqual([
      {
        id: a.id,
        kind: 'restaurant',
        label: '老房子餐厅',
        amountFen: a.amountFen,
        startMs: a.startMs,
      },
    ]);
    const before = t.snapshot();
    const err = await t.fail(
      'expenses.saveLine',
      saveInput(mine, { bookingId: b.id }),
      r.host.token,
    );
    expect(err.fieldErrors?.['line.bookingId']?.key).toBe('expensesEntry.errors.bookingNotOfVisit');
    expect(t.snapshot()).toEqual(before);
    const ok = await add(t, r, mine, lineOf({ ...LUNCH, bookingId: a.id }));
    expect(ok.lines[0]!.bookingId).toBe(a.id);
  });
});

describe('receipts', () => {
  const upload = (t: TestApp, token: string, lineId: number, fileName: string, bytes: Buffer) =>
    t.call(
      'attachments.upload',
      {
        ownerType: 'expense_line',
        ownerId: lineId,
        fileName,
        dataBase64: bytes.toString('base64'),
      },
      token,
    );

  it('the host uploads a receipt: the line has one and no longer lacks it; an .exe renamed .jpg is refused', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    const before = t.snapshot();
    const exe = await upload(t, r.host.token, l.id, '发票.jpg', sampleExe());
    expect(exe.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', key: 'attachments.errors.badType' },
    });
    expect(t.snapshot()).toEqual(before);
    const ok = await upload(t, r.host.token, l.id, '发票.png', samplePng(40, 30));
    expect(ok.result).toMatchObject({ ok: true });
    const v = await t.ok('expenses.visit', { requestId }, r.host.token);
    expect(v.lines[0]!.receipts).toBe(1);
    expect(v.lines[0]!.checks.map((c) => c.code)).not.toContain('no_receipt');
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'attachments.upload'",
    );
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ code: v.request.code });
  });

  it('nobody else uploads; another host is told the line does not exist; a settled visit takes no files', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    const other = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '赵接待',
      roles: ['host'],
    });
    const before = t.snapshot();
    const theirs = await upload(t, other.token, l.id, 'x.png', samplePng(4, 4));
    expect(theirs.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const head = await upload(t, r.head.token, l.id, 'x.png', samplePng(4, 4));
    expect(head.result).toMatchObject({ ok: false });
    const none = await upload(t, r.host.token, 9_999, 'x.png', samplePng(4, 4));
    expect(none.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.snapshot()).toEqual(before);
    t.exec(
      "UPDATE expense_reconciliations SET status = 'approving' WHERE request_id = ?",
      requestId,
    );
    const closed = await upload(t, r.host.token, l.id, 'x.png', samplePng(4, 4));
    expect(closed.result).toMatchObject({ ok: false });
  });

  it('a deleted line’s receipts stay on record, and its id never comes back', async () => {
    const { t, r, requestId } = await setUp();
    const l = (await add(t, r, requestId)).lines[0]!;
    await upload(t, r.host.token, l.id, '发票.png', samplePng(8, 8));
    await t.ok('expenses.deleteLine', { id: l.id, version: l.version }, r.host.token);
    expect(t.count('attachments', 'owner_id = ?', l.id)).toBe(1);
    const next = (await add(t, r, requestId)).lines[0]!;
    expect(next.id).toBeGreaterThan(l.id);
    expect(next.receipts).toBe(0);
  });
});
