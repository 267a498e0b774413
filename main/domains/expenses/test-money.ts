/** Test helpers of the expenses (used by their tests, audit scenarios and bench). */
import type { LineInput } from '../../../shared/expenses';
import type { RequestBody } from '../../../shared/requests';
import {
  decideAs,
  signedInUser,
  submitted,
  visitor,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';

/** The company's finance officer 赵财务 (login `finance`). */
export async function financeClerk(t: TestApp, r: Reception): Promise<SignedIn> {
  return signedInUser(t, r.admin.token, {
    login: 'finance',
    displayName: '赵财务',
    roles: ['finance'],
  });
}

/**
 * The worked example: a B-tier visit of 4 visitors and 2 companions on 2026-12-01 with a
 * company lunch (cap 130.00 per head).
 */
export function bTierLunchBody(): Partial<RequestBody> {
  return {
    orgCategory: 'key_client',
    tier: 'B',
    visitors: [
      visitor('陈立', { title: '采购总监', phone: '13800138000' }),
      visitor('Anna Müller', { title: 'Engineer' }),
      visitor('张三', { title: '工程师' }),
      visitor('李四', { title: '工程师' }),
    ],
    companions: [
      { userId: null, name: '销售经理' },
      { userId: null, name: '技术经理' },
    ],
  };
}

/**
 * A visit submitted and decided step by step (head, executive where the chain has one, then the
 * admin office files it). Returns the request's id. The clock is not moved.
 */
export async function filedVisit(
  t: TestApp,
  r: Reception,
  body: Partial<RequestBody> = {},
): Promise<number> {
  const d = await submitted(t, r, body);
  const deciders = [r.head, r.executive, r.office];
  for (let round = 0; round < 5; round++) {
    const now = await t.ok('requests.get', { id: d.id }, r.host.token);
    if (now.status === 'filed') return d.id;
    let decided = false;
    for (const who of deciders) {
      const seen = await t.ok('requests.get', { id: d.id }, who.token);
      if (seen.myStep) {
        await decideAs(t, who.token, d.id);
        decided = true;
        break;
      }
    }
    if (!decided) throw new Error(`request ${d.id} is stuck at ${now.status}`);
  }
  throw new Error(`request ${d.id} was not filed`);
}

/** An expense line as the host types it: a lunch of 300.00 for 2 visitors and 1 companion. */
export function lineOf(overrides: Partial<LineInput> = {}): LineInput {
  return {
    category: 'meals',
    spentOn: '2026-12-01',
    vendor: '海底捞（张江店）',
    amountFen: 30_000,
    invoiceType: 'electronic',
    invoiceNo: '26312000000012345678',
    noInvoiceReason: '',
    paidBy: 'advance',
    bookingId: null,
    visitors: 2,
    companions: 1,
    attendeesReason: '',
    note: '',
    ...overrides,
  };
}
