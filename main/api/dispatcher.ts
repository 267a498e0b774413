import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { hasPermission, type Role, ROLES } from '../../shared/auth/roles';
import { isIdempotencyKey } from '../../shared/contract/bridge';
import { isOperationName, type OperationName } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';
import { type OperationSpec } from '../../shared/contract/spec';
import { DEFAULT_LANGUAGE, translate, type Language } from '../../shared/i18n/translate';
import type { CompanySettings } from '../../shared/contract/types';
import type { ApiError, Message, Result } from '../../shared/result';
import { fieldErrorsFromZod } from '../../shared/validation/zod-errors';
import type { DB } from '../db/schema';
import type { CachingHandle } from '../db/statement-cache';
import type { FileStore } from '../core/files';
import type { DatabaseHost } from '../db/host';
import { appendAudit } from '../domains/audit';
import type { Actor, AuditRecord, ServiceContext } from '../core/context';
import { AppError, Failure, isBusyError } from '../core/errors';
import type { HandlerEnv } from '../core/handler';
import {
  findAnswer,
  inputHash,
  noteActivity,
  resolveSession,
  storeAnswer,
  type SessionState,
} from '../domains/auth';
import { getSettings, primeSettings } from '../domains/settings';
import { readTransaction, writeTransaction } from '../core/queries';
import type { AppEvent, EventBus } from './events';
import { HANDLERS } from './handlers';
import type * as z from 'zod';

export interface App {
  db: Kysely<DB>;
  /** The SQLite handle; null on PostgreSQL (the office server with `--postgres`). */
  sqlite: SqliteDatabase | null;
  /** Kysely's statement cache on `sqlite`; tests listen to each statement run through it. */
  statements: CachingHandle | null;
  /** Attachments' files, stored by content hash beside the database. */
  files: FileStore;
  events: EventBus;
  /** Epoch ms. Tests freeze it. */
  clock: () => number;
  /** The live database's file, for backups and restores (main/app.ts); absent in bare test apps. */
  host?: DatabaseHost;
}

/**
 * What a damaged database's recovery screen may call (main/app.ts): everything else is refused
 * until a backup has replaced the file, since no table of the running database can be trusted.
 */
const RECOVERY_OPERATIONS = new Set<OperationName>([
  'system.health',
  'backups.recoveryStatus',
  'backups.recover',
]);

export interface Call {
  op: unknown;
  input: unknown;
  /** The session token the transport holds for this caller (cookie or per-window), if any. */
  token: string | null;
  /**
   * Beside the input (HTTP `Idempotency-Key`, IPC's third argument). On a write by a signed-in
   * user, a retry with the same key gets the first answer and writes nothing; the same key with
   * another operation or input is refused (IDEMPOTENCY_KEY_REUSED). Ignored on reads and on
   * public operations (sign-in, setup): their answers set a session, which is never replayed.
   */
  idempotencyKey?: string | null;
  /**
   * The caller as the transport knows it: the HTTP peer address, or a constant for the Electron
   * window. Failed sign-ins are throttled and audited per client.
   */
  client?: string;
}

export interface CallOutcome {
  result: Result<unknown>;
  /** The transport must store this token (string) or forget its token (null). Absent: no change. */
  session?: string | null;
}

/** The client of a call whose transport named none (in-process callers, tests). */
export const UNKNOWN_CLIENT = 'unknown';

/** Operations a user who must change a reset password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<OperationName>([
  'auth.changePassword',
  'auth.touch',
  'auth.setLanguage',
  'settings.get',
  'notifications.list',
  'notifications.markRead',
  'notifications.markAllRead',
]);

function errorValue(e: AppError, language: Language): ApiError {
  const fieldErrors = e.fieldErrors;
  return {
    code: e.code,
    key: e.key,
    message: translate(language, e.key, e.params),
    ...(e.params ? { params: e.params } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

async function loadActor(
  db: Kysely<DB>,
  state: Extract<SessionState, { status: 'active' | 'locked' }>,
): Promise<Actor> {
  const { userId, tokenHash, user } = state;
  const roles = (
    await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute()
  )
    .map((r) => r.role)
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return {
    userId,
    displayName: user.displayName,
    roles,
    language: user.language === 'en' ? 'en' : 'zh-CN',
    mustChangePassword: user.mustChangePassword === 1,
    tokenHash,
  };
}

/**
 * The one way into the main process: session → permission → input validation → service →
 * typed result. Electron IPC and the loopback HTTP server both call this.
 */
