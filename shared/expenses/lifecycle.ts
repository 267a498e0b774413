/**
 * The life of a cash advance and of a visit's reconciliation. Each is a subject of the approval
 * engine (dept head, then finance); every change goes through these tables (table-tested).
 */
export const ADVANCE_STATUSES = [
  'approving',
  'approved',
  'issued',
  'cleared',
  'returned',
  'rejected',
  'cancelled',
] as const;
export type AdvanceStatus = (typeof ADVANCE_STATUSES)[number];

export const ADVANCE_ACTIONS = [
  'approve_all',
  'return',
  'reject',
  'resubmit',
  'cancel',
  'issue',
  'clear',
] as const;
export type AdvanceAction = (typeof ADVANCE_ACTIONS)[number];

const ADVANCE: Record<AdvanceStatus, Partial<Record<AdvanceAction, AdvanceStatus>>> = {
  approving: {
    approve_all: 'approved',
    return: 'returned',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  // Approved but not yet handed out: the host may still withdraw it.
  approved: { issue: 'issued', cancel: 'cancelled' },
  // Handed out: only the settlement clears it.
  issued: { clear: 'cleared' },
  cleared: {},
  returned: { resubmit: 'approving', cancel: 'cancelled' },
  rejected: {},
  cancelled: {},
};

export function nextAdvanceStatus(s: AdvanceStatus, a: AdvanceAction): AdvanceStatus | null {
  return ADVANCE[s][a] ?? null;
}

/** Advances that count against the policy share of the budget (asked, approved or issued). */
export const LIVE_ADVANCE_STATUSES: readonly AdvanceStatus[] = [
  'approving',
  'approved',
  'issued',
  'returned',
];

/**
 * A reconciliation: `open` while the host records lines; `approving` once submitted (dept head
 * confirms, finance verifies); `returned` to the host (finance may name one line); `settled` at the
 * end. The sysadmin's reopen takes a settled one back to `returned`.
 */
export const RECONCILIATION_STATUSES = ['open', 'approving', 'returned', 'settled'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const RECONCILIATION_ACTIONS = ['submit', 'return', 'settle', 'reopen'] as const;
export type ReconciliationAction = (typeof RECONCILIATION_ACTIONS)[number];

const RECONCILIATION: Record<
  ReconciliationStatus,
  Partial<Record<ReconciliationAction, ReconciliationStatus>>
> = {
  open: { submit: 'approving' },
  approving: { return: 'returned', settle: 'settled' },
  returned: { submit: 'approving' },
  settled: { reopen: 'returned' },
};

export function nextReconciliationStatus(
  s: ReconciliationStatus,
  a: ReconciliationAction,
): ReconciliationStatus | null {
  return RECONCILIATION[s][a] ?? null;
}

/** The host may change lines (and their receipts) only while the reconciliation is his. */
export const LINES_EDITABLE: readonly ReconciliationStatus[] = ['open', 'returned'];
