import type { authNames } from '../../../shared/auth/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { sqliteVersion } from '../../db/info';
import { schemaVersion } from '../../db/migrate';
import { LATEST_VERSION } from '../../db/migrations';
import { listSessions, revokeSession, revokeUserSessions } from './admin-sessions';
import * as auth from './auth';
import { touchSession } from './sessions';

export const authHandlers: DomainHandlers<(typeof authNames.operations)[number]> = {
  'system.health': async (_ctx, _input, env) =>
    env.sqlite
      ? { schemaVersion: schemaVersion(env.sqlite), sqlite: sqliteVersion(env.sqlite) }
      : // PostgreSQL: the server migrated it to this version before it served any call.
        { schemaVersion: LATEST_VERSION, sqlite: 'PostgreSQL' },
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
    await touchSession(ctx.db, requireActor(ctx).tokenHash, ctx.nowMs);
    return null;
  },
  'auth.changePassword': (ctx, input) => auth.changePassword(ctx, input),
  'auth.setLanguage': (ctx, input) => auth.setLanguage(ctx, input),
  'sessions.list': (ctx, input) => listSessions(ctx, input),
  'sessions.revoke': (ctx, input) => revokeSession(ctx, input),
  'sessions.revokeUser': (ctx, input) => revokeUserSessions(ctx, input),
};
