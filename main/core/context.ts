import type { Kysely } from 'kysely';
import { AppError } from './errors';
import type { Role } from '../../shared/auth/roles';
import type { Language } from '../../shared/i18n/translate';
import type { DB } from '../db/schema';
import type { EventName } from '../../shared/contract/names';
import type { EventPayload } from '../../shared/contract/operations';

export interface Actor {
  userId: number;
  displayName: string;
  roles: Role[];
  language: Language;
  mustChangePassword: boolean;
  /** Hash of the session token the call came with. */
  tokenHash: string;
}

export interface AuditRecord {
  entityType: string;
  entityId?: string | number | null;
  summary?: unknown;
  /** For sign-in and setup, where the caller becomes known only during the call. */
  actor?: { userId: number; displayName: string };
  /** A delegate acting for an absent approver: the audit names both. */
  onBehalfOf?: { userId: number; displayName: string };
}

/** What every service function gets: the database handle (a transaction for writes), the time, who. */
export interface ServiceContext {
  db: Kysely<DB>;
  nowMs: number;
  actor: Actor | null;
  /** The caller's session is behind the idle lock (only lock-safe operations get this far). */
  sessionLocked: boolean;
  /** Adds an audit entry; the dispatcher writes them in the same transaction as the change. */
  audit: (record: AuditRecord) => void;
  /**
   * This write is already counted in an aggregate audit entry (failed sign-ins for unknown names:
   * one entry per client and minute): the dispatcher adds no entry of its own for it.
   */
  auditAggregated?: () => void;
  /** Who called, as the transport knows it (HTTP: the peer address; Electron: 'local-app'). */
  client?: string;
  /**
   * Queues an event to send once the transaction has committed, to the live sessions of
   * `userIds` — or, with `sessions` (token hashes), to those sessions alone, ended or not: how a
   * revocation reaches the clients it signed out (main/api/events.ts).
   */
  emit: <E extends EventName>(
    name: E,
    payload: EventPayload<E>,
    userIds: number[],
    sessions?: readonly string[],
  ) => void;
  /** Transports set or clear the session cookie / IPC session from these. */
  setSessionToken: (token: string | null) => void;
}

/** The signed-in caller, or UNAUTHENTICATED (the dispatcher already refuses most such calls). */
export function requireActor(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
  return ctx.actor;
}

const perCall = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A value read once per call: the first caller loads it, later callers in the same call (the same
 * ServiceContext) share the answer. For what does not change within a call: settings, the current
 * policy, the actor's delegators of today.
 */
export function once<T>(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
  const values = perCall.get(ctx) ?? new Map<string, Promise<unknown>>();
  perCall.set(ctx, values);
  let value = values.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    values.set(key, value);
    // A failed load is not remembered: the next caller tries again.
    value.catch(() => values.delete(key));
  }
  return value;
}

/** Gives a call a value its caller already read (the dispatcher reads the settings first). */
export function prime<T>(ctx: object, key: string, value: T): void {
  void once(ctx, key, () => Promise.resolve(value));
}
