import { requestBodyOn } from '../../main/test-fixtures';
import type { InboxItem } from '../../shared/approvals/views';
import type { BoardView } from '../../shared/frontdesk/views';
import type { OpInput } from '../../shared/contract/operations';
import { addDays } from '../../shared/dates';
import type { RequestBody } from '../../shared/requests/schema';
import type { Seat } from './data';
import { MIX, WRITES, type LoadOp } from './mix';

/**
 * A virtual user: one signed-in person who picks the next call by his role's weights (mix.ts),
 * builds a valid input for it, and learns from the answer (the draft he is editing, the steps his
 * inbox shows). Transport-free: the autocannon run and the fault run's own client both drive it.
 */

/** What a write acknowledged with a 2xx did: checked in the database at the end. */
export type Effect =
  | { type: 'created'; requestId: number; orgName: string }
  | { type: 'saved'; requestId: number; version: number }
  | { type: 'decided'; stepId: number }
  | { type: 'checked-in'; requestId: number; seq: number; day: string }
  | { type: 'checked-out'; guestId: number };

export interface Ack {
  run: string;
  op: LoadOp;
  userId: number;
  key: string;
  effect: Effect;
}

/** What the virtual users share. */
export interface World {
  today: string;
  financeYear: { from: string; to: string };
  searchTerms: readonly string[];
  departmentIds: readonly number[];
  /** Which virtual user took each approval step: a step is decided by one of them only. */
  claimed: Map<number, number>;
  /** Unique to this run: part of every idempotency key and new organisation's name. */
  tag: string;
  /** The run acknowledged writes are filed under ("main", "faults"). */
  run: string;
  acks: Ack[];
  random: () => number;
}

export interface Call {
  op: LoadOp;
  input: unknown;
  /** The Idempotency-Key of a write (reused by the fault run's retries), else null. */
  key: string | null;
  body: string;
}

/** A small deterministic generator (mulberry32): the crash test's. */
export { mulberry32 as rng } from '../../scripts/crashtest/random';

