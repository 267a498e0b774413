import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import { policySchema } from '../../../shared/policy/schema';
import type { PolicyView } from '../../../shared/policy/views';
import type { DB } from '../../db/schema';
import { once } from '../../core/context';
import { parseJson, toJson } from '../../core/json';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';

/** A policy version; the latest when `version` is omitted. Versions are never edited. */
export async function getPolicy(db: Kysely<DB>, version?: number): Promise<PolicyView> {
  let q = db.selectFrom('policyVersions').selectAll();
  q =
    version === undefined
      ? q.orderBy('version', 'desc').limit(1)
      : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.policyNotFound');
  return {
    version: row.version,
    // Through the schema: a version stored before a setting existed gets that setting's default.
    policy: policySchema.parse(parseJson(row.policy)),
    createdAtMs: row.createdAtMs,
    note: row.note,
  };
}

/**
 * The policy for this call, read once: the latest, or the version a request was submitted under.
 * (The latest is fixed for the call: writes hold the write lock, reads see one snapshot.)
 */
export function callPolicy(ctx: { db: Kysely<DB> }, version?: number): Promise<PolicyView> {
  return once(ctx, `policy:${version ?? 'latest'}`, () => getPolicy(ctx.db, version));
}

/** Saves the edited policy as the next version; requests keep the version they were submitted under. */
export async function updatePolicy(
  ctx: ServiceContext,
  input: OpParsed<'policy.update'>,
): Promise<PolicyView> {
  const current = await getPolicy(ctx.db);
  const version = current.version + 1;
  await ctx.db
    .insertInto('policyVersions')
    .values({
      version,
      policy: toJson(input.policy),
      createdAtMs: ctx.nowMs,
      createdBy: ctx.actor?.userId ?? null,
      note: input.note,
    })
    .execute();
  ctx.audit({
    entityType: 'policy',
    entityId: version,
    summary: { from: current.version, note: input.note },
  });
  return getPolicy(ctx.db, version);
}
