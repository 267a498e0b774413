import type { ApprovalStepView } from '../approvals';
import type { Fen } from '../money';
import type { ExpenseCategory, Tier } from '../policy';
import type { RequestSummary } from '../requests';
import type { Clearing } from './clearing';
import type { AdvanceStatus, ReconciliationStatus } from './lifecycle';
import type {
  BudgetActualRow,
  ExpenseCheck,
  LineCheckCode,
  LineSplit,
  VisitCheckCode,
} from './rules';
import type { ExceptionKind, InvoiceType, IssueMethod, PaidBy } from './schema';

// ───────────────────────────── advances ─────────────────────────────

export interface AdvanceView {
  id: number;
  requestId: number;
  /** 借款 1, 2, … of this visit. */
  seq: number;
  amountFen: Fen;
  purpose: string;
  status: AdvanceStatus;
  requestedByName: string;
  requestedAtMs: number;
  issuedOn: string | null;
  issuedMethod: IssueMethod | null;
  issuedByName: string | null;
  /** Its approval chain (dept head, then finance), current round first. */
  steps: ApprovalStepView[];
  version: number;
}

/** A row of finance's advances list (to issue, outstanding). */
export interface AdvanceRow extends AdvanceView {
  requestCode: string;
  orgName: string;
  hostName: string;
  departmentName: string | null;
}

// ───────────────────────────── lines ─────────────────────────────

export interface GrantedException {
  kind: ExceptionKind;
  byName: string;
  reason: string;
  atMs: number;
}

export interface ExpenseLineView {
  id: number;
  requestId: number;
  category: ExpenseCategory;
  spentOn: string;
  vendor: string;
  amountFen: Fen;
  invoiceType: InvoiceType;
  invoiceNo: string;
  noInvoiceReason: string;
  paidBy: PaidBy;
  bookingId: number | null;
  visitors: number;
  companions: number;
  attendeesReason: string;
  note: string;
  receipts: number;
  exceptions: GrantedException[];
  /** Per head, cap, over the cap, who bears what (the rules' split, as stored). */
  split: LineSplit;
  checks: ExpenseCheck<LineCheckCode>[];
  /** Finance sent the reconciliation back over this line, with this reason. */
  returnedReason: string;
  version: number;
}

/** A booking a line may pay for. */
export interface PayableBooking {
  id: number;
  kind: string;
  label: string;
  amountFen: Fen;
  startMs: number;
}

// ───────────────────────────── reconciliation ─────────────────────────────

export interface ReconciliationView {
  /** Null until the first line opens it. */
  id: number | null;
  status: ReconciliationStatus;
  revision: number;
  submittedAtMs: number | null;
  settledAtMs: number | null;
  /** The line finance returned and why. */
  returnedLineId: number | null;
  returnReason: string;
  /** Steps of every round (dept head confirms, finance verifies). */
  steps: ApprovalStepView[];
  /** What settles (as it stands, or as settled). */
  clearing: Clearing;
  version: number;
}

/** What the caller may do on this visit's money (the rights functions' answers). */
export interface MoneyRights {
  recordLines: boolean;
  askAdvance: boolean;
  submit: boolean;
  issueAdvances: boolean;
  grantExceptions: boolean;
  archive: boolean;
  reopen: boolean;
}

/** One visit's money: everything the entry, reconciliation and print pages show. */
export interface VisitMoneyView {
  request: RequestSummary;
  policyVersion: number | null;
  /** The tier's cap of that policy version (null: none), and D's canteen amount. */
  mealCapFen: Fen | null;
  canteenMealFen: Fen | null;
  /** The policy's share of the budget an advance may reach (basis points: 8000 = 80 %). */
  advanceShareBp: number;
  /** Visitors the front desk recorded as arriving (the default attendees), null: no check-in. */
  arrivedVisitors: number | null;
  /** Accompanying staff on the request (the default companions). */
  companions: number;
  advances: AdvanceView[];
  lines: ExpenseLineView[];
  checks: ExpenseCheck<VisitCheckCode>[];
  budget: { rows: BudgetActualRow[]; budgetFen: Fen; actualFen: Fen };
  totals: { amountFen: Fen; companyFen: Fen; borneByHostFen: Fen; overCapFen: Fen };
  reconciliation: ReconciliationView;
  payableBookings: PayableBooking[];
  /** Supplies issued for the visit whose return is not yet recorded (before submission). */
  suppliesToReturn: { bookingId: number; label: string }[];
  rights: MoneyRights;
}

/** A row of finance's reconciliation queue. */
export interface ReconciliationRow {
  id: number;
  requestId: number;
  requestCode: string;
  orgName: string;
  tier: Tier;
  hostName: string;
  departmentName: string | null;
  status: ReconciliationStatus;
  /** The kind of the pending step (who it waits on), null when none. */
  waitingOn: string | null;
  submittedAtMs: number | null;
  amountFen: Fen;
  overCapFen: Fen;
  lines: number;
}

// ───────────────────────────── finance: reports, lines, dashboard ─────────────────────────────

/** A period and the filters of finance's views (dates inclusive, company calendar). */
export interface PeriodFilter {
  from: string;
  to: string;
  departmentId?: number | null;
  tier?: Tier | null;
  hostUserId?: number | null;
  category?: ExpenseCategory | null;
  status?: ReconciliationStatus | null;
  overCapOnly?: boolean;
}

export interface ReportCell {
  amountFen: Fen;
  overCapFen: Fen;
  lines: number;
}

/** Spend grouped by one dimension, and department × category. */
export interface ReportView {
  groupBy: 'department' | 'tier' | 'host' | 'category' | 'status';
  rows: (ReportCell & { key: string; label: string })[];
  /** Rows: departments (key = id or 0 for none); columns: categories. */
  matrix: {
    departmentId: number;
    departmentName: string;
    cells: Record<ExpenseCategory, ReportCell>;
  }[];
  total: ReportCell;
}

/** A row of the lines behind a figure (and of the expense sheet). */
export interface LineRow {
  id: number;
  requestId: number;
  requestCode: string;
  orgName: string;
  tier: Tier;
  departmentName: string | null;
  hostName: string;
  spentOn: string;
  category: ExpenseCategory;
  vendor: string;
  invoiceNo: string;
  amountFen: Fen;
  attendees: number;
  perHeadFen: Fen;
  capFen: Fen | null;
  overCapFen: Fen;
  borneByHostFen: Fen;
  status: ReconciliationStatus;
}

export interface DashboardView {
  /** Visits per month by tier (arrival month). */
  visitsByMonth: { month: string; A: number; B: number; C: number; D: number }[];
  spendByMonth: { month: string; budgetFen: Fen; actualFen: Fen }[];
  spendByDepartment: { departmentId: number; name: string; budgetFen: Fen; actualFen: Fen }[];
  spendByCategory: { category: ExpenseCategory; budgetFen: Fen; actualFen: Fen }[];
  /** Average meal cost per head by tier against its cap (current policy). */
  mealPerHead: { tier: Tier; avgPerHeadFen: Fen | null; capFen: Fen | null; meals: number }[];
  topOverCap: {
    requestId: number;
    code: string;
    orgName: string;
    tier: Tier;
    overCapFen: Fen;
    amountFen: Fen;
  }[];
}
