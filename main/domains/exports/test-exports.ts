/** Test helpers of the exports (their tests and the bench). */
import ExcelJS from 'exceljs';
import type { OpInput } from '../../../shared/contract/operations';
import type { ExportFile } from '../../../shared/exports';
import { splitLine, type VisitFacts } from '../../../shared/expenses';
import type { LineInput } from '../../../shared/expenses';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../shared/policy';
import type { AppEvent } from '../../api/events';
import type { TestApp } from '../../test-support';

/** The B-tier visit of the worked example as the split rules see it (cap 130.00 a head). */
export const B_VISIT: VisitFacts = {
  tier: 'B',
  mealCapFen: 13_000,
  canteenMealFen: null,
  mealPayer: 'company',
  arrivalDate: '2026-12-01',
  departureDate: '2026-12-02',
  companyPaysLodging: false,
  budget: Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 100_000])) as Record<
    ExpenseCategory,
    number
  >,
};

export interface SeedLine {
  requestId: number;
  hostUserId: number;
  departmentId: number | null;
  category?: ExpenseCategory;
  spentOn: string;
  vendor: string;
  amountFen: number;
  visitors?: number;
  companions?: number;
  invoiceNo?: string;
  status?: 'open' | 'approving' | 'returned' | 'settled';
  paidBy?: LineInput['paidBy'];
}

/** Expense lines written straight into the table, their split columns computed by the rules. */
export async function seedLines(t: TestApp, lines: readonly SeedLine[], nowMs = t.now()) {
  const values = lines.map((l) => {
    const category = l.category ?? 'meals';
    const paidBy = l.paidBy ?? 'advance';
    const split = splitLine(B_VISIT, {
      category,
      spentOn: l.spentOn,
      amountFen: l.amountFen,
      paidBy,
      visitors: l.visitors ?? 4,
      companions: l.companions ?? 2,
      invoiceKey: l.invoiceNo ?? '',
      receipts: 1,
      exceptions: [],
    });
    return {
      requestId: l.requestId,
      category,
      spentOn: l.spentOn,
      vendor: l.vendor,
      amountFen: l.amountFen,
      invoiceType: 'electronic' as const,
      invoiceNo: l.invoiceNo ?? '',
      invoiceKey: l.invoiceNo ?? '',
      paidBy,
      bookingId: null,
      visitors: l.visitors ?? 4,
      companions: l.companions ?? 2,
      perHeadFen: split.perHeadFen,
      capFen: split.capFen,
      overCapFen: split.overCapFen,
      borneByHostFen: split.borneByHostFen,
      companyFen: split.companyFen,
      departmentId: l.departmentId,
      tier: 'B' as const,
      hostUserId: l.hostUserId,
      status: l.status ?? 'open',
      createdBy: l.hostUserId,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
  });
  for (let i = 0; i < values.length; i += 500) {
    await t.app.db
      .insertInto('expenseLines')
      .values(values.slice(i, i + 500))
      .execute();
  }
}

type Progress = AppEvent<'exports.progress'>['payload'];

/** The progress events of one job, in the order they came. */
export function progressOf(events: readonly AppEvent[], jobId: string): Progress[] {
  return events
    .filter((e): e is AppEvent<'exports.progress'> => e.name === 'exports.progress')
    .map((e) => e.payload)
    .filter((p) => p.jobId === jobId);
}

/** Waits (real time) until `ok` holds, polling. */
export async function waitFor(ok: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts an export, waits for its end, and fetches the file. */
export async function exported(
  t: TestApp,
  events: readonly AppEvent[],
  input: OpInput<'exports.start'>,
  token: string,
): Promise<{ jobId: string; fileName: string; file: ExportFile; progress: Progress[] }> {
  const job = await t.ok('exports.start', input, token);
  await waitFor(() => progressOf(events, job.jobId).some((p) => p.status !== 'running'));
  const progress = progressOf(events, job.jobId);
  const last = progress[progress.length - 1];
  if (last?.status !== 'done') throw new Error(`export failed: ${JSON.stringify(last)}`);
  const file = await t.ok('exports.download', { jobId: job.jobId }, token);
  return { jobId: job.jobId, fileName: job.fileName, file, progress };
}

/** The workbook of an exported XLSX. */
export async function workbookOf(file: ExportFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