export async function dispatch(app: App, call: Call): Promise<CallOutcome> {
  let language: Language = DEFAULT_LANGUAGE;
  const fail = (code: AppError['code'], key: string, params?: Record<string, string | number>) => ({
    result: { ok: false as const, error: errorValue(new AppError(code, key, params), language) },
  });
  try {
    if (!isOperationName(call.op)) return fail('UNKNOWN_OPERATION', 'errors.UNKNOWN_OPERATION');
    const name = call.op;
    if (app.host?.damaged && !RECOVERY_OPERATIONS.has(name)) {
      return fail('CONFLICT', 'backups.errors.damagedDatabase');
    }
    if (
      call.idempotencyKey !== undefined &&
      call.idempotencyKey !== null &&
      !isIdempotencyKey(call.idempotencyKey)
    ) {
      return fail('INVALID_INPUT', 'errors.INVALID_INPUT');
    }
    const spec: OperationSpec<z.ZodType, unknown> = OPERATIONS[name];
    const nowMs = app.clock();

    // 1. Session.
    const settings = await getSettings(app.db);
    const state = await resolveSession(app.db, call.token, nowMs, settings.idleLockMinutes);
    let actor: Actor | null = null;
    if (state.status === 'active' || state.status === 'locked') {
      actor = await loadActor(app.db, state);
      language = actor.language;
    }
    if (spec.access !== 'public') {
      if (state.status === 'none') return fail('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
      if (state.status === 'expired') {
        // Ended by an administrator: the sign-in screen says so, rather than "expired".
        const key = state.revoked ? 'errors.sessionRevoked' : 'errors.SESSION_EXPIRED';
        return { ...fail('SESSION_EXPIRED', key), session: null };
      }
      if (state.status === 'locked' && spec.access !== 'lockedSession') {
        return fail('SESSION_LOCKED', 'errors.SESSION_LOCKED');
      }
    }
    // 2. Permission.
    if (
      actor &&
      spec.access !== 'public' &&
      spec.access !== 'session' &&
      spec.access !== 'lockedSession' &&
      !hasPermission(actor.roles, spec.access)
    ) {
      return fail('FORBIDDEN', 'errors.FORBIDDEN');
    }
    if (actor?.mustChangePassword && spec.access !== 'public' && spec.access !== 'lockedSession') {
      if (!ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
        return fail('FORBIDDEN', 'errors.mustChangePassword');
      }
    }

    // 3. Input.
    const parsed = spec.input.safeParse(call.input ?? {});
    if (!parsed.success) {
      const fieldErrors: Record<string, Message> = fieldErrorsFromZod(parsed.error);
      const error = errorValue(
        new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, fieldErrors),
        language,
      );
      return { result: { ok: false, error } };
    }

    // 4. Service.
    const locked = state.status === 'locked';
    return await runHandler(app, name, spec, parsed.data, {
      actor,
      sessionLocked: locked,
      nowMs,
      language,
      settings,
      client: call.client ?? UNKNOWN_CLIENT,
      recordedActivityMs:
        state.status === 'none' || state.status === 'expired' ? 0 : state.lastActiveAtMs,
      idempotency:
        spec.write &&
        spec.access !== 'public' &&
        actor &&
        call.idempotencyKey !== undefined &&
        call.idempotencyKey !== null
          ? {
              userId: actor.userId,
              key: call.idempotencyKey,
              hash: inputHash(name, call.input),
            }
          : null,
    });
  } catch (e) {
    if (e instanceof AppError) return { result: { ok: false, error: errorValue(e, language) } };
    // SQLite already waited the busy timeout (5 s) for the other writer: a "try again", not a bug.
    // The transaction was rolled back, so nothing was done.
    // A restore closed the handle this call was queued on (main/app.ts): nothing was done.
    if (isBusyError(e) || (e instanceof TypeError && /connection is not open/.test(e.message))) {
      console.warn(`operation ${String(call.op)}: database busy`, (e as Error).message);
      return fail('BUSY', 'errors.BUSY');
    }
    console.error(`operation ${String(call.op)} failed`, e);
    return fail('INTERNAL', 'errors.INTERNAL');
  }
}

/** What the dispatcher learnt before the handler runs. */
interface CallState {
  actor: Actor | null;
  sessionLocked: boolean;
  nowMs: number;
  language: Language;
  /** Read once per call: handlers get them through `callSettings`/`companyToday`. */
  settings: CompanySettings;
  /** The caller's address (or 'local-app'); UNKNOWN_CLIENT when the transport gave none. */
  client: string;
  /** The session's last activity as recorded (written at most once a minute: noteActivity). */
  recordedActivityMs: number;
  /** The write's idempotency key, scoped to the signed-in user; null: not keyed. */
  idempotency: { userId: number; key: string; hash: string } | null;
}

function readContext(
  db: Kysely<DB>,
  { nowMs, actor, sessionLocked, client }: CallState,
): ServiceContext {
  return {
    db,
    nowMs,
    actor,
    sessionLocked,
    client,
    audit: () => {
      throw new Error('read operations do not audit');
    },
    emit: () => {
      throw new Error('read operations do not emit');
    },
    setSessionToken: () => {
      throw new Error('read operations do not change the session');
    },
  };
}

