import * as z from 'zod';
import { op } from '../contract/spec';
import { daysBetween } from '../dates';
import type { Page } from '../contract/types';
import { EXPENSE_CATEGORIES, TIERS } from '../policy';
import { calendarDate, id, requiredMultilineText } from '../validation/fields';
import { RECONCILIATION_STATUSES } from './lifecycle';
import { EXCEPTION_KINDS, ISSUE_METHODS, lineInputSchema, positiveFen } from './schema';
import type {
  AdvanceRow,
  DashboardView,
  LineRow,
  ReconciliationRow,
  ReportView,
  VisitMoneyView,
} from './views';

const version = z.number({ message: 'validation.required' }).int().positive();
const requestId = id;
const cursor = z.strictObject({ key: z.union([z.string().max(40), z.number().int()]), id });
const limit = z.number().int().min(1).max(200).default(50);

/** A period of finance's views and exports: from ≤ to, at most 10 years + a day. */
export const periodFilterSchema = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    departmentId: id.nullable().optional(),
    tier: z.enum(TIERS, { message: 'validation.invalidOption' }).nullable().optional(),
    hostUserId: id.nullable().optional(),
    category: z
      .enum(EXPENSE_CATEGORIES, { message: 'validation.invalidOption' })
      .nullable()
      .optional(),
    status: z
      .enum(RECONCILIATION_STATUSES, { message: 'validation.invalidOption' })
      .nullable()
      .optional(),
    overCapOnly: z.boolean().optional(),
  })
  .refine((p) => p.from <= p.to, { message: 'validation.rangeOrder', path: ['to'] })
  // Ten years and their leap days: a longer period is a typo, and would walk every line.
  .refine((p) => p.from > p.to || daysBetween(p.from, p.to) <= 3653, {
    message: 'expenses.errors.periodTooLong',
    path: ['to'],
  });

export const expensesOperations = {
  /** One visit's money (NOT_FOUND to whoever may not read the request, finance sees all). */
  'expenses.visit': op<VisitMoneyView>()({
    input: z.strictObject({ requestId }),
    access: 'session',
    write: false,
  }),

  // ── advances ──
  /** Ask for an advance (id null), or change and resubmit a returned one. */
  'expenses.saveAdvance': op<VisitMoneyView>()({
    input: z.strictObject({
      requestId,
      id: id.nullable(),
      version: version.nullable(),
      amountFen: positiveFen,
      purpose: requiredMultilineText(500),
    }),
    access: 'expenses.record',
    write: true,
  }),
  'expenses.cancelAdvance': op<VisitMoneyView>()({
    input: z.strictObject({ id, version }),
    access: 'expenses.record',
    write: true,
  }),
  /** Finance hands the approved advance out: when and how. */
  'expenses.issueAdvance': op<VisitMoneyView>()({
    input: z.strictObject({
      id,
      version,
      issuedOn: calendarDate,
      method: z.enum(ISSUE_METHODS, { message: 'validation.invalidOption' }),
    }),
    access: 'expenses.finance',
    write: true,
  }),
  /** Finance's advances: approved and waiting to be handed out, or issued and not yet cleared. */
  'expenses.advances': op<Page<AdvanceRow>>()({
    input: z.strictObject({
      status: z.enum(['approved', 'issued'], { message: 'validation.invalidOption' }),
      after: cursor.optional(),
      limit,
    }),
    access: 'expenses.finance',
    write: false,
  }),

  // ── lines ──
  /** Add a line (id null) or change one; attendees default to the recorded arrivals. */
  'expenses.saveLine': op<VisitMoneyView>()({
    input: z.strictObject({
      requestId,
      id: id.nullable(),
      version: version.nullable(),
      line: lineInputSchema,
    }),
    access: 'expenses.record',
    write: true,
  }),
  'expenses.deleteLine': op<VisitMoneyView>()({
    input: z.strictObject({ id, version }),
    access: 'expenses.record',
    write: true,
  }),
  /** An executive allows what the rules would make the host bear, with his reason. */
  'expenses.grantException': op<VisitMoneyView>()({
    input: z.strictObject({
      lineId: id,
      version,
      kind: z.enum(EXCEPTION_KINDS, { message: 'validation.invalidOption' }),
      reason: requiredMultilineText(500),
    }),
    access: 'expenses.except',
    write: true,
  }),

  // ── reconciliation ──
  /** The host submits (or resubmits) the visit's lines: dept head confirms, finance verifies. */
  'expenses.submit': op<VisitMoneyView>()({
    input: z.strictObject({ requestId, version: version.nullable() }),
    access: 'expenses.record',
    write: true,
  }),
  /** Finance, at its step, sends the reconciliation back over one line with a reason. */
  'expenses.returnLine': op<VisitMoneyView>()({
    input: z.strictObject({
      stepId: id,
      version,
      lineId: id,
      reason: requiredMultilineText(500),
    }),
    access: 'expenses.finance',
    write: true,
  }),
  /** A settled visit becomes read-only on record (归档). */
  'expenses.archive': op<VisitMoneyView>()({
    input: z.strictObject({ requestId }),
    access: 'expenses.finance',
    write: true,
  }),
  /** Only the sysadmin reopens a settled or archived visit; audited with the reason. */
  'expenses.reopen': op<VisitMoneyView>()({
    input: z.strictObject({ requestId, reason: requiredMultilineText(500) }),
    access: 'expenses.reopen',
    write: true,
  }),
  /** Finance's queue: reconciliations by status, oldest submission first. */
  'expenses.reconciliations': op<Page<ReconciliationRow>>()({
    input: z.strictObject({
      status: z.enum(RECONCILIATION_STATUSES, { message: 'validation.invalidOption' }),
      after: cursor.optional(),
      limit,
    }),
    access: 'expenses.finance',
    write: false,
  }),

  // ── finance ──
  'expenses.report': op<ReportView>()({
    input: z.strictObject({
      period: periodFilterSchema,
      groupBy: z.enum(['department', 'tier', 'host', 'category', 'status'], {
        message: 'validation.invalidOption',
      }),
    }),
    access: 'expenses.report',
    write: false,
  }),
  /** The lines behind a figure, by date then id. */
  'expenses.lines': op<Page<LineRow>>()({
    input: z.strictObject({ period: periodFilterSchema, after: cursor.optional(), limit }),
    access: 'expenses.report',
    write: false,
  }),
  'expenses.dashboard': op<DashboardView>()({
    input: z.strictObject({ period: periodFilterSchema }),
    access: 'expenses.report',
    write: false,
  }),
};

export interface ExpensesEvents {
  /** A visit's money changed: its pages, finance's queue and the reports read again. */
  'expenses.changed': { requestId: number };
}
