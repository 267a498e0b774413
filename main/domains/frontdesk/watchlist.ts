import type { Kysely, Selectable } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import { maskPhone } from '../../../shared/frontdesk/rules';
import type { WatchView } from '../../../shared/frontdesk/views';
import { watchNameKey } from '../../../shared/frontdesk/watch';
import { orgKey } from '../../../shared/requests';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { AppError, fieldError } from '../../core/errors';
import { idHash } from './watch-load';

type Row = Selectable<DB['frontdeskWatchlist']>;

/** What the admin office sees of an entry: the phone masked, the ID hash only as "one is kept". */
function toView(r: Row): WatchView {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    name: r.name,
    orgName: r.orgName,
    phoneMasked: maskPhone(r.phone),
    hasId: r.idHash !== '',
    reason: r.reason,
    active: r.active === 1,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

async function loadRow(db: Kysely<DB>, id: number): Promise<Row> {
  const row = await db
    .selectFrom('frontdeskWatchlist')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'frontdesk.errors.watchNotFound');
  return row;
}

/** The watchlist, newest first; the inactive entries too when asked. */
export async function listWatch(ctx: ServiceContext, includeInactive: boolean) {
  let q = ctx.db.selectFrom('frontdeskWatchlist').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('createdAtMs', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toView);
}

/**
 * Adds or edits an entry, normalised as matching compares it. The ID number is hashed with the
 * installation's secret and never stored nor audited; an edit with no number keeps the hash, and
 * one with no phone keeps the phone (the screens only ever see it masked).
 * The audit names what kind of entry changed, never who (phone, ID or name).
 */
export async function saveWatch(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.saveWatch'>,
): Promise<WatchView> {
  const actor = requireActor(ctx);
  const e = input.entry;
  const person = e.kind === 'person';
  const values = {
    kind: e.kind,
    // An organisation entry is matched on the organisation alone: no person's fields are kept.
    name: person ? e.name : '',
    nameKey: person ? watchNameKey(e.name) : '',
    orgName: e.orgName,
    orgKey: orgKey(e.orgName),
    phone: person ? e.phone : '',
    reason: e.reason,
    updatedAtMs: ctx.nowMs,
  };
  const hash = person ? await idHash(ctx, e.idNumber, true) : '';
  let id: number;
  if (input.id === null) {
    const row = await ctx.db
      .insertInto('frontdeskWatchlist')
      .values({ ...values, idHash: hash, createdBy: actor.userId, createdAtMs: ctx.nowMs })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    const before = await loadRow(ctx.db, input.id);
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', 'frontdesk.errors.staleWatch');
    }
    id = input.id;
    // What is on file and not shown in full stays unless replaced: the phone and the ID's hash.
    const kept = {
      phone: person ? values.phone || before.phone : '',
      idHash: person ? hash || before.idHash : '',
    };
    if (person && values.name === '' && kept.phone === '' && kept.idHash === '') {
      throw fieldError('entry.name', 'frontdesk.errors.watchPersonEmpty');
    }
    const done = await ctx.db
      .updateTable('frontdeskWatchlist')
      .set((eb) => ({ ...values, ...kept, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      throw new AppError('CONFLICT', 'frontdesk.errors.staleWatch');
    }
  }
  const saved = await loadRow(ctx.db, id);
  ctx.audit({
    entityType: 'frontdesk_watch',
    entityId: id,
    summary: {
      kind: saved.kind,
      ...(saved.orgName !== '' ? { orgName: saved.orgName } : {}),
      reason: saved.reason,
    },
  });
  return toView(saved);
}

/** Lifts or restores an entry (never deleted: the check-ins it stopped name it in the audit). */
export async function setWatchActive(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.setWatchActive'>,
): Promise<WatchView> {
  const before = await loadRow(ctx.db, input.id);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'frontdesk.errors.staleWatch');
  }
  const done = await ctx.db
    .updateTable('frontdeskWatchlist')
    .set((eb) => ({
      active: input.active ? 1 : 0,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'frontdesk.errors.staleWatch');
  }
  ctx.audit({
    entityType: 'frontdesk_watch',
    entityId: input.id,
    summary: { kind: before.kind, active: input.active },
  });
  return toView(await loadRow(ctx.db, input.id));
}

export const watchHandlers: DomainHandlers<
  'frontdesk.watchlist' | 'frontdesk.saveWatch' | 'frontdesk.setWatchActive'
> = {
  'frontdesk.watchlist': (ctx, input) => listWatch(ctx, input.includeInactive),
  'frontdesk.saveWatch': (ctx, input) => saveWatch(ctx, input),
  'frontdesk.setWatchActive': (ctx, input) => setWatchActive(ctx, input),
};
