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

/** The legal moves of DESIGN.md §2 up to filing, written out by hand. Everything else is illegal. */
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
  ['filed', 'cancel', 'cancelled'],
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
  it('covers 8 statuses × 7 actions', () => {
    expect(REQUEST_STATUSES).toHaveLength(8);
    expect(REQUEST_ACTIONS).toHaveLength(7);
    expect(ALL_PAIRS).toHaveLength(56);
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

  it('cancel is possible from every non-terminal status', () => {
    for (const s of REQUEST_STATUSES) {
      const terminal = s === 'rejected' || s === 'cancelled';
      expect(nextStatus(s, 'cancel')).toBe(terminal ? null : 'cancelled');
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
    expect([...LIVE_STATUSES].sort()).toEqual(['approved', 'approving', 'filed', 'submitted']);
  });
});