async function runHandler(
  app: App,
  name: OperationName,
  spec: OperationSpec<z.ZodType, unknown>,
  input: unknown,
  call: CallState,
): Promise<CallOutcome> {
  const { actor, sessionLocked, nowMs, language } = call;
  const handler = HANDLERS[name] as (
    ctx: ServiceContext,
    input: unknown,
    env: HandlerEnv,
  ) => Promise<unknown>;
  const later: (() => void | Promise<void>)[] = [];
  const env: HandlerEnv = {
    sqlite: app.sqlite,
    files: app.files,
    db: app.db,
    events: app.events,
    ...(app.host ? { host: app.host } : {}),
    afterCommit: (fn) => later.push(fn),
  };

  if (!spec.write) {
    // Every read of the call sees one snapshot (one read transaction).
    const value = await readTransaction(app.db, (conn) => {
      const ctx = readContext(conn, call);
      primeSettings(ctx, call.settings);
      return handler(ctx, input, env);
    });
    if (actor && !spec.passive) {
      await noteActivity(app.db, actor.tokenHash, nowMs, call.recordedActivityMs);
    }
    for (const fn of later) await fn();
    return { result: { ok: true, value } };
  }

  const events: AppEvent[] = [];
  let session: string | null | undefined;
  const keyed = call.idempotency;
  const toResult = (value: unknown): Result<unknown> =>
    value instanceof Failure
      ? { ok: false, error: errorValue(value.error, language) }
      : { ok: true, value };
  const done = await writeTransaction(app.db, async (trx) => {
    // A retry: the first answer, and no handler, audit, event or session touch. Looked up in
    // the write transaction, so two concurrent calls with one key run one after the other.
    if (keyed) {
      const stored = await findAnswer(trx, keyed.userId, keyed.key, keyed.hash, nowMs);
      if (stored.status === 'replay') return { replay: stored.result, value: undefined };
      if (stored.status === 'mismatch') {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'errors.IDEMPOTENCY_KEY_REUSED');
      }
    }
    const audits: AuditRecord[] = [];
    let aggregated = false;
    const ctx: ServiceContext = {
      db: trx,
      nowMs,
      actor,
      sessionLocked,
      client: call.client,
      audit: (record) => audits.push(record),
      auditAggregated: () => {
        aggregated = true;
      },
      emit: (eventName, payload, userIds, sessions) =>
        events.push({ name: eventName, payload, userIds, ...(sessions ? { sessions } : {}) }),
      setSessionToken: (token) => {
        session = token;
      },
    };
    primeSettings(ctx, call.settings);
    const out = await handler(ctx, input, env);
    // Every write leaves at least one audit entry, written in this same transaction.
    // Unless the handler counted it in an aggregate entry (see `auditAggregated`).
    if (audits.length === 0 && !aggregated) audits.push({ entityType: name.split('.')[0] ?? name });
    for (const a of audits) {
      await appendAudit(trx, {
        atMs: nowMs,
        actorUserId: a.actor?.userId ?? actor?.userId ?? null,
        actorName: a.actor?.displayName ?? actor?.displayName ?? null,
        onBehalfOfUserId: a.onBehalfOf?.userId ?? null,
        onBehalfOfName: a.onBehalfOf?.displayName ?? null,
        operation: name,
        entityType: a.entityType,
        entityId: a.entityId === undefined || a.entityId === null ? null : String(a.entityId),
        summary: a.summary ?? {},
        client: call.client,
      });
    }
    if (actor && !spec.passive) {
      await noteActivity(trx, actor.tokenHash, nowMs, call.recordedActivityMs);
    }
    // Stored only with writes that stand (a value, or a Failure whose writes are kept): a thrown
    // error rolls this back too, so a retry with the key runs again. Answers that change the
    // session are not stored: a token is never kept, so they could not be replayed whole. A call
    // with work after the commit (a backup, a restore) is stored once that work is done, below:
    // its answer is only complete then, and a failure there must leave the key free for a retry.
    if (keyed && session === undefined && later.length === 0) {
      await storeAnswer(trx, {
        userId: keyed.userId,
        key: keyed.key,
        operation: name,
        hash: keyed.hash,
        result: toResult(out),
        nowMs,
      });
    }
    return { replay: null, value: out };
  });
  if (done.replay) return { result: done.replay };
  for (const event of events) app.events.publish(event);
  for (const fn of later) await fn();
  if (keyed && session === undefined && later.length > 0) {
    const result = toResult(done.value);
    await writeTransaction(app.db, (trx) =>
      storeAnswer(trx, {
        userId: keyed.userId,
        key: keyed.key,
        operation: name,
        hash: keyed.hash,
        result,
        nowMs,
      }),
    );
  }
  const outcome: CallOutcome = { result: toResult(done.value) };
  if (session !== undefined) outcome.session = session;
  return outcome;
}
