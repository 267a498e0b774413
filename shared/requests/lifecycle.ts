/**
 * The visit's life cycle (DESIGN.md §2) with its side exits: the first check-in puts a visit under
 * way, and it is completed once everyone who came has left (the front desk, issue 11); the host's
 * submitted reconciliation makes it `reconciling`, finance's verification `settled`, and a
 * settled visit is `archived` (read-only; the sysadmin alone reopens one, issue 12). Every state
 * change in main goes through `nextStatus`.
 */
export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'approving',
  'approved',
  'filed',
  'in_progress',
  'completed',
  'reconciling',
  'settled',
  'archived',
  'returned',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'submit',
  'start_approval',
  'approve_all',
  'reject',
  'return',
  'file',
  'cancel',
  'check_in',
  'complete',
  'reconcile',
  'settle',
  'archive',
  'reopen',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const TRANSITIONS: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  draft: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { start_approval: 'approving', cancel: 'cancelled' },
  approving: {
    approve_all: 'approved',
    reject: 'rejected',
    return: 'returned',
    cancel: 'cancelled',
  },
  // An approved request edited by its host goes through approval again.
  approved: {
    file: 'filed',
    submit: 'submitted',
    cancel: 'cancelled',
    return: 'returned',
    reject: 'rejected',
    // Guests at the door before the admin office filed it: the visit goes ahead.
    check_in: 'in_progress',
    reconcile: 'reconciling',
  },
  // Reconciled without a check-in: a visit the front desk never registered (it still happened).
  filed: { cancel: 'cancelled', check_in: 'in_progress', reconcile: 'reconciling' },
  // People are on site: nothing cancels, returns or edits the visit until they have left.
  in_progress: { complete: 'completed' },
  // Everyone left — for the day: a visit of several days is under way again the next morning.
  completed: { check_in: 'in_progress', reconcile: 'reconciling' },
  // The host submitted the spend; a return of the reconciliation keeps the visit here.
  reconciling: { settle: 'settled' },
  settled: { archive: 'archived', reopen: 'reconciling' },
  // Read-only on record: only the sysadmin reopens it.
  archived: { reopen: 'reconciling' },
  returned: { submit: 'submitted', cancel: 'cancelled' },
  rejected: {},
  cancelled: {},
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** Statuses in which the host may still change the request. */
export const EDITABLE_STATUSES: readonly RequestStatus[] = ['draft', 'returned', 'approved'];

/** Statuses that count as a reception that happens (for the repeat-visit check). */
export const LIVE_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'approving',
  'approved',
  'filed',
  'in_progress',
  'completed',
  'reconciling',
  'settled',
  'archived',
];
