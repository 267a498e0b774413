import type { Role } from '../auth';
import type { RequestStatus } from '../requests';
import { LINES_EDITABLE, type ReconciliationStatus } from './lifecycle';

/**
 * Who may do what with a visit's money. Pure and table-tested; main asks these and the screens
 * show only what they allow. Reading: whoever may read the request, and finance (every visit).
 */
export interface MoneyViewer {
  userId: number;
  roles: readonly Role[];
}

export interface MoneySubject {
  hostUserId: number;
  requestStatus: RequestStatus;
  reconciliationStatus: ReconciliationStatus;
}

/** Request statuses in which the visit was approved and its money may be recorded. */
export const MONEY_STATUSES: readonly RequestStatus[] = [
  'approved',
  'filed',
  'in_progress',
  'completed',
  'reconciling',
];

/** Request statuses in which an advance may be asked for: approved, before the reconciliation. */
export const ADVANCE_REQUEST_STATUSES: readonly RequestStatus[] = [
  'approved',
  'filed',
  'in_progress',
  'completed',
];

const isHost = (v: MoneyViewer, s: MoneySubject) =>
  v.userId === s.hostUserId && v.roles.includes('host');

/** The host records lines (and their receipts) while the reconciliation is his. */
export function canRecordLines(v: MoneyViewer, s: MoneySubject): boolean {
  return (
    isHost(v, s) &&
    MONEY_STATUSES.includes(s.requestStatus) &&
    LINES_EDITABLE.includes(s.reconciliationStatus)
  );
}

/** The host asks for an advance on an approved visit not yet being reconciled. */
export function canAskAdvance(v: MoneyViewer, s: MoneySubject): boolean {
  return (
    isHost(v, s) &&
    ADVANCE_REQUEST_STATUSES.includes(s.requestStatus) &&
    s.reconciliationStatus === 'open'
  );
}

/** Finance sees every visit's money. */
export function readsAllMoney(v: MoneyViewer): boolean {
  return v.roles.includes('finance');
}
