import type { Kysely } from 'kysely';
import { estimateBudget, evaluateChecks, planChain } from '../../../shared/policy';
import type { RequestBody } from '../../../shared/requests/schema';
import type { RequestPreview } from '../../../shared/requests/views';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { callPolicy } from '../policy';
import { companyToday } from '../settings';
import { executiveUserIds, otherVisitDates } from './queries';

/** The head of the request's department (the host's own when the body names none): one statement. */
export async function departmentHead(
  db: Kysely<DB>,
  departmentId: number | null,
  hostUserId: number,
): Promise<number | null> {
  const row =
    departmentId !== null
      ? await db
          .selectFrom('departments')
          .select('headUserId')
          .where('id', '=', departmentId)
          .executeTakeFirst()
      : await db
          .selectFrom('users as u')
          .innerJoin('departments as d', 'd.id', 'u.departmentId')
          .select('d.headUserId')
          .where('u.id', '=', hostUserId)
          .executeTakeFirst();
  return row?.headUserId ?? null;
}

/**
 * Checks, budget and chain under the current policy (what the form shows while typing), and the
 * department head the chain's first step goes to.
 */
export async function previewWithHead(
  ctx: ServiceContext,
  body: RequestBody,
  excludeId: number | null,
  hostUserId: number,
): Promise<{ preview: RequestPreview; headUserId: number | null }> {
  const { version, policy } = await callPolicy(ctx);
  const today = await companyToday(ctx);
  const checks = evaluateChecks(body, policy, {
    today,
    otherVisitDates: await otherVisitDates(ctx.db, body.orgName, excludeId),
    // Asked only where the answer matters: a tier that wants a leader, companions who are users.
    executiveUserIds:
      policy.leaderCompanionTiers.includes(body.tier) &&
      body.companions.some((c) => c.userId !== null)
        ? await executiveUserIds(ctx.db)
        : new Set<number>(),
  });
  const headUserId = await departmentHead(ctx.db, body.departmentId, hostUserId);
  const preview: RequestPreview = {
    policyVersion: version,
    today,
    suggestedTier: policy.suggestedTier[body.orgCategory],
    checks,
    budget: estimateBudget(body, policy),
    chain: planChain(body, policy, checks, { hostIsHead: headUserId === hostUserId }),
  };
  return { preview, headUserId };
}

export async function previewRequest(
  ctx: ServiceContext,
  body: RequestBody,
  excludeId: number | null,
  hostUserId: number,
): Promise<RequestPreview> {
  return (await previewWithHead(ctx, body, excludeId, hostUserId)).preview;
}
