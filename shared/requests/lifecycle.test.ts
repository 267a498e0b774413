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

/** The legal moves of DESIGN.md §2 up to the visit (check-in, completion), written out by hand. Everything else is illegal. */
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
  ['filed', 'cancel', 'cancelled'],
  ['filed', 'check_in', 'in_progress'],
  ['in_progress', 'complete', 'completed'],
  ['completed', 'check_in', 'in_progress'],
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
  it('covers 10 statuses × 9 actions', () => {
    expect(REQUEST_STATUSES).toHaveLength(10);
    expect(REQUEST_ACTIONS).toHaveLength(9);
    expect(ALL_PAIRS).toHaveLength(90);
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
      const closed = ['rejected', 'cancelled', 'in_progress', 'completed'].includes(s);
      expect(nextStatus(s, 'cancel')).toBe(closed ? null : 'cancelled');
    }
  });

  it('only a check-in puts a visit under way, and only completion ends it', () => {
    for (const [s, a, to] of ALL_PAIRS) {
      if (to === 'in_progress') expect(a).toBe('check_in');
      if (to === 'completed') expect([s, a]).toEqual(['in_progress', 'complete']);
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
      'completed',
      'filed',
      'in_progress',
      'submitted',
    ]);
  });
});
