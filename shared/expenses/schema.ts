import * as z from 'zod';
import { EXPENSE_CATEGORIES } from '../policy';
import { calendarDate, fen, id, multilineText, text } from '../validation/fields';

/** 发票 kinds: 增值税专用发票, 普通发票, 电子发票 (全电), or none (with a reason). */
export const INVOICE_TYPES = ['vat_special', 'vat_ordinary', 'electronic', 'none'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/**
 * Who paid a line: the company card (nothing to reimburse), the host's cash advance (cleared at
 * settlement), the host personally (reimbursed to him) or the visitor (on record, costs nothing).
 */
export const PAID_BY = ['company_card', 'advance', 'host', 'visitor'] as const;
export type PaidBy = (typeof PAID_BY)[number];

/** How finance handed out an advance. */
export const ISSUE_METHODS = ['cash', 'bank_transfer'] as const;
export type IssueMethod = (typeof ISSUE_METHODS)[number];

/** What an executive may allow on a line, each with a reason (DESIGN.md §3). */
export const EXCEPTION_KINDS = ['over_cap', 'outside_process', 'lodging'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** A positive amount in fen: at least one fen, at most 10,000,000 元 (the `fen` field's bound). */
export const positiveFen = fen.min(1, { message: 'expenses.errors.amountPositive' });

/** People at a line: visitors and our accompanying staff; together at least one (checked below). */
const people = z.number({ message: 'validation.required' }).int().min(0).max(999);

/**
 * An expense line as the host types it. The invoice number is kept as typed (trimmed) and
 * normalised for the duplicate check by `invoiceKey`; `attendeesReason` is required by the service
 * when the people differ from the arrivals the front desk recorded.
 */
export const lineInputSchema = z
  .strictObject({
    category: z.enum(EXPENSE_CATEGORIES, { message: 'validation.invalidOption' }),
    spentOn: calendarDate,
    vendor: text(100),
    amountFen: positiveFen,
    invoiceType: z.enum(INVOICE_TYPES, { message: 'validation.invalidOption' }),
    invoiceNo: text(60),
    noInvoiceReason: multilineText(500),
    paidBy: z.enum(PAID_BY, { message: 'validation.invalidOption' }),
    bookingId: id.nullable(),
    visitors: people,
    companions: people,
    attendeesReason: multilineText(500),
    note: multilineText(1000),
  })
  .superRefine((l, c) => {
    if (l.visitors + l.companions < 1) {
      c.addIssue({ code: 'custom', path: ['visitors'], message: 'expenses.errors.noAttendees' });
    }
    if (l.invoiceType === 'none' && l.noInvoiceReason.trim() === '') {
      c.addIssue({
        code: 'custom',
        path: ['noInvoiceReason'],
        message: 'expenses.errors.noInvoiceReason',
      });
    }
    if (l.invoiceType !== 'none' && l.invoiceNo.trim() === '') {
      c.addIssue({
        code: 'custom',
        path: ['invoiceNo'],
        message: 'expenses.errors.invoiceNoRequired',
      });
    }
  });
export type LineInput = z.output<typeof lineInputSchema>;
