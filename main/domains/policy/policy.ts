import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { Policy } from '../../../shared/policy/policy';
import type { PolicyView } from '../../../shared/policy/views';
import type { DB } from '../../db/schema';
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
    policy: JSON.parse(row.policy) as Policy,
    createdAtMs: row.createdAtMs,
    note: row.note,
  };
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
      policy: JSON.stringify(input.policy),
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
