import type { Kysely } from 'kysely';
import { permissionsOf } from '../../../shared/auth/roles';
import type { OpParsed } from '../../../shared/contract/operations';
import type { SessionInfo } from '../../../shared/contract/types';
import { ACCOUNT_LOCKED_KIND } from '../../../shared/notifications';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, Failure, fieldError } from '../../core/errors';
import { notify } from '../notifications';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession, endSession, endUserSessions, setLocked, touchSession } from './sessions';
import { departmentsHeadedBy } from '../departments';
import { getSettings, putSettings } from '../settings';
import { getUser, insertUser, sysadminIds } from '../users';
import { clientWaitMinutes, recordClientFailure } from './throttle';
import { recordUnknownLoginFailure, unknownLoginLockedMinutes } from './unknown-logins';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;

/** The answer while an account (or an unknown login name, see unknown-logins.ts) is locked. */
const accountLocked = (minutes: number) =>
  new AppError('ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED', { minutes });

export async function sessionInfo(
  db: Kysely<DB>,
  userId: number,
  nowMs: number,
  locked: boolean,
): Promise<SessionInfo> {
  const user = await getUser(db, userId, nowMs);
  return {
    user,
    permissions: [...permissionsOf(user.roles)].sort(),
    headOf: await departmentsHeadedBy(db, userId),
    settings: await getSettings(db),
    locked,
  };
}

export async function needsSetup(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** First start: creates the first sysadmin. There is no default password anywhere. */
export async function createFirstAdmin(ctx: ServiceContext, input: OpParsed<'setup.createAdmin'>) {
  if (!(await needsSetup(ctx.db)))
    throw new AppError('SETUP_ALREADY_DONE', 'errors.SETUP_ALREADY_DONE');
  const userId = await insertUser(ctx.db, ctx.nowMs, {
    ...input,
    departmentId: null,
    roles: ['sysadmin'],
  });
  await putSettings(ctx.db, { companyName: input.companyName });
  const token = await createSession(ctx.db, userId, ctx.nowMs, ctx.client ?? null);
  ctx.setSessionToken(token);
  ctx.audit({
    entityType: 'user',
    entityId: userId,
    summary: { login: input.login, companyName: input.companyName, roles: ['sysadmin'] },
    actor: { userId, displayName: input.displayName },
  });
  return sessionInfo(ctx.db, userId, ctx.nowMs, false);
}

interface Credentials {
  id: number;
  login: string;
  displayName: string;
  passwordHash: string;
  disabled: number;
  failedAttempts: number;
  lockedUntilMs: number | null;
}

/**
 * Checks a password against the lockout rule: 5 wrong in a row lock the account for 15 minutes.
 * The counter lives in the users table, so a restart does not reset it. Returns the failure to
 * report, or null when the password is right.
 */
async function checkPassword(
  ctx: ServiceContext,
  user: Credentials,
  password: string,
): Promise<AppError | null> {
  if (user.lockedUntilMs !== null && user.lockedUntilMs > ctx.nowMs) {
    return accountLocked(Math.ceil((user.lockedUntilMs - ctx.nowMs) / 60_000));
  }
  if (await verifyPassword(user.passwordHash, password)) {
    if (user.failedAttempts > 0 || user.lockedUntilMs !== null) {
      await ctx.db
        .updateTable('users')
        .set({ failedAttempts: 0, lockedUntilMs: null })
        .where('id', '=', user.id)
        .execute();
    }
    return null;
  }
  const attempts = user.failedAttempts + 1;
  if (attempts >= MAX_FAILED_ATTEMPTS) {
    const lockedUntilMs = ctx.nowMs + LOCKOUT_MS;
    await ctx.db
      .updateTable('users')
      .set({ failedAttempts: 0, lockedUntilMs })
      .where('id', '=', user.id)
      .execute();
    await endUserSessions(ctx.db, user.id, ctx.nowMs);
    ctx.audit({
      entityType: 'user',
      entityId: user.id,
      summary: { lockedOut: true, login: user.login, client: ctx.client },
    });
    await notify(
      ctx,
      await sysadminIds(ctx.db),
      ACCOUNT_LOCKED_KIND,
      'notifications.accountLocked',
      { name: user.displayName, login: user.login },
      { type: 'users' },
    );
    return accountLocked(LOCKOUT_MS / 60_000);
  }
  await ctx.db
    .updateTable('users')
    .set({ failedAttempts: attempts, lockedUntilMs: null })
    .where('id', '=', user.id)
    .execute();
  ctx.audit({
    entityType: 'user',
    entityId: user.id,
    summary: { failedAttempt: attempts, login: user.login, client: ctx.client },
  });
  return new AppError('BAD_CREDENTIALS', 'errors.BAD_CREDENTIALS', {
    left: MAX_FAILED_ATTEMPTS - attempts,
  });
}

function credentials(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'login',
      'displayName',
      'passwordHash',
      'disabled',
      'failedAttempts',
      'lockedUntilMs',
    ]);
}

/**
 * The one answer to a wrong login name or a wrong password: the same message either way, so that
 * sign-in does not tell which login names exist (nor how many attempts an account has left).
 */
const loginFailed = () => new AppError('BAD_CREDENTIALS', 'errors.LOGIN_FAILED');

