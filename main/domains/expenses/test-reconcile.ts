/** Test helpers of the reconciliation (its tests and audit scenarios). */
import type { LineInput } from '../../../shared/expenses';
import { invoiceKey, splitLine } from '../../../shared/expenses';
import { parseJson } from '../../core/json';
import { getPolicy } from '../policy';
import { loadRow } from '../requests';
import type { TestApp } from '../../test-support';
import { lineOf } from './test-money';
import { visitFacts } from './visit-facts';

/**
 * Stores an expense line as the entry area would (split by the shared rules, the request's facts
 * copied on it), opening the visit's reconciliation with the first one; `receipts` attachment
 * rows are its receipts. Returns the line's id.
 */
export async function insertLine(
  t: TestApp,
  requestId: number,
  overrides: Partial<LineInput> = {},
  receipts = 1,
): Promise<number> {
  const db = t.app.db;
  const line = lineOf(overrides);
  const row = await loadRow(db, requestId);
  const { policy } = await getPolicy(db, row.policyVersion ?? undefined);
  const facts = visitFacts(row, parseJson(row.body), policy);
  const key = invoiceKey(line.invoiceNo);
  const split = splitLine(facts, {
    ...line,
    invoiceKey: key,
    receipts,
    exceptions: [],
  });
  let rec = await db
    .selectFrom('expenseReconciliations')
    .select(['status'])
    .where('requestId', '=', requestId)
    .executeTakeFirst();
  if (!rec) {
    await db
      .insertInto('expenseReconciliations')
      .values({ requestId, status: 'open', updatedAtMs: t.now() })
      .execute();
    rec = { status: 'open' };
  }
  const { id } = await db
    .insertInto('expenseLines')
    .values({
      requestId,
      category: line.category,
      spentOn: line.spentOn,
      vendor: line.vendor,
      amountFen: line.amountFen,
      invoiceType: line.invoiceType,
      invoiceNo: line.invoiceNo,
      invoiceKey: key,
      noInvoiceReason: line.noInvoiceReason,
      paidBy: line.paidBy,
      bookingId: line.bookingId,
      visitors: line.visitors,
      companions: line.companions,
      attendeesReason: line.attendeesReason,
      note: line.note,
      perHeadFen: split.perHeadFen,
      capFen: split.capFen,
      overCapFen: split.overCapFen,
      borneByHostFen: split.borneByHostFen,
      companyFen: split.companyFen,
      departmentId: row.departmentId,
      tier: row.tier,
      hostUserId: row.hostUserId,
      status: rec.status,
      createdBy: row.hostUserId,
      createdAtMs: t.now(),
      updatedAtMs: t.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < receipts; i++) {
    await db
      .insertInto('attachments')
      .values({
        ownerType: 'expense_line',
        ownerId: id,
        sha256: String(i).repeat(64).slice(0, 64),
        mime: 'image/jpeg',
        sizeBytes: 1,
        fileName: `receipt-${i}.jpg`,
        width: null,
        height: null,
        thumbSha256: null,
        uploadedBy: row.hostUserId,
        uploadedAtMs: t.now(),
        removedBy: null,
        removedAtMs: null,
      })
      .execute();
  }
  return id;
}

/** An advance handed out to the visit's host (as finance's issue would leave it). */
export async function insertIssuedAdvance(
  t: TestApp,
  requestId: number,
  amountFen: number,
  issuedBy: number,
): Promise<number> {
  const row = await loadRow(t.app.db, requestId);
  const seq = t.count('expense_advances', 'request_id = ?', requestId) + 1;
  const { id } = await t.app.db
    .insertInto('expenseAdvances')
    .values({
      requestId,
      seq,
      amountFen,
      purpose: '接待餐费',
      status: 'issued',
      requestedBy: row.hostUserId,
      requestedAtMs: t.now(),
      issuedOn: '2026-11-30',
      issuedMethod: 'cash',
      issuedBy,
      issuedAtMs: t.now(),
      clearedAtMs: null,
      updatedAtMs: t.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
