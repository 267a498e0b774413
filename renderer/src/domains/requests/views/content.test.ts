import { describe, expect, it } from 'vitest';
import type { ApprovalStepView } from '../../../../../shared/approvals';
import { verdictStep, visitorId } from './content';
import type { Fmt } from './useFmt';

function step(
  id: number,
  revision: number,
  status: ApprovalStepView['status'],
  decidedAtMs: number | null = null,
): ApprovalStepView {
  return {
    id,
    revision,
    seq: id,
    kind: 'dept_head',
    reason: 'base',
    assigneeUserId: null,
    assigneeName: null,
    status,
    decidedBy: decidedAtMs === null ? null : 7,
    decidedByName: decidedAtMs === null ? null : '张伟',
    onBehalfOf: null,
    onBehalfOfName: null,
    decidedAtMs,
    pendingSinceMs: null,
    comment: decidedAtMs === null ? '' : `reason ${id}`,
    version: 1,
  };
}

describe('verdictStep', () => {
  const round1Returned = step(1, 1, 'returned', 1_000);
  const round2Returned = step(3, 2, 'returned', 3_000);
  it.each([
    [
      'returned: the current round’s return',
      'returned',
      2,
      [round1Returned, step(2, 1, 'cancelled'), round2Returned],
      3,
    ],
    [
      'returned in round 1 only, request now in round 2',
      'returned',
      2,
      [round1Returned, step(3, 2, 'pending')],
      null,
    ],
    ['rejected', 'rejected', 1, [step(1, 1, 'approved', 500), step(2, 1, 'rejected', 900)], 2],
    ['approving: nothing to show', 'approving', 1, [step(1, 1, 'pending')], null],
    ['a draft', 'draft', 0, [], null],
  ] as const)('%s', (_label, status, revision, steps, expected) => {
    expect(verdictStep({ status, revision, steps: [...steps] })?.id ?? null).toBe(expected);
  });
});

describe('visitorId', () => {
  const fmt = { t: (key: string) => (key === 'labels.idType.resident_id' ? '身份证' : key) } as Fmt;
  it.each([
    ['11010519491231002X', 'resident_id', '身份证 110***********002X'],
    ['', 'resident_id', '—'],
    ['E1234567', null, '****4567'],
  ] as const)('%s (%s) → %s: never the whole number', (idNumber, idType, shown) => {
    const v = { name: '张三', title: '', phone: '', notes: '', idType, idNumber };
    expect(visitorId(v, fmt)).toBe(shown);
    if (idNumber.length > 4) expect(visitorId(v, fmt)).not.toContain(idNumber);
  });
});
