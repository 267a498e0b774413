import { describe, expect, it } from 'vitest';
import {
  ADVANCE_ACTIONS,
  ADVANCE_STATUSES,
  LINES_EDITABLE,
  LIVE_ADVANCE_STATUSES,
  nextAdvanceStatus,
  nextReconciliationStatus,
  RECONCILIATION_ACTIONS,
  RECONCILIATION_STATUSES,
  type AdvanceAction,
  type AdvanceStatus,
  type ReconciliationAction,
  type ReconciliationStatus,
} from './lifecycle';

/** Every move of an advance, spelled out; every status × action pair not here is refused. */
const ADVANCE_MOVES: [AdvanceStatus, AdvanceAction, AdvanceStatus][] = [
  ['approving', 'approve_all', 'approved'],
  ['approving', 'return', 'returned'],
  ['approving', 'reject', 'rejected'],
  ['approving', 'cancel', 'cancelled'],
  ['approved', 'issue', 'issued'],
  ['approved', 'cancel', 'cancelled'],
  ['issued', 'clear', 'cleared'],
  ['returned', 'resubmit', 'approving'],
  ['returned', 'cancel', 'cancelled'],
];

const RECONCILIATION_MOVES: [ReconciliationStatus, ReconciliationAction, ReconciliationStatus][] = [
  ['open', 'submit', 'approving'],
  ['approving', 'return', 'returned'],
  ['approving', 'settle', 'settled'],
  ['returned', 'submit', 'approving'],
  ['settled', 'reopen', 'returned'],
];

const advanceTable = ADVANCE_STATUSES.flatMap((s) =>
  ADVANCE_ACTIONS.map(
    (a) => [s, a, ADVANCE_MOVES.find(([from, by]) => from === s && by === a)?.[2] ?? null] as const,
  ),
);

const reconciliationTable = RECONCILIATION_STATUSES.flatMap((s) =>
  RECONCILIATION_ACTIONS.map(
    (a) =>
      [
        s,
        a,
        RECONCILIATION_MOVES.find(([from, by]) => from === s && by === a)?.[2] ?? null,
      ] as const,
  ),
);

describe('the life of a cash advance', () => {
  it.each(advanceTable)('%s --%s--> %s', (status, action, to) => {
    expect(nextAdvanceStatus(status, action)).toBe(to);
  });

  it('covers every status and action', () => {
    expect(advanceTable).toHaveLength(ADVANCE_STATUSES.length * ADVANCE_ACTIONS.length);
  });

  it('ends only in cleared, rejected or cancelled', () => {
    const ends = ADVANCE_STATUSES.filter((s) =>
      ADVANCE_ACTIONS.every((a) => nextAdvanceStatus(s, a) === null),
    );
    expect(ends.sort()).toEqual(['cancelled', 'cleared', 'rejected']);
  });

  it('counts against the share while asked, approved, issued or returned', () => {
    expect([...LIVE_ADVANCE_STATUSES].sort()).toEqual(
      ['approved', 'approving', 'issued', 'returned'].sort(),
    );
  });

  it('is withdrawn by its host only before it is handed out', () => {
    const cancellable = ADVANCE_STATUSES.filter((s) => nextAdvanceStatus(s, 'cancel') !== null);
    expect(cancellable).toEqual(['approving', 'approved', 'returned']);
  });
});

describe('the life of a reconciliation', () => {
  it.each(reconciliationTable)('%s --%s--> %s', (status, action, to) => {
    expect(nextReconciliationStatus(status, action)).toBe(to);
  });

  it('covers every status and action', () => {
    expect(reconciliationTable).toHaveLength(
      RECONCILIATION_STATUSES.length * RECONCILIATION_ACTIONS.length,
    );
  });

  it('lets the host change lines only while it is his (open or returned)', () => {
    expect([...LINES_EDITABLE].sort()).toEqual(['open', 'returned']);
  });
});
