import type { Kysely, Selectable } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ResourceInput, ResourceKind } from '../../../shared/bookings/schema';
import type { ResourceView } from '../../../shared/bookings/views';
import type { DB } from '../../db/schema';
import { type ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { parseJson, toJson } from '../../core/json';

/** The name a resource is listed under: the plate for a vehicle. */
export function resourceName(r: ResourceInput): string {
  return r.kind === 'vehicle' ? r.plate : r.name;
}

/** What the unique index compares: case, width and spaces do not make a second 京A12345. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Seats, capacity, or the restaurant's largest private room. */
function capacityOf(r: ResourceInput): number {
  switch (r.kind) {
    case 'vehicle':
      return r.seats;
    case 'room':
      return r.capacity;
    case 'restaurant':
      return Math.max(0, ...r.privateRooms.map((p) => p.capacity));
    default:
      return 0;
  }
}

type Row = Selectable<DB['bookingResources']>;

function toView(row: Omit<Row, 'lockVersion'>): ResourceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    capacity: row.capacity,
    stock: row.stock,
    active: row.active === 1,
    version: row.version,
    details: parseJson(row.details),
  };
}

const COLUMNS = [
  'id',
  'kind',
  'name',
  'nameKey',
  'capacity',
  'stock',
  'details',
  'active',
  'version',
  'createdAtMs',
  'updatedAtMs',
] as const;

export async function listResources(
  db: Kysely<DB>,
  input: OpParsed<'bookings.resources'>,
): Promise<ResourceView[]> {
  let q = db.selectFrom('bookingResources').select(COLUMNS);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (!input.includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('kind').orderBy('active', 'desc').orderBy('nameKey').execute();
  return rows.map(toView);
}

/** Resources by id (any kind, active or not): what bookings refer to. */
export async function resourcesById(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, ResourceView>> {
  const unique = [...new Set(ids)].filter((i) => i > 0);
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookingResources')
    .select(COLUMNS)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, toView(r)]));
}

export async function loadResource(db: Kysely<DB>, id: number): Promise<ResourceView> {
  const found = (await resourcesById(db, [id])).get(id);
  if (!found) throw new AppError('NOT_FOUND', 'errors.resourceNotFound');
  return found;
}

/**
 * Adds a catalogue entry unless one of that kind and name is there already (the demo company;
 * the office adds through `saveResource`). Returns its id, or null when it existed.
 */
export async function insertResource(
  db: Kysely<DB>,
  nowMs: number,
  r: ResourceInput,
): Promise<number | null> {
  const name = resourceName(r);
  const row = await db
    .insertInto('bookingResources')
    .values({
      kind: r.kind,
      name,
      nameKey: nameKey(name),
      capacity: capacityOf(r),
      stock: r.kind === 'supply' ? r.stock : 0,
      details: toJson<ResourceInput>(r),
      active: 1,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    })
    .onConflict((oc) => oc.columns(['kind', 'nameKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function saveResource(
  ctx: ServiceContext,
  input: OpParsed<'bookings.saveResource'>,
): Promise<ResourceView> {
  const r = input.resource;
  const name = resourceName(r);
  const key = nameKey(name);
  const clash = await ctx.db
    .selectFrom('bookingResources')
    .select('id')
    .where('kind', '=', r.kind)
    .where('nameKey', '=', key)
    .executeTakeFirst();
  if (clash && clash.id !== input.id) {
    throw fieldError(
      r.kind === 'vehicle' ? 'resource.plate' : 'resource.name',
      'errors.resourceNameTaken',
      { name },
    );
  }
  const values = {
    name,
    nameKey: key,
    capacity: capacityOf(r),
    stock: r.kind === 'supply' ? r.stock : 0,
    details: toJson<ResourceInput>(r),
    updatedAtMs: ctx.nowMs,
  };
  let id: number;
  let before: ResourceView | null = null;
  if (input.id === null) {
    const row = await ctx.db
      .insertInto('bookingResources')
      .values({ ...values, kind: r.kind, active: 1, createdAtMs: ctx.nowMs })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    before = await loadResource(ctx.db, input.id);
    if (before.kind !== r.kind) throw fieldError('resource.kind', 'errors.resourceKindFixed');
    if (before.version !== input.version) throw new AppError('CONFLICT', 'errors.staleResource');
    id = input.id;
    await ctx.db
      .updateTable('bookingResources')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
  ctx.audit({
    entityType: 'booking_resource',
    entityId: id,
    summary: { kind: r.kind, name, ...(before ? { from: before.name } : {}) },
  });
  return loadResource(ctx.db, id);
}

/** Deactivate, never delete: bookings made with it still name it. */
export async function setResourceActive(
  ctx: ServiceContext,
  input: OpParsed<'bookings.setResourceActive'>,
): Promise<ResourceView> {
  const before = await loadResource(ctx.db, input.id);
  if (before.version !== input.version) throw new AppError('CONFLICT', 'errors.staleResource');
  await ctx.db
    .updateTable('bookingResources')
    .set((eb) => ({
      active: input.active ? 1 : 0,
      version: eb('version', '+', 1),
      updatedAtMs: ctx.nowMs,
    }))
    .where('id', '=', input.id)
    .execute();
  ctx.audit({
    entityType: 'booking_resource',
    entityId: input.id,
    summary: { kind: before.kind, name: before.name, active: input.active },
  });
  return loadResource(ctx.db, input.id);
}

/** The active resources of some kinds, for the plan's and the free list's candidates. */
export async function activeResources(
  db: Kysely<DB>,
  kinds: readonly ResourceKind[],
): Promise<ResourceView[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('bookingResources')
    .select(COLUMNS)
    .where('kind', 'in', [...kinds])
    .where('active', '=', 1)
    .orderBy('capacity')
    .orderBy('nameKey')
    .execute();
  return rows.map(toView);
}
