import { describe, expect, it } from 'vitest';
import {
  decisionStatus,
  isFilingStep,
  isStepKind,
  nextStepStatus,
  OPEN_STEP_STATUSES,
  STEP_ACTIONS,
  STEP_KINDS,
  STEP_ROLE,
  STEP_STATUSES,
  SUBJECT_TYPES,
  type StepAction,
  type StepStatus,
} from './steps';

/** The legal moves of a step, written out by hand. Everything else is illegal. */
const LEGAL: [StepStatus, StepAction, StepStatus][] = [
  ['waiting', 'activate', 'pending'],
  ['waiting', 'skip', 'skipped'],
  ['waiting', 'void', 'cancelled'],
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['pending', 'return', 'returned'],
  ['pending', 'transfer', 'pending'],
  ['pending', 'void', 'cancelled'],
];

const legal = new Map(LEGAL.map(([s, a, to]) => [`${s}/${a}`, to]));
const ALL_PAIRS = STEP_STATUSES.flatMap((s) =>
  STEP_ACTIONS.map((a): [StepStatus, StepAction, StepStatus | null] => [
    s,
    a,
    legal.get(`${s}/${a}`) ?? null,
  ]),
);
const TERMINAL = ['approved', 'rejected', 'returned', 'skipped', 'cancelled'] as const;

describe('nextStepStatus: every (status, action) pair', () => {
  it('covers 7 statuses × 7 actions', () => {
    expect(STEP_STATUSES).toHaveLength(7);
    expect(STEP_ACTIONS).toHaveLength(7);
    expect(ALL_PAIRS).toHaveLength(49);
    expect(ALL_PAIRS.filter(([, , to]) => to !== null)).toHaveLength(LEGAL.length);
  });

  it.each(ALL_PAIRS)('%s + %s → %s', (status, action, expected) => {
    expect(nextStepStatus(status, action)).toBe(expected);
  });

  it.each(TERMINAL)('%s is terminal: no action leaves it', (status) => {
    for (const action of STEP_ACTIONS) expect(nextStepStatus(status, action)).toBeNull();
  });

  it('only the open statuses can move', () => {
    const movable = STEP_STATUSES.filter((s) =>
      STEP_ACTIONS.some((a) => nextStepStatus(s, a) !== null),
    );
    expect(movable).toEqual([...OPEN_STEP_STATUSES]);
  });

  it('void closes exactly the open steps (resubmission, cancellation, an earlier no)', () => {
    for (const s of STEP_STATUSES) {
      expect(nextStepStatus(s, 'void')).toBe(OPEN_STEP_STATUSES.includes(s) ? 'cancelled' : null);
    }
  });

  it('transfer is the only move that keeps the status', () => {
    const same = ALL_PAIRS.filter(([s, a]) => nextStepStatus(s, a) === s).map(([s, a]) => [s, a]);
    expect(same).toEqual([['pending', 'transfer']]);
  });

  it('every status is reachable from waiting, and nothing goes back to waiting', () => {
    const seen = new Set<StepStatus>(['waiting']);
    let frontier: StepStatus[] = ['waiting'];
    while (frontier.length > 0) {
      const next: StepStatus[] = [];
      for (const s of frontier) {
        for (const a of STEP_ACTIONS) {
          const to = nextStepStatus(s, a);
          expect(to).not.toBe('waiting');
          if (to && !seen.has(to)) {
            seen.add(to);
            next.push(to);
          }
        }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...STEP_STATUSES].sort());
  });
});

describe('decisionStatus', () => {
  it.each([
    ['approve', 'approved'],
    ['reject', 'rejected'],
    ['return', 'returned'],
  ] as const)('%s → %s, the same as the state machine from pending', (action, expected) => {
    expect(decisionStatus(action)).toBe(expected);
    expect(nextStepStatus('pending', action)).toBe(expected);
  });
});

describe('step kinds', () => {
  it('each kind is decided by the role of the same name', () => {
    expect(STEP_KINDS).toEqual(['dept_head', 'executive', 'admin_office', 'finance']);
    expect(STEP_ROLE).toEqual({
      dept_head: 'dept_head',
      executive: 'executive',
      admin_office: 'admin_office',
      finance: 'finance',
    });
  });

  it.each([
    ['dept_head', false],
    ['executive', false],
    ['admin_office', true],
    ['finance', false],
  ] as const)('isFilingStep(%s) → %s', (kind, expected) => {
    expect(isFilingStep(kind)).toBe(expected);
  });

  it.each([
    ['dept_head', true],
    ['executive', true],
    ['admin_office', true],
    ['finance', true],
    ['host', false],
    ['', false],
    ['ADMIN_OFFICE', false],
    [null, false],
    [undefined, false],
    [1, false],
    [{ kind: 'dept_head' }, false],
    [['dept_head'], false],
  ] as const)('isStepKind(%j) → %s', (x, expected) => {
    expect(isStepKind(x)).toBe(expected);
  });

  it('requests, their cash advances and their reconciliations are approved', () => {
    expect(SUBJECT_TYPES).toEqual(['request', 'advance', 'reconciliation']);
  });
});
