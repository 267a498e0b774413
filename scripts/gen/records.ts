/**
 * The rows the app appends as things happen — approval steps, request events, notifications (and
 * when their user reads them), audit entries (with each person's first sign-in of the day) — made
 * with the kinds, keys and summaries the handlers use, and held back until their ids can follow
 * time as in a real database. They are queued per company day and handed to the writer once no
 * request still to come can add anything earlier (requests are simulated in creation order).
 * When someone reads and signs in is decided by stateless hashes (`hashFloat`), not by a stream,
 * so it does not depend on the order in which the simulation asks. No sessions are stored:
 * sign-ins appear in the audit log only.
 */
import type { StepKind, StepStatus } from '../../shared/approvals/steps';
import { dayOf, dayStart, HOUR, isWorkday, MINUTE } from './calendar';
import type { UserRec } from './company';
import { hashFloat } from './random';

export interface StepSim {
  /** Set when written (ids follow time). */
  id: number;
  requestId: number;
  revision: number;
  seq: number;
  kind: StepKind;
  reason: string;
  assignee: number | null;
  status: StepStatus;
  decidedBy: number | null;
  onBehalfOf: number | null;
  decidedAt: number | null;
  pendingSince: number | null;
  comment: string;
  version: number;
}

/** The notifications a user marked read in one sitting (one notifications.markRead call). */
interface ReadSession {
  user: UserRec;
  t: number;
  ids: number[];
}

/** A row waiting for its id; `seq` keeps the order of rows made at the same instant. */
export type Queued =
  | { k: 'step'; t: number; seq: number; step: StepSim }
  | {
      k: 'event';
      t: number;
      seq: number;
      requestId: number;
      actor: number | null;
      onBehalfOf: number | null;
      kind: string;
      step: StepSim | null;
      comment: string;
      data: string;
    }
  | {
      k: 'notification';
      t: number;
      seq: number;
      userId: number;
      kind: string;
      titleKey: string;
      params: string;
      readAt: number | null;
      session: ReadSession | null;
    }
  | {
      k: 'audit';
      t: number;
      seq: number;
      actor: UserRec | null;
      actorName: string | null;
      onBehalfOf: UserRec | null;
      operation: string;
      entityType: string;
      entityId: string | null;
      summary: string;
    }
  | { k: 'markRead'; t: number; seq: number; session: ReadSession };

/**
 * Rows waiting for their ids, bucketed by company day. Requests come in creation order and
 * nothing a request does is earlier than its creation, so every day before the current request's
 * is final and can be written, sorted by time.
 */
class TimeQueue {
  private readonly buckets: (Queued[] | undefined)[] = [];
  private flushed = 0;
  private seq = 0;

  constructor(readonly firstDay: number) {}

  push(row: Queued): void {
    const i = dayOf(row.t) - this.firstDay;
    if (i < this.flushed) {
      throw new Error(`generator bug: a ${row.k} row at ${new Date(row.t).toISOString()} is late`);
    }
    row.seq = this.seq++;
    const bucket = this.buckets[i];
    if (bucket) bucket.push(row);
    else this.buckets[i] = [row];
  }

  nextSeq(): number {
    return this.seq;
  }

  /** Writes every day before `day`, in time order. */
  flushBefore(day: number, write: (row: Queued) => void): void {
    const until = Math.min(day - this.firstDay, this.buckets.length);
    for (; this.flushed < until; this.flushed++) {
      const bucket = this.buckets[this.flushed];
      if (!bucket) continue;
      bucket.sort((a, b) => a.t - b.t || a.seq - b.seq);
      for (const row of bucket) write(row);
      this.buckets[this.flushed] = undefined;
    }
  }

  flushAll(write: (row: Queued) => void): void {
    this.flushBefore(this.firstDay + this.buckets.length, write);
  }
}

// Minutes since 1970 stay below 1e8 until the year 2160.
const sessionKey = (user: UserRec, t: number) => user.id * 1e8 + Math.floor(t / MINUTE);

/** The time-ordered rows of the whole run, from `firstDay` (the company's first) to now. */
export class Records {
  private readonly queue: TimeQueue;
  private readonly dayCount: number;
  /** Whether a person has signed in on a day: user id × day. */
  private readonly loggedIn: Uint8Array;
  private readonly sessions = new Map<number, ReadSession>();

  constructor(
    private readonly seedH: number,
    private readonly nowMs: number,
    firstDay: number,
    /** Every account by id. */
    private readonly users: readonly (UserRec | undefined)[],
  ) {
    this.queue = new TimeQueue(firstDay);
    this.dayCount = dayOf(nowMs) - firstDay + 2;
    const accounts = users.filter((u): u is UserRec => u !== undefined).length;
    this.loggedIn = new Uint8Array((accounts + 2) * this.dayCount);
  }

  /** `user` is signed in on the day of `t` without an auth.login entry (setup signs him in). */
  signedIn(user: UserRec, t: number): void {
    this.loggedIn[user.id * this.dayCount + (dayOf(t) - this.queue.firstDay)] = 1;
  }

