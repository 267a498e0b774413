import type { Generated } from 'kysely';
import type { ExpenseCategory, Tier } from '../../../shared/policy';
import type {
  AdvanceStatus,
  ExceptionKind,
  InvoiceType,
  IssueMethod,
  PaidBy,
  ReconciliationStatus,
} from '../../../shared/expenses';
import type { RequestStatus } from '../../../shared/requests';

/** The expenses' tables as Kysely sees them (migration 0160; camelCase ↔ snake_case). */
export interface ExpensesTables {
  expenseAdvances: {
    id: Generated<number>;
    requestId: number;
    seq: number;
    amountFen: number;
    purpose: Generated<string>;
    status: AdvanceStatus;
    /** Its approval round (the engine's steps of this subject and revision are live). */
    revision: Generated<number>;
    requestedBy: number;
    requestedAtMs: number;
    issuedOn: string | null;
    issuedMethod: IssueMethod | null;
    issuedBy: number | null;
    issuedAtMs: number | null;
    clearedAtMs: number | null;
    updatedAtMs: number;
    version: Generated<number>;
  };
  expenseReconciliations: {
    id: Generated<number>;
    requestId: number;
    status: ReconciliationStatus;
    revision: Generated<number>;
    submittedAtMs: number | null;
    settledAtMs: number | null;
    returnedLineId: number | null;
    returnReason: Generated<string>;
    /** JSON of `Clearing` as settled; '{}' before. */
    clearing: Generated<string>;
    updatedAtMs: number;
    version: Generated<number>;
  };
  expenseLines: {
    id: Generated<number>;
    requestId: number;
    category: ExpenseCategory;
    spentOn: string;
    vendor: Generated<string>;
    amountFen: number;
    invoiceType: InvoiceType;
    invoiceNo: Generated<string>;
    invoiceKey: Generated<string>;
    noInvoiceReason: Generated<string>;
    paidBy: PaidBy;
    bookingId: number | null;
    visitors: number;
    companions: number;
    attendeesReason: Generated<string>;
    note: Generated<string>;
    perHeadFen: number;
    capFen: number | null;
    overCapFen: Generated<number>;
    borneByHostFen: Generated<number>;
    companyFen: Generated<number>;
    returnedReason: Generated<string>;
    departmentId: number | null;
    tier: Tier;
    hostUserId: number;
    status: ReconciliationStatus;
    createdBy: number;
    createdAtMs: number;
    updatedAtMs: number;
    version: Generated<number>;
  };
  expenseExceptions: {
    lineId: number;
    kind: ExceptionKind;
    byUserId: number;
    reason: string;
    atMs: number;
  };
  expenseBudgets: {
    requestId: number;
    category: ExpenseCategory;
    amountFen: number;
  };
  /**
   * Monthly summaries kept by triggers (migration 0180): the lines by month × department (0:
   * none) × tier × category × status × over the cap (0/1) × paid by the visitor (0/1).
   */
  expenseLineSummaries: {
    month: string;
    departmentKey: number;
    tier: Tier;
    category: ExpenseCategory;
    status: ReconciliationStatus;
    overCap: number;
    byVisitor: number;
    lines: number;
    amountFen: number;
    overCapFen: number;
    borneByHostFen: number;
    companyFen: number;
    attendees: number;
  };
  /** The requests by arrival month × department (0: none) × tier × status. */
  expenseVisitSummaries: {
    month: string;
    departmentKey: number;
    tier: Tier;
    status: RequestStatus;
    visits: number;
  };
  /** The approved budgets by their request's arrival month × department × tier × status. */
  expenseBudgetSummaries: {
    month: string;
    departmentKey: number;
    tier: Tier;
    status: RequestStatus;
    category: ExpenseCategory;
    budgets: number;
    amountFen: number;
  };
}