function pick<T>(random: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(random() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

type ListInput = OpInput<'requests.list'>;

export class VirtualUser {
  /** Approval steps this approver will decide, oldest first. */
  readonly steps: { stepId: number; version: number }[] = [];
  /** Visitors this desk checked in and has not checked out yet (the first in leaves first). */
  readonly inside: { guestId: number; requestId: number; seq: number }[] = [];
  private draft: { id: number; version: number; body: RequestBody } | null = null;
  /** Whom each check-out in flight is for, to check him in again once he has left. */
  private readonly lastOut = new Map<number, { requestId: number; seq: number }>();
  private calls = 0;
  /** Calls whose answer counted as the fallback read because a queue had run out. */
  fallbacks = 0;

  constructor(
    readonly seat: Seat,
    readonly cookie: string,
    private readonly world: World,
  ) {}

  get label(): string {
    return `${this.seat.group}:${this.seat.person.login}`;
  }

  /** The next call of this person's day. */
  next(): Call {
    const weights = MIX[this.seat.group];
    const total = weights.reduce((n, [, w]) => n + w, 0);
    let x = this.world.random() * total;
    let op: LoadOp = weights[0]?.[0] ?? 'notifications.list';
    for (const [o, w] of weights) {
      x -= w;
      if (x < 0) {
        op = o;
        break;
      }
    }
    // A queue that ran out: the read the person would do instead.
    const fallback: Partial<Record<LoadOp, LoadOp>> = {};
    if (this.steps.length === 0) fallback['approvals.decide'] = 'approvals.inbox';
    if (this.seat.arrivals.length === 0) fallback['frontdesk.checkIn'] = 'frontdesk.board';
    if (this.inside.length === 0) fallback['frontdesk.checkOut'] = 'frontdesk.board';
    if (this.seat.dossierIds.length === 0) fallback['requests.get'] = 'requests.list';
    const instead = fallback[op];
    if (instead) {
      this.fallbacks++;
      op = instead;
    }
    return this.build(op);
  }

  /** A call of `op` with a valid input (and its idempotency key when it writes). */
  build(op: LoadOp): Call {
    const input = this.input(op);
    return {
      op,
      input,
      key: WRITES.has(op) ? `${this.world.tag}-${this.seat.index}-${++this.calls}` : null,
      body: JSON.stringify(input),
    };
  }

  private input(op: LoadOp): unknown {
    const w = this.world;
    switch (op) {
      case 'requests.list':
        return this.listInput();
      case 'approvals.inbox':
      case 'notifications.list':
        return {};
      case 'frontdesk.board':
        return { day: w.today } satisfies OpInput<'frontdesk.board'>;
      case 'requests.get':
        return { id: pick(w.random, this.seat.dossierIds) } satisfies OpInput<'requests.get'>;
      case 'requests.saveDraft':
        return this.saveInput();
      case 'approvals.decide': {
        const step = this.steps.shift();
        if (!step) throw new Error('decide without a step');
        return {
          stepId: step.stepId,
          version: step.version,
          action: 'approve',
          comment: '',
        } satisfies OpInput<'approvals.decide'>;
      }
      case 'frontdesk.checkIn': {
        const a = this.seat.arrivals.shift();
        if (!a) throw new Error('check-in without a visitor');
        return {
          requestId: a.requestId,
          walkInId: null,
          // A badge nobody else wears today.
          guests: [
            {
              seq: a.seq,
              badgeNo: `${a.requestId}-${a.seq}`,
              idType: null,
              idLast4: '',
              consent: true,
            },
          ],
          overrideReason: '',
          watchOverrideReason: '',
        } satisfies OpInput<'frontdesk.checkIn'>;
      }
      case 'frontdesk.checkOut': {
        const g = this.inside.shift();
        if (!g) throw new Error('check-out without a visitor inside');
        this.lastOut.set(g.guestId, { requestId: g.requestId, seq: g.seq });
        return { guestIds: [g.guestId], atMs: null } satisfies OpInput<'frontdesk.checkOut'>;
      }
      case 'expenses.report':
        return {
          period: w.financeYear,
          groupBy: pick(w.random, ['department', 'category', 'tier', 'host', 'status'] as const),
        } satisfies OpInput<'expenses.report'>;
      case 'expenses.lines':
        return { period: w.financeYear } satisfies OpInput<'expenses.lines'>;
    }
  }

  /** The lists as each role filters them. */
  private listInput(): ListInput {
    const w = this.world;
    const around = { fromDate: addDays(w.today, -30), toDate: addDays(w.today, 30) };
    const variants: ListInput[] =
      this.seat.group === 'host'
        ? [
            { scope: 'mine' },
            { scope: 'mine', statuses: ['draft'] },
            { scope: 'mine', sort: 'arrival_desc' },
            { scope: 'mine', statuses: ['approving', 'approved', 'filed'] },
          ]
        : this.seat.group === 'head'
          ? [
              { scope: 'department' },
              { scope: 'department', statuses: ['approving'] },
              { scope: 'department', ...around },
              { scope: 'department', sort: 'arrival_desc' },
            ]
          : [
              { scope: 'all' },
              { scope: 'all', statuses: ['filed'] },
              { scope: 'all', tiers: ['A', 'B'] },
              { scope: 'all', ...around },
              {
                scope: 'all',
                search: pick(w.random, w.searchTerms.length ? w.searchTerms : ['公司']),
              },
              { scope: 'all', departmentId: pick(w.random, w.departmentIds) },
              { scope: 'all', sort: 'budget_desc' },
            ];
    return pick(w.random, variants);
  }

  /** A new draft, or (half the time, once he has one) the next change to the one he is writing. */
  private saveInput(): OpInput<'requests.saveDraft'> {
    const w = this.world;
    if (this.draft && w.random() < 0.5) {
      const body = { ...this.draft.body, purpose: `洽谈合作事宜（第${this.calls + 1}次修改）` };
      return { id: this.draft.id, version: this.draft.version, body };
    }
    const day = addDays(w.today, 7 + Math.floor(w.random() * 30));
    const body = requestBodyOn(day, addDays(day, 1), {
      orgName: `负载${w.tag}${this.seat.index}号${this.calls + 1}有限公司`,
      departmentId: null,
    });
    return { id: null, version: null, body };
  }

  /**
   * Learns from an answer. `ok`: 2xx. The acknowledged writes are filed for the check at the
   * end; an inbox answer adds the steps no other virtual user took.
   */
  settle(call: Call, ok: boolean, body: string): void {
    if (call.op === 'requests.saveDraft') {
      const input = call.input as OpInput<'requests.saveDraft'>;
      if (!ok) {
        // Whatever went wrong, the next save starts a new draft rather than guess a version.
        this.draft = null;
        return;
      }
      const saved = JSON.parse(body) as { value: { id: number; version: number } };
      const { id, version } = saved.value;
      this.draft = { id, version, body: input.body as RequestBody };
      this.ack(
        call,
        input.id === null
          ? { type: 'created', requestId: id, orgName: input.body.orgName }
          : { type: 'saved', requestId: id, version },
      );
    } else if (!ok) {
      return;
    } else if (call.op === 'approvals.decide') {
      this.ack(call, { type: 'decided', stepId: (call.input as { stepId: number }).stepId });
    } else if (call.op === 'frontdesk.checkIn') {
      const input = call.input as OpInput<'frontdesk.checkIn'>;
      const g = input.guests[0];
      if (input.requestId === null || !g) return;
      this.ack(call, {
        type: 'checked-in',
        requestId: input.requestId,
        seq: g.seq,
        day: this.world.today,
      });
      // The board it answers with gives the day's record to check him out by.
      const board = (JSON.parse(body) as { value: BoardView }).value;
      const guest = board.visits
        .find((v) => v.requestId === input.requestId)
        ?.guests.find((x) => x.seq === g.seq);
      if (guest?.guestId) {
        this.inside.push({ guestId: guest.guestId, requestId: input.requestId, seq: g.seq });
      }
    } else if (call.op === 'frontdesk.checkOut') {
      const guestId = (call.input as OpInput<'frontdesk.checkOut'>).guestIds[0];
      if (guestId === undefined) return;
      this.ack(call, { type: 'checked-out', guestId });
      // Out for lunch: back in later in the day (the same record, checked in again).
      const left = this.lastOut.get(guestId);
      this.lastOut.delete(guestId);
      if (left) this.seat.arrivals.push(left);
    } else if (call.op === 'approvals.inbox') {
      this.takeSteps(body);
    }
  }

  /** The inbox's visit approvals that nobody has taken yet become this approver's to decide. */
  takeSteps(body: string): void {
    const items = (JSON.parse(body) as { value: InboxItem[] }).value;
    for (const item of items) {
      if (item.money || item.step.status !== 'pending') continue;
      if (this.world.claimed.has(item.step.id)) continue;
      this.world.claimed.set(item.step.id, this.seat.index);
      this.steps.push({ stepId: item.step.id, version: item.step.version });
    }
  }

  private ack(call: Call, effect: Effect): void {
    if (!call.key) return;
    this.world.acks.push({
      run: this.world.run,
      op: call.op,
      userId: this.seat.person.userId,
      key: call.key,
      effect,
    });
  }
}
