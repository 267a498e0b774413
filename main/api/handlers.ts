import type { OperationName } from '../../shared/contract/names';
import type { OpOutput, OpParsed } from '../../shared/contract/operations';
import { sqliteVersion } from '../db/info';
import type { ServiceContext } from '../core/context';
import { AppError, type Failure } from '../core/errors';
import * as auth from '../domains/auth/auth';
import * as users from '../domains/users/users';
import * as departments from '../domains/departments/departments';
import { listAudit } from '../domains/audit/audit';
import { diffSettings, getSettings, putSettings } from '../domains/settings/settings';
import { listNotifications, markRead } from '../domains/notifications/notifications';
import { touchSession } from '../domains/auth/sessions';
import * as approvals from '../domains/approvals/approvals';
import * as delegations from '../domains/delegations/delegations';
import { getPolicy, updatePolicy } from '../domains/policy/policy';
import * as requests from '../domains/requests/requests';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { schemaVersion } from '../db/migrate';

export interface HandlerEnv {
  sqlite: SqliteDatabase;
}

type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: OpParsed<N>,
  env: HandlerEnv,
) => Promise<OpOutput<N> | Failure>;

const me = (ctx: ServiceContext) => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
  return ctx.actor;
};

/** One handler per operation: the compiler fails if the contract gains one without a handler. */
export const HANDLERS: { [N in OperationName]: Handler<N> } = {
  'system.health': async (_ctx, _input, env) => ({
    schemaVersion: schemaVersion(env.sqlite),
    sqlite: sqliteVersion(env.sqlite),
  }),
  'setup.status': async (ctx) => ({ needsSetup: await auth.needsSetup(ctx.db) }),
  'setup.createAdmin': (ctx, input) => auth.createFirstAdmin(ctx, input),
  'auth.login': (ctx, input) => auth.login(ctx, input),
  'auth.logout': (ctx) => auth.logout(ctx),
  'auth.session': async (ctx) => {
    if (!ctx.actor) return null;
    return auth.sessionInfo(ctx.db, ctx.actor.userId, ctx.nowMs, ctx.sessionLocked);
  },
  'auth.lock': (ctx) => auth.lock(ctx),
  'auth.unlock': (ctx, input) => auth.unlock(ctx, input),
  'auth.touch': async (ctx) => {
    await touchSession(ctx.db, me(ctx).tokenHash, ctx.nowMs);
    return null;
  },
  'auth.changePassword': (ctx, input) => auth.changePassword(ctx, input),
  'auth.setLanguage': (ctx, input) => auth.setLanguage(ctx, input),
  'users.list': (ctx) => users.listUsers(ctx.db, ctx.nowMs),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.update': (ctx, input) => users.updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input),
  'users.unlock': (ctx, input) => users.unlockUser(ctx, input),
  'departments.list': (ctx) => departments.listDepartments(ctx.db),
  'departments.create': (ctx, input) => departments.createDepartment(ctx, input),
  'departments.update': (ctx, input) => departments.updateDepartment(ctx, input),
  'departments.delete': (ctx, input) => departments.deleteDepartment(ctx, input),
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': async (ctx, input) => {
    const before = await getSettings(ctx.db);
    await putSettings(ctx.db, input);
    ctx.audit({ entityType: 'settings', summary: diffSettings(before, input) });
    return getSettings(ctx.db);
  },
  'notifications.list': (ctx) => listNotifications(ctx.db, me(ctx).userId),
  'notifications.markRead': (ctx, input) => markRead(ctx, me(ctx).userId, input.ids),
  'policy.get': (ctx, input) => getPolicy(ctx.db, input.version),
  'policy.update': (ctx, input) => updatePolicy(ctx, input),
  'requests.preview': (ctx, input) =>
    requests.previewRequest(ctx.db, ctx.nowMs, input.body, input.id, me(ctx).userId),
  'requests.saveDraft': (ctx, input) => requests.saveDraft(ctx, input),
  'requests.submit': (ctx, input) => requests.submitRequest(ctx, input),
  'requests.cancel': (ctx, input) => requests.cancelRequest(ctx, input),
  'requests.get': (ctx, input) => requests.getDossier(ctx.db, me(ctx), ctx.nowMs, input.id),
  'requests.list': (ctx, input) => requests.listRequests(ctx.db, me(ctx), input),
  'approvals.inbox': (ctx) => approvals.inbox(ctx.db, me(ctx), ctx.nowMs),
  'approvals.count': (ctx) => approvals.inboxCount(ctx.db, me(ctx), ctx.nowMs),
  'approvals.decide': (ctx, input) => approvals.decide(ctx, input),
  'approvals.transfer': (ctx, input) => approvals.transfer(ctx, input),
  'approvals.comment': (ctx, input) => approvals.comment(ctx, input),
  'approvals.candidates': (ctx, input) => approvals.transferCandidates(ctx.db, input.stepId),
  'delegations.list': (ctx) => delegations.listDelegations(ctx.db, me(ctx).userId),
  'delegations.create': (ctx, input) => delegations.createDelegation(ctx, input),
  'delegations.revoke': (ctx, input) => delegations.revokeDelegation(ctx, input),
};
