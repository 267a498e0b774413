/** Test helpers of the front desk (used by its tests and audit scenarios). */
import type { RequestBody } from '../../../shared/requests';
import { requestBody } from '../../test-fixtures';
import {
  decideAs,
  HOUR,
  signIn,
  signedInUser,
  START_MS,
  submitted,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';

/** 2026-12-01, the day the fixtures' visit comes (requestBody), at 09:40 in Shanghai. */
export const VISIT_DAY = '2026-12-01';
export const VISIT_MORNING_MS = Date.UTC(2026, 11, 1, 1, 40);

/** Three visitors: 陈立 (phone …8000), Anna Müller, 张三 (phone …5678). */
export function deskBody(overrides: Partial<RequestBody> = {}): RequestBody {
  const base = requestBody();
  return requestBody({
    visitors: [
      ...base.visitors,
      {
        name: '张三',
        title: '工程师',
        phone: '13912345678',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        notes: '',
      },
    ],
    ...overrides,
  });
}

/** The front-desk clerk of the test company. */
export async function deskClerk(t: TestApp, r: Reception): Promise<SignedIn> {
  const desk = await signedInUser(t, r.admin.token, {
    login: 'desk',
    displayName: '前台小王',
    roles: ['front_desk'],
  });
  DESK_SLOT.set(t, desk);
  return desk;
}

/**
 * A visit submitted, approved and filed for VISIT_DAY (or left at `until` of the chain), with the
 * clock moved to that morning — where everyone's session has expired, so the company's people (and
 * `others`, by login) are signed in again, their tokens replaced in place. Returns the request's id.
 */
export async function deskVisit(
  t: TestApp,
  r: Reception,
  options: { body?: Partial<RequestBody>; until?: 'submitted' | 'approved' | 'filed' } = {},
): Promise<number> {
  const d = await submitted(t, r, deskBody(options.body));
  const until = options.until ?? 'filed';
  if (until !== 'submitted') await decideAs(t, r.head.token, d.id);
  if (until === 'filed') await decideAs(t, r.office.token, d.id);
  await toVisitMorning(t, r);
  return d.id;
}

/** Moves the clock to VISIT_DAY's morning (if not there yet) and signs everyone in again. */
export async function toVisitMorning(
  t: TestApp,
  r: Reception,
  others: { login: string; user: SignedIn }[] = [],
): Promise<void> {
  if (t.now() >= VISIT_MORNING_MS) return;
  await later(t, r, VISIT_MORNING_MS - t.now(), others);
}

/**
 * Moves the clock on by `ms` and signs the company's people (and `others`) in again: sessions
 * lock when idle and expire, and the front desk's day is long.
 */
export async function later(
  t: TestApp,
  r: Reception,
  ms: number,
  others: { login: string; user: SignedIn }[] = [],
): Promise<void> {
  t.advance(ms);
  const people: [string, SignedIn][] = [
    ['host', r.host],
    ['head', r.head],
    ['gm', r.executive],
    ['office', r.office],
    ['desk', DESK_SLOT.get(t) ?? { token: '', userId: 0 }],
    ...others.map((o): [string, SignedIn] => [o.login, o.user]),
  ];
  for (const [login, user] of people) {
    if (user.userId !== 0) user.token = await signIn(t, login);
  }
}

/** The desk clerk of each test app, to sign in again with the others. */
const DESK_SLOT = new WeakMap<TestApp, SignedIn>();

/** A check-in input for visitors `seqs` of a request, badges from `firstBadge` on. */
export function checkInOf(requestId: number, seqs: number[], firstBadge = 1) {
  return {
    requestId,
    walkInId: null,
    guests: seqs.map((seq, i) => ({
      seq,
      badgeNo: String(firstBadge + i),
      idType: null,
      idLast4: '',
      consent: true,
    })),
    overrideReason: '',
    watchOverrideReason: '',
  };
}

export { HOUR, START_MS };
