import { describe, expect, it } from 'vitest';
import {
  EDITABLE_STATUSES,
  LIVE_STATUSES,
  nextStatus,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
} from './lifecycle';

/**
 * The legal moves of DESIGN.md §2 (the visit, then its money: reconcile, settle, archive, the
 * sysadmin's reopen), written out by hand. Everything else is illegal.
 */
const LEGAL: [RequestStatus, RequestAction, RequestStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'cancel', 'cancelled'],
  ['submitted', 'start_approval', 'approving'],
  ['submitted', 'cancel', 'cancelled'],
  ['approving', 'approve_all', 'approved'],
  ['approving', 'reject', 'rejected'],
  ['approving', 'return', 'returned'],
  ['approving', 'cancel', 'cancelled'],
  ['approved', 'file', 'filed'],
  ['approved', 'submit', 'submitted'],
  ['approved', 'cancel', 'cancelled'],
  ['approved', 'return', 'returned'],
  ['approved', 'reject', 'rejected'],
  ['approved', 'check_in', 'in_progress'],
  ['approved', 'reconcile', 'reconciling'],
  ['filed', 'cancel', 'cancelled'],
  ['filed', 'check_in', 'in_progress'],
  ['filed', 'reconcile', 'reconciling'],
  ['in_progress', 'complete', 'completed'],
  ['completed', 'check_in', 'in_progress'],
  ['completed', 'reconcile', 'reconciling'],
  ['reconciling', 'settle', 'settled'],
  ['settled', 'archive', 'archived'],
  ['settled', 'reopen', 'reconciling'],
  ['archived', 'reopen', 'reconciling'],
  ['returned', 'submit', 'submitted'],
  ['returned', 'cancel', 'cancelled'],
];

const legal = new Map(LEGAL.map(([s, a, to]) => [`${s}/${a}`, to]));
const ALL_PAIRS = REQUEST_STATUSES.flatMap((s) =>
  REQUEST_ACTIONS.map((a): [RequestStatus, RequestAction, RequestStatus | null] => [
    s,
    a,
    legal.get(`${s}/${a}`) ?? null,
  ]),
);

describe('nextStatus: every (status, action) pair', () => {
  it('covers 13 statuses × 13 actions', () => {
    expect(REQUEST_STATUSES).toHaveLength(13);
    expect(REQUEST_ACTIONS).toHaveLength(13);
    expect(ALL_PAIRS).toHaveLength(169);
    expect(ALL_PAIRS.filter(([, , to]) => to !== null)).toHaveLength(LEGAL.length);
  });

  it.each(ALL_PAIRS)('%s + %s → %s', (status, action, expected) => {
    expect(nextStatus(status, action)).toBe(expected);
  });

  it.each(['rejected', 'cancelled'] as const)('%s is terminal: no action leaves it', (status) => {
    for (const action of REQUEST_ACTIONS) expect(nextStatus(status, action)).toBeNull();
  });

  it('only rejected and cancelled are terminal', () => {
    const terminal = REQUEST_STATUSES.filter((s) =>
      REQUEST_ACTIONS.every((a) => nextStatus(s, a) === null),
    );
    expect(terminal).toEqual(['rejected', 'cancelled']);
  });

  it('every status except draft can be reached, and every reachable status from draft', () => {
    const seen = new Set<RequestStatus>(['draft']);
    let frontier: RequestStatus[] = ['draft'];
    while (frontier.length > 0) {
      const next: RequestStatus[] = [];
      for (const s of frontier) {
        for (const a of REQUEST_ACTIONS) {
          const to = nextStatus(s, a);
          if (to && !seen.has(to)) {
            seen.add(to);
            next.push(to);
          }
        }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...REQUEST_STATUSES].sort());
  });

  it('cancel is possible from every non-terminal status until a visitor has come', () => {
    for (const s of REQUEST_STATUSES) {
      const closed = [
        'rejected',
        'cancelled',
        'in_progress',
        'completed',
        'reconciling',
        'settled',
        'archived',
      ].includes(s);
      expect(nextStatus(s, 'cancel')).toBe(closed ? null : 'cancelled');
    }
  });

  it('only a check-in puts a visit under way, and only completion ends it', () => {
    for (const [s, a, to] of ALL_PAIRS) {
      if (to === 'in_progress') expect(a).toBe('check_in');
      if (to === 'completed') expect([s, a]).toEqual(['in_progress', 'complete']);
    }
  });

  it('only the reconciliation settles a visit, and only a settled one is archived', () => {
    for (const [s, a, to] of ALL_PAIRS) {
      if (to === 'settled') expect([s, a]).toEqual(['reconciling', 'settle']);
      if (to === 'archived') expect([s, a]).toEqual(['settled', 'archive']);
      // Money is reconciled only once the visit is approved and nobody is inside.
      if (to === 'reconciling' && a === 'reconcile') {
        expect(['approved', 'filed', 'completed']).toContain(s);
      }
    }
  });

  it('nothing goes back to draft', () => {
    for (const [s, a] of ALL_PAIRS) expect(nextStatus(s, a)).not.toBe('draft');
  });
});

describe('status groups', () => {
  it('the host edits drafts, returned and approved requests (an edit resubmits)', () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual(['approved', 'draft', 'returned']);
    for (const s of EDITABLE_STATUSES) {
      expect(nextStatus(s, 'submit')).toBe('submitted');
    }
  });

  it('live requests are those heading for or past approval, not drafts or side exits', () => {
    expect([...LIVE_STATUSES].sort()).toEqual([
      'approved',
      'approving',
      'archived',
      'completed',
      'filed',
      'in_progress',
      'reconciling',
      'settled',
      'submitted',
    ]);
  });
});