export async function login(
  ctx: ServiceContext,
  input: OpParsed<'auth.login'>,
): Promise<SessionInfo | Failure> {
  const client = ctx.client ?? 'unknown';
  // Per client as well as per account: a script trying many names from one address must wait.
  // Thrown, so the call writes nothing (not even an audit entry) and no password is checked.
  const wait = await clientWaitMinutes(ctx.db, client, ctx.nowMs);
  if (wait !== null) {
    throw new AppError('TOO_MANY_ATTEMPTS', 'errors.TOO_MANY_ATTEMPTS', { minutes: wait });
  }
  const user = await credentials(ctx.db).where('login', '=', input.login).executeTakeFirst();
  if (!user) {
    // Counted and locked per name like a real account, so the lockout does not tell names apart.
    // While locked no password is checked, as for a locked account.
    const lockedMinutes = await unknownLoginLockedMinutes(ctx.db, input.login, ctx.nowMs);
    let failure: AppError;
    if (lockedMinutes !== null) {
      failure = accountLocked(lockedMinutes);
    } else {
      await verifyAgainstDummy(input.password);
      const rule = { maxAttempts: MAX_FAILED_ATTEMPTS, lockoutMs: LOCKOUT_MS };
      failure = (await recordUnknownLoginFailure(ctx.db, input.login, ctx.nowMs, rule))
        ? accountLocked(LOCKOUT_MS / 60_000)
        : loginFailed();
    }
    // Audited once per client and minute (the count is kept in login_failures).
    if (await recordClientFailure(ctx.db, client, ctx.nowMs, true)) {
      ctx.audit({ entityType: 'user', summary: { unknownLogin: input.login, client } });
    } else {
      ctx.auditAggregated?.();
    }
    return new Failure(failure);
  }
  const failure = await checkPassword(ctx, user, input.password);
  if (failure) {
    await recordClientFailure(ctx.db, client, ctx.nowMs, false);
    return new Failure(failure.code === 'BAD_CREDENTIALS' ? loginFailed() : failure);
  }
  // Only a caller who knows the password learns that the account is disabled.
  if (user.disabled)
    return new Failure(new AppError('ACCOUNT_DISABLED', 'errors.ACCOUNT_DISABLED'));
  const token = await createSession(ctx.db, user.id, ctx.nowMs, client);
  ctx.setSessionToken(token);
  ctx.audit({
    entityType: 'session',
    entityId: user.id,
    summary: { login: user.login, client },
    actor: { userId: user.id, displayName: user.displayName },
  });
  return sessionInfo(ctx.db, user.id, ctx.nowMs, false);
}

export async function unlock(
  ctx: ServiceContext,
  input: OpParsed<'auth.unlock'>,
): Promise<SessionInfo | Failure> {
  const actor = requireActor(ctx);
  const user = await credentials(ctx.db).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const failure = await checkPassword(ctx, user, input.password);
  if (failure) {
    if (failure.code === 'ACCOUNT_LOCKED') ctx.setSessionToken(null);
    return new Failure(failure);
  }
  await setLocked(ctx.db, actor.tokenHash, false);
  await touchSession(ctx.db, actor.tokenHash, ctx.nowMs);
  ctx.audit({ entityType: 'session', entityId: actor.userId, summary: { unlocked: true } });
  return sessionInfo(ctx.db, actor.userId, ctx.nowMs, false);
}

export async function lock(ctx: ServiceContext) {
  if (!ctx.actor) return null;
  await setLocked(ctx.db, ctx.actor.tokenHash, true);
  ctx.audit({ entityType: 'session', entityId: ctx.actor.userId, summary: { locked: true } });
  return null;
}

export async function logout(ctx: ServiceContext) {
  if (ctx.actor) {
    await endSession(ctx.db, ctx.actor.tokenHash, ctx.nowMs);
    ctx.audit({ entityType: 'session', entityId: ctx.actor.userId, summary: { signedOut: true } });
  }
  ctx.setSessionToken(null);
  return null;
}

export async function changePassword(
  ctx: ServiceContext,
  input: OpParsed<'auth.changePassword'>,
): Promise<null | Failure> {
  const actor = requireActor(ctx);
  const user = await credentials(ctx.db).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const failure = await checkPassword(ctx, user, input.currentPassword);
  if (failure?.code === 'BAD_CREDENTIALS') {
    return new Failure(fieldError('currentPassword', 'errors.currentPasswordWrong'));
  }
  if (failure) {
    ctx.setSessionToken(null);
    return new Failure(failure);
  }
  await ctx.db
    .updateTable('users')
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: 0,
      updatedAtMs: ctx.nowMs,
    })
    .where('id', '=', actor.userId)
    .execute();
  // Other windows signed in with the old password are signed out.
  await endUserSessions(ctx.db, actor.userId, ctx.nowMs, actor.tokenHash);
  ctx.audit({ entityType: 'user', entityId: actor.userId, summary: { passwordChanged: true } });
  return null;
}

export async function setLanguage(ctx: ServiceContext, input: OpParsed<'auth.setLanguage'>) {
  const actor = requireActor(ctx);
  await ctx.db
    .updateTable('users')
    .set({ language: input.language })
    .where('id', '=', actor.userId)
    .execute();
  ctx.audit({ entityType: 'user', entityId: actor.userId, summary: { language: input.language } });
  return null;
}
