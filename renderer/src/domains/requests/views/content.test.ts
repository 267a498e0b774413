import { describe, expect, it } from 'vitest';
import type { ApprovalStepView } from '../../../../../shared/approvals';
import { eventDetail, verdictStep, visitorId } from './content';
import type { RequestEventView } from '../../../../../shared/requests/views';
import { translate } from '../../../../../shared/i18n/translate';
import type { MessageParams } from '../../../../../shared/result';
import { formatMoney } from '../../../format';
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

describe('eventDetail names what a decision was about', () => {
  const fmtIn = (language: 'zh-CN' | 'en') =>
    ({
      t: (key: string, params?: MessageParams) => translate(language, key, params),
      money: (fen: number) => formatMoney(fen, language),
      stepKind: (k: string) => translate(language, `labels.stepKind.${k}`),
    }) as unknown as Fmt;
  const event = (kind: string, data: Record<string, unknown>): RequestEventView => ({
    id: 1,
    atMs: 0,
    actorName: '张伟',
    onBehalfOfName: null,
    kind,
    comment: '',
    data,
  });
  it.each([
    [
      'an advance, with its amount',
      event('approved', { advance: 2, advanceId: 9, amountFen: 50_000, step: 'dept_head' }),
      `借款 2（${formatMoney(50_000, 'zh-CN')}） · 部门负责人审批`,
      `Advance 2 (${formatMoney(50_000, 'en')}) · Department head approval`,
    ],
    [
      'an advance recorded before its amount was kept',
      event('returned', { advance: 1, advanceId: 9 }),
      '借款 1',
      'Advance 1',
    ],
    [
      'the reconciliation',
      event('approved', { subject: 'reconciliation', step: 'finance' }),
      '报帐核销 · 财务审核',
      'Expense reconciliation · Finance verification',
    ],
    [
      'the reconciliation’s own events say so already',
      event('settled', { subject: 'reconciliation' }),
      null,
      null,
    ],
    [
      'the request itself',
      event('approved', { step: 'dept_head' }),
      '部门负责人审批',
      'Department head approval',
    ],
  ])('%s', (_label, e, zh, en) => {
    expect(eventDetail(e, fmtIn('zh-CN'))).toBe(zh);
    expect(eventDetail(e, fmtIn('en'))).toBe(en);
  });
});
