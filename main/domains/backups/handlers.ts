import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { backupsNames } from '../../../shared/backups/names';
import type { BackupView, RestoreOutcome } from '../../../shared/backups/contract';
import type { DomainHandlers, HandlerEnv } from '../../core/handler';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { writeTransaction } from '../../core/queries';
import { backupsDirFor, pruneBackups } from '../../db/backup-folder';
import { appendAudit } from '../audit';
import {
  auditRestore,
  endRestoredSessions,
  fileHost,
  getKeep,
  listBackupsView,
  makeBackup,
  missingFiles,
  putKeep,
  recoveryOffer,
  recoveryStatus,
  replaceWithBackup,
  toView,
  verifiedBackup,
} from './backups';

/**
 * Restores run after the call's transaction (env.afterCommit): the live database cannot be closed
 * under its own open transaction. The backup is verified there too, before anything is replaced:
 * the check reads the whole file (minutes at ten years, in a worker), and inside the transaction
 * every other write would wait for it. A refused backup answers with its reason and changes
 * nothing. The call's answer is filled in once the swap is done, and the entry in the audit log
 * is written into the restored database (ctx.auditAggregated: the call's own entry would go aside
 * with the replaced file).
 */
function restoreAfterCommit(
  ctx: ServiceContext,
  env: HandlerEnv,
  id: string,
  operation: 'backups.restore' | 'backups.recover',
): RestoreOutcome {
  sqliteOnly(env);
  const host = fileHost(env.host);
  ctx.auditAggregated?.();
  const out = {} as RestoreOutcome;
  const asideKind = operation === 'backups.recover' ? 'damaged' : 'replaced';
  env.afterCommit(async () => {
    const entry = await verifiedBackup(host, id);
    const { asideId, db } = await replaceWithBackup(host, entry, asideKind, ctx.nowMs).catch(
      (e: unknown) => {
        // The swap put the database back as it was (main/app.ts): a message, not a crash.
        console.error('restore failed', e);
        throw new AppError('CONFLICT', 'backups.errors.restoreFailed');
      },
    );
    const ended = await endRestoredSessions(db, ctx.actor?.tokenHash ?? null, ctx.nowMs);
    const missing = await missingFiles(db, env.files);
    Object.assign(out, { restored: toView(entry), setAsideId: asideId, missingFiles: missing });
    await auditRestore(db, operation, ctx.actor, ctx.nowMs, ctx.client ?? null, {
      backup: entry.id,
      setAside: asideId,
      missingFiles: missing,
      sessionsEnded: ended,
    });
  });
  return out;
}

/**
 * The office server on PostgreSQL has no database file: its backups are PostgreSQL's own
 * (pg_dump, README "Office server"), and these screens say so instead of failing later.
 */
function sqliteOnly(env: HandlerEnv): SqliteDatabase {
  if (env.sqlite === null) throw new AppError('CONFLICT', 'backups.errors.postgres');
  return env.sqlite;
}

export const backupsHandlers: DomainHandlers<(typeof backupsNames.operations)[number]> = {
  'backups.list': async (ctx, _input, env) => {
    sqliteOnly(env);
    return listBackupsView(ctx.db, env.host);
  },
  'backups.create': (ctx, _input, env) => {
    const sqlite = sqliteOnly(env);
    fileHost(env.host);
    // The copy runs after the call's transaction: a backup step fails while its own connection
    // is inside a write transaction. Audited once the backup exists, naming it.
    ctx.auditAggregated?.();
    const out = {} as BackupView;
    env.afterCommit(async () => {
      Object.assign(
        out,
        await makeBackup({ sqlite, db: env.db, host: env.host }, 'manual', ctx.nowMs),
      );
      await writeTransaction(env.db, (trx) =>
        appendAudit(trx, {
          atMs: ctx.nowMs,
          actorUserId: ctx.actor?.userId ?? null,
          actorName: ctx.actor?.displayName ?? null,
          operation: 'backups.create',
          entityType: 'backup',
          entityId: null,
          summary: { backup: out.id },
          client: ctx.client ?? null,
        }),
      );
    });
    return Promise.resolve(out);
  },
  'backups.setKeep': async (ctx, input, env) => {
    sqliteOnly(env);
    const host = fileHost(env.host);
    const before = await getKeep(ctx.db);
    await putKeep(ctx.db, input.keep);
    ctx.audit({
      entityType: 'backup',
      summary: { changes: { keep: { from: before, to: input.keep } } },
    });
    const out = { keep: input.keep, pruned: 0 };
    env.afterCommit(() => {
      out.pruned = pruneBackups(backupsDirFor(host.file), input.keep).length;
    });
    return out;
  },
  'backups.restore': (ctx, input, env) =>
    Promise.resolve(restoreAfterCommit(ctx, env, input.id, 'backups.restore')),
  'backups.recoveryStatus': (_ctx, _input, env) => recoveryStatus(env.host),
  'backups.recover': async (ctx, input, env) => {
    if (!env.host?.damaged) throw new AppError('CONFLICT', 'backups.errors.notDamaged');
    const host = fileHost(env.host);
    // Only the backup the recovery screen offers: without a sign-in, no other choice is given.
    // (Awaited inside the call: in recovery mode the database is an empty stand-in that no
    // other write is waiting on, and the screen's own question has already checked them.)
    if ((await recoveryOffer(host)).offer?.id !== input.id) {
      throw new AppError('CONFLICT', 'backups.errors.notOffered');
    }
    return restoreAfterCommit(ctx, env, input.id, 'backups.recover');
  },
};
