import type { Kind } from './stats';

/**
 * Who the virtual users are and what each of them does. A virtual user is one person at one desk
 * (one connection, one session) who sends the next call as soon as the last one is answered:
 * no think time, so 50 of them are far more traffic than 50 real people make.
 */

export const GROUPS = [
  'host',
  'head',
  'executive',
  'admin_office',
  'front_desk',
  'finance',
] as const;
export type Group = (typeof GROUPS)[number];

/** The operations the load sends, each counted under one kind. */
export const OP_KIND = {
  'requests.list': 'list',
  'approvals.inbox': 'list',
  'notifications.list': 'list',
  'frontdesk.board': 'list',
  'requests.get': 'dossier',
  'requests.saveDraft': 'save',
  'approvals.decide': 'approve',
  'frontdesk.checkIn': 'check-in/out',
  'frontdesk.checkOut': 'check-in/out',
  'expenses.report': 'finance',
  'expenses.lines': 'finance',
} as const satisfies Record<string, Kind>;
export type LoadOp = keyof typeof OP_KIND;

/** The writes: each carries an Idempotency-Key and, answered 2xx, is checked in the database. */
export const WRITES: ReadonlySet<LoadOp> = new Set([
  'requests.saveDraft',
  'approvals.decide',
  'frontdesk.checkIn',
  'frontdesk.checkOut',
]);

/**
 * Each role's day, by weight. Approvers open their inbox, the department's list and dossiers and
 * decide; the admin office files (decides the admin-office step) most of what heads approved, so
 * the pool it shares does not pile up; the front desk checks today's visitors in and out (out for
 * lunch, back in: a day's board of a few hundred people keeps the desk busy for the whole run —
 * with no think time, checking in only would need thousands of visitors on one day's board, and
 * every check-in answers with the whole board) and watches the board; finance reads the expense
 * report. When an approver has no step left to decide, or the desk nobody to check in or out,
 * that call becomes the read they would do instead (the inbox, the board) — counted under what
 * was actually sent.
 */
export const MIX: Record<Group, readonly (readonly [LoadOp, number])[]> = {
  host: [
    ['requests.list', 25],
    ['notifications.list', 10],
    ['requests.get', 35],
    ['requests.saveDraft', 30],
  ],
  head: [
    ['approvals.decide', 30],
    ['approvals.inbox', 15],
    ['requests.list', 15],
    ['notifications.list', 10],
    ['requests.get', 30],
  ],
  executive: [
    ['approvals.decide', 15],
    ['approvals.inbox', 10],
    ['requests.list', 25],
    ['requests.get', 30],
    ['expenses.report', 20],
  ],
  admin_office: [
    ['approvals.decide', 50],
    ['approvals.inbox', 10],
    ['requests.list', 15],
    ['notifications.list', 5],
    ['requests.get', 20],
  ],
  front_desk: [
    ['frontdesk.checkIn', 30],
    ['frontdesk.checkOut', 25],
    ['frontdesk.board', 35],
    ['notifications.list', 10],
  ],
  finance: [
    ['expenses.report', 40],
    ['expenses.lines', 15],
    ['requests.list', 20],
    ['requests.get', 25],
  ],
};

/** The share of virtual users in each role (50 users: 20 hosts, 12 heads, 4, 6, 4, 4). */
const SHARE: Record<Group, number> = {
  host: 0.4,
  head: 0.24,
  executive: 0.08,
  admin_office: 0.12,
  front_desk: 0.08,
  finance: 0.08,
};

/** Virtual users per role: largest remainders, at least one of each role from 6 users up. */
export function allocate(users: number): Record<Group, number> {
  const exact = GROUPS.map((g) => ({ g, x: users * SHARE[g] }));
  const out = Object.fromEntries(exact.map(({ g, x }) => [g, Math.floor(x)])) as Record<
    Group,
    number
  >;
  if (users >= GROUPS.length) for (const g of GROUPS) out[g] = Math.max(1, out[g]);
  let left = users - GROUPS.reduce((n, g) => n + out[g], 0);
  const byRemainder = [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)));
  for (let i = 0; left > 0; i++, left--) {
    const g = byRemainder[i % byRemainder.length]?.g ?? 'host';
    out[g]++;
  }
  // More than asked (the minimum of one each): take them back from the largest role.
  while (left < 0) {
    const largest = [...GROUPS].sort((a, b) => out[b] - out[a])[0] ?? 'host';
    out[largest]--;
    left++;
  }
  return out;
}

/** The planned share of each kind of call, from the roles' weights and head counts. */
export function plannedKinds(counts: Record<Group, number>): Map<Kind, number> {
  const total = GROUPS.reduce((n, g) => n + counts[g], 0);
  const out = new Map<Kind, number>();
  for (const g of GROUPS) {
    const weights = MIX[g];
    const sum = weights.reduce((n, [, w]) => n + w, 0);
    for (const [op, w] of weights) {
      const kind = OP_KIND[op];
      out.set(kind, (out.get(kind) ?? 0) + (counts[g] / total) * (w / sum));
    }
  }
  return out;
}