  /** An audit entry, after the actor's sign-in of the day if he has not signed in yet. */
  audit(
    t: number,
    actor: UserRec,
    operation: string,
    entityType: string,
    entityId: number | null,
    summary: unknown,
    onBehalfOf: UserRec | null = null,
  ): void {
    this.ensureLogin(actor, t);
    this.queue.push({
      k: 'audit',
      t,
      seq: 0,
      actor,
      actorName: actor.name,
      onBehalfOf,
      operation,
      entityType,
      entityId: entityId === null ? null : String(entityId),
      summary: JSON.stringify(summary),
    });
  }

  /** A request event, as the request handlers and the approval engine append them. */
  event(
    requestId: number,
    t: number,
    actor: UserRec | null,
    kind: string,
    extra: { onBehalfOf?: UserRec | null; step?: StepSim; comment?: string; data?: unknown } = {},
  ): void {
    this.queue.push({
      k: 'event',
      t,
      seq: 0,
      requestId,
      actor: actor?.id ?? null,
      onBehalfOf: extra.onBehalfOf?.id ?? null,
      kind,
      step: extra.step ?? null,
      comment: extra.comment ?? '',
      data: JSON.stringify(extra.data ?? {}),
    });
  }

  /** An approval step inserted at `t`; its id is set when it is written. */
  step(t: number, step: StepSim): void {
    this.queue.push({ k: 'step', t, seq: 0, step });
  }

  /** One notification per distinct user, each read at a time of that user's habits (or not yet). */
  notify(
    userIds: readonly number[],
    t: number,
    kind: string,
    titleKey: string,
    params: unknown,
  ): void {
    const json = JSON.stringify(params);
    const seen = new Set<number>();
    for (const id of userIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const user = this.users[id];
      if (!user) throw new Error(`generator bug: no user ${id}`);
      const session = this.readingOf(user, t, this.queue.nextSeq());
      this.queue.push({
        k: 'notification',
        t,
        seq: 0,
        userId: id,
        kind,
        titleKey,
        params: json,
        readAt: session ? session.t : null,
        session,
      });
    }
  }

  /** Hands every row of the days before `day` to `write`, in time order. */
  flushBefore(day: number, write: (row: Queued) => void): void {
    this.queue.flushBefore(day, (row) => this.written(row, write));
  }

  /** Hands every row left to `write`; each reading session has then been written. */
  flushAll(write: (row: Queued) => void): void {
    this.queue.flushAll((row) => this.written(row, write));
    if (this.sessions.size > 0)
      throw new Error(`generator bug: ${this.sessions.size} reading sessions unwritten`);
  }

  private written(row: Queued, write: (row: Queued) => void): void {
    write(row);
    if (row.k === 'markRead') this.sessions.delete(sessionKey(row.session.user, row.t));
  }

  /** A person signs in once on a day he does anything: before work, at a time of his own. */
  private ensureLogin(user: UserRec, t: number): void {
    const d = dayOf(t);
    const idx = user.id * this.dayCount + (d - this.queue.firstDay);
    if (this.loggedIn[idx]) return;
    this.loggedIn[idx] = 1;
    const jitter = Math.floor(hashFloat(this.seedH, user.id, d, 1) * 44 * MINUTE);
    const at = Math.min(dayStart(d) + 7 * HOUR + 45 * MINUTE + jitter, t - MINUTE);
    this.queue.push({
      k: 'audit',
      t: at,
      seq: 0,
      actor: user,
      actorName: user.name,
      onBehalfOf: null,
      operation: 'auth.login',
      entityType: 'session',
      entityId: String(user.id),
      summary: JSON.stringify({ login: user.login, client: 'local-app' }),
    });
  }

  /**
   * When a user reads a notification created at `t`: at the first of his reading slots after it
   * that he does not let pass, on a working day, while he still works here; null when that is
   * after now (unread today). A few hosts' notifications are never read at all.
   */
  private readingOf(user: UserRec, t: number, noteSeq: number): ReadSession | null {
    const { seedH, nowMs } = this;
    if (user.skipRead > 0.2 && hashFloat(seedH, noteSeq, 7, 7) < 0.004) return null;
    const first = dayOf(t);
    for (let d = first; d < first + 45; d++) {
      if (!isWorkday(d)) continue;
      for (let k = 0; k < user.readSlots.length; k++) {
        const jitter = (hashFloat(seedH, user.id, d, k) - 0.5) * 50 * MINUTE;
        const at = Math.round(dayStart(d) + (user.readSlots[k] ?? 0) * MINUTE + jitter);
        if (at <= t + MINUTE) continue;
        if (at > nowMs || (user.leftMs !== null && at > user.leftMs)) return null;
        if (hashFloat(seedH, user.id, d, k + 100) < user.skipRead) continue;
        const key = sessionKey(user, at);
        let session = this.sessions.get(key);
        if (!session) {
          session = { user, t: at, ids: [] };
          this.sessions.set(key, session);
          this.ensureLogin(user, at);
          this.queue.push({ k: 'markRead', t: at, seq: 0, session });
        }
        return session;
      }
    }
    return null;
  }
}
