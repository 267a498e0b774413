import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AppEvent } from '../../api/events';
import type { ServiceContext } from '../../core/context';
import { writeTransaction } from '../../core/queries';
import { notify } from '../notifications';
import { primeSettings, getSettings } from '../settings';
import { activeHolders, activeUsers, taskRows } from './queries';

/** What the sweep needs of the running app: the database and the event bus. */
export interface SweepHost {
  db: Kysely<DB>;
  events: { publish: (event: AppEvent) => void };
}

/** Tasks reminded per sweep at most; the next sweep (30 s later) takes the rest. */
export const SWEEP_BATCH = 200;

/** Who hears of a task nobody can do: the admin office, or else the system administrators. */
const FALLBACK_ROLES = ['admin_office', 'sysadmin'] as const;

/**
 * Reminds the owners of every task that fell due by `nowMs` and was not yet reminded, done or
 * voided: a notification each (in the reader's language; it opens the visit), the task marked
 * reminded, and the task lists of those told refreshed. A task whose owner is disabled, or whose
 * role nobody active holds, goes to the admin office (or, without one, the system
 * administrators): nothing waits on nobody. One write transaction, so two processes on one
 * database remind each task once. Returns how many tasks were reminded.
 */
export async function sweepDueTasks(host: SweepHost, nowMs: number): Promise<number> {
  const events: AppEvent[] = [];
  const settings = await getSettings(host.db);
  const count = await writeTransaction(host.db, async (trx) => {
    const ctx: ServiceContext = {
      db: trx,
      nowMs,
      actor: null,
      sessionLocked: false,
      client: 'scheduler',
      audit: () => undefined,
      emit: (name, payload, userIds) => events.push({ name, payload, userIds } as AppEvent),
      setSessionToken: () => {
        throw new Error('the task sweep has no session');
      },
    };
    primeSettings(ctx, settings);
    const due = await taskRows(trx)
      .where('t.notifiedAtMs', 'is', null)
      .where('t.doneAtMs', 'is', null)
      .where('t.voidedAtMs', 'is', null)
      .where('t.dueAtMs', '<=', nowMs)
      .orderBy('t.dueAtMs')
      .limit(SWEEP_BATCH)
      .execute();
    if (due.length === 0) return 0;
    const roles = [
      ...new Set([...due.flatMap((t) => (t.ownerRole ? [t.ownerRole] : [])), ...FALLBACK_ROLES]),
    ];
    const holders = await activeHolders(trx, roles);
    const active = await activeUsers(
      trx,
      due.flatMap((t) => (t.ownerUserId === null ? [] : [t.ownerUserId])),
    );
    const fallback = () =>
      FALLBACK_ROLES.map((r) => holders.get(r) ?? []).find((ids) => ids.length > 0) ?? [];
    for (const task of due) {
      const owners =
        task.ownerUserId !== null
          ? active.has(task.ownerUserId)
            ? [task.ownerUserId]
            : []
          : (holders.get(task.ownerRole ?? '') ?? []);
      const told = owners.length > 0 ? owners : fallback();
      await notify(
        ctx,
        told,
        'task.due',
        `tasks.due.${task.kind}`,
        { code: task.requestCode, org: task.orgName },
        { type: 'request', id: task.requestId },
      );
      ctx.emit('tasks.changed', { requestId: task.requestId }, told);
    }
    await trx
      .updateTable('tasks')
      .set({ notifiedAtMs: nowMs })
      .where(
        'id',
        'in',
        due.map((t) => t.id),
      )
      .execute();
    return due.length;
  });
  for (const event of events) host.events.publish(event);
  return count;
}
