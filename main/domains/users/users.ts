import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../../../shared/auth';
import type { DirectoryEntry, UserView } from '../../../shared/contract/types';
import type { OpParsed } from '../../../shared/contract/operations';
import type { Language } from '../../../shared/i18n/translate';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { reroute } from '../approvals';
import { handOverTasksOf } from '../tasks';
import { releaseWalkInsOf } from '../frontdesk';
import { endUserSessions, forgetUnknownLogin, hashPassword } from '../auth';
import { notify } from '../notifications';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

async function rolesByUser(db: Kysely<DB>, userIds?: number[]): Promise<Map<number, Role[]>> {
  let q = db.selectFrom('userRoles').select(['userId', 'role']);
  if (userIds) q = q.where('userId', 'in', userIds.length ? userIds : [-1]);
  const out = new Map<number, Role[]>();
  for (const row of await q.execute()) {
    if (!isRole(row.role)) continue;
    const list = out.get(row.userId) ?? [];
    list.push(row.role);
    out.set(row.userId, list);
  }
  for (const list of out.values()) list.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return out;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.departmentId')
    .select([
      'users.id',
      'users.login',
      'users.displayName',
      'users.departmentId',
      'departments.name as departmentName',
      'users.phone',
      'users.language',
      'users.disabled',
      'users.lockedUntilMs',
      'users.mustChangePassword',
      'users.createdAtMs',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toView(row: Row, roles: Role[], nowMs: number): UserView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    roles,
    phone: row.phone,
    language: row.language === 'en' ? 'en' : 'zh-CN',
    disabled: row.disabled === 1,
    lockedUntilMs:
      row.lockedUntilMs !== null && row.lockedUntilMs > nowMs ? row.lockedUntilMs : null,
    mustChangePassword: row.mustChangePassword === 1,
    createdAtMs: row.createdAtMs,
  };
}

/**
 * Chinese names sort by pinyin, as people look them up, not by code point; numbers in names by
 * value (接待员2 before 接待员10, as an imported sheet numbers them).
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

export async function listUsers(db: Kysely<DB>, nowMs: number): Promise<UserView[]> {
  const rows = await baseQuery(db).execute();
  const roles = await rolesByUser(db);
  return rows
    .sort((a, b) => collator.compare(a.displayName, b.displayName))
    .map((r) => toView(r, roles.get(r.id) ?? [], nowMs));
}

/** Everyone's view of the people: names, departments, roles; nothing about logins or locks. */
export async function listDirectory(db: Kysely<DB>): Promise<DirectoryEntry[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.departmentId')
    .select([
      'users.id',
      'users.displayName',
      'users.departmentId',
      'departments.name as departmentName',
      'users.disabled',
    ])
    .execute();
  const roles = await rolesByUser(db);
  return rows
    .sort((a, b) => collator.compare(a.displayName, b.displayName))
    .map((r) => ({
      id: r.id,
      displayName: r.displayName,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      roles: roles.get(r.id) ?? [],
      disabled: r.disabled === 1,
    }));
}

export async function getUser(db: Kysely<DB>, id: number, nowMs: number): Promise<UserView> {
  const row = await baseQuery(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.userNotFound');
  const roles = await rolesByUser(db, [id]);
  return toView(row, roles.get(id) ?? [], nowMs);
}

async function assertDepartment(db: Kysely<DB>, departmentId: number | null) {
  if (departmentId === null) return;
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!found) throw fieldError('departmentId', 'errors.departmentNotFound');
}

async function setRoles(db: Kysely<DB>, userId: number, roles: readonly Role[]) {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  await db
    .insertInto('userRoles')
    .values(roles.map((role) => ({ userId, role })))
    .execute();
}

export interface NewUser {
  login: string;
  displayName: string;
  departmentId: number | null;
  roles: Role[];
  password: string;
  /** Work phone, normalised; '' or absent: none. */
  phone?: string;
  language?: Language;
  /** Already hashed (an import hashes its passwords side by side first); else `password` is. */
  passwordHash?: string;
  /** Someone else chose the password: the person sets his own at first sign-in. */
  mustChangePassword?: boolean;
}

/** Used by setup, demo data and the users page. */
export async function insertUser(db: Kysely<DB>, nowMs: number, input: NewUser): Promise<number> {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', input.login)
    .executeTakeFirst();
  if (taken) throw fieldError('login', 'validation.loginTaken');
  await forgetUnknownLogin(db, input.login);
  await assertDepartment(db, input.departmentId);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const { id } = await db
    .insertInto('users')
    .values({
      login: input.login,
      displayName: input.displayName,
      departmentId: input.departmentId,
      phone: input.phone ?? '',
      passwordHash,
      mustChangePassword: input.mustChangePassword ? 1 : 0,
      language: input.language ?? 'zh-CN',
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setRoles(db, id, input.roles);
  return id;
}

/** Creates a user and writes the audit entry the users page's 新建用户 writes. */
export async function createUser(ctx: ServiceContext, input: NewUser) {
  const id = await insertUser(ctx.db, ctx.nowMs, input);
  const created = await getUser(ctx.db, id, ctx.nowMs);
  ctx.audit({
    entityType: 'user',
    entityId: id,
    summary: {
      login: input.login,
      displayName: input.displayName,
      // The name, not the id: the audit log shows the entry as it was written.
      departmentName: created.departmentName,
      roles: input.roles,
    },
  });
  return created;
}

async function activeSysadminCount(db: Kysely<DB>, excludingUserId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userRoles.role', '=', 'sysadmin')
    .where('users.disabled', '=', 0)
    .where('users.id', '!=', excludingUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(ctx: ServiceContext, input: OpParsed<'users.update'>) {
  const before = await getUser(ctx.db, input.id, ctx.nowMs);
  const losesAdmin =
    before.roles.includes('sysadmin') &&
    !before.disabled &&
    (input.disabled || !input.roles.includes('sysadmin'));
  if (losesAdmin && ctx.actor?.userId === input.id) {
    throw new AppError('CONFLICT', 'errors.selfLockout');
  }
  if (losesAdmin && (await activeSysadminCount(ctx.db, input.id)) === 0) {
    throw new AppError('CONFLICT', 'errors.lastSysadmin');
  }
  await assertDepartment(ctx.db, input.departmentId);
  await ctx.db
    .updateTable('users')
    .set({
      displayName: input.displayName,
      departmentId: input.departmentId,
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      disabled: input.disabled ? 1 : 0,
      updatedAtMs: ctx.nowMs,
    })
    .where('id', '=', input.id)
    .execute();
  await setRoles(ctx.db, input.id, input.roles);
  if (input.disabled && !before.disabled) await endUserSessions(ctx.db, input.id, ctx.nowMs);
  // Nothing may wait on someone who can no longer act: his open steps move on (issue 7).
  await reroute(ctx, { userId: input.id, disabled: input.disabled, roles: input.roles }, before);
  // … and so do his procedure tasks (电话确认来访, 提交报销): the admin office takes them over.
  if (input.disabled && !before.disabled) {
    await handOverTasksOf(ctx, input.id);
    // … and no walk-in waits at the desk for his answer.
    await releaseWalkInsOf(ctx, input.id);
  }
  const after = await getUser(ctx.db, input.id, ctx.nowMs);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['displayName', 'departmentName', 'roles', 'phone', 'disabled'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { from: before[key], to: after[key] };
    }
  }
  ctx.audit({ entityType: 'user', entityId: input.id, summary: { login: after.login, changes } });
  return after;
}

export async function resetPassword(ctx: ServiceContext, input: OpParsed<'users.resetPassword'>) {
  const user = await getUser(ctx.db, input.id, ctx.nowMs);
  const passwordHash = await hashPassword(input.password);
  await ctx.db
    .updateTable('users')
    .set({
      passwordHash,
      // Someone else now knows it: the owner must choose a new one at the next sign-in.
      mustChangePassword: ctx.actor?.userId === input.id ? 0 : 1,
      failedAttempts: 0,
      lockedUntilMs: null,
      updatedAtMs: ctx.nowMs,
    })
    .where('id', '=', input.id)
    .execute();
  await endUserSessions(ctx.db, input.id, ctx.nowMs, ctx.actor?.tokenHash);
  await notify(
    ctx,
    [input.id],
    'password.reset',
    'notifications.passwordReset',
    { by: ctx.actor?.displayName ?? '' },
    { type: 'account' },
  );
  ctx.audit({ entityType: 'user', entityId: input.id, summary: { login: user.login } });
  return null;
}

export async function unlockUser(ctx: ServiceContext, input: OpParsed<'users.unlock'>) {
  const user = await getUser(ctx.db, input.id, ctx.nowMs);
  await ctx.db
    .updateTable('users')
    .set({ failedAttempts: 0, lockedUntilMs: null, updatedAtMs: ctx.nowMs })
    .where('id', '=', input.id)
    .execute();
  ctx.audit({ entityType: 'user', entityId: input.id, summary: { login: user.login } });
  return null;
}

export async function sysadminIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select('users.id')
    .where('userRoles.role', '=', 'sysadmin')
    .where('users.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Of these logins (lower-case), the ones taken. One statement. */
export async function takenLogins(db: Kysely<DB>, logins: readonly string[]): Promise<Set<string>> {
  if (logins.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('login')
    .where('login', 'in', [...logins])
    .execute();
  return new Set(rows.map((r) => r.login));
}

/** How many active (not disabled) people hold each role: a count per role, not a list. */
export async function activeRoleCounts(db: Kysely<DB>): Promise<Partial<Record<Role, number>>> {
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select((eb) => ['userRoles.role', eb.fn.countAll<number>().as('n')])
    .where('users.disabled', '=', 0)
    .groupBy('userRoles.role')
    .execute();
  const out: Partial<Record<Role, number>> = {};
  for (const r of rows) if (isRole(r.role)) out[r.role] = Number(r.n);
  return out;
}
