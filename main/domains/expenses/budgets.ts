import { EXPENSE_CATEGORIES } from '../../../shared/policy';
import { requestBodySchema, type RequestBody } from '../../../shared/requests';
import type { ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { callPolicy } from '../policy';
import { loadRow } from '../requests';
import { HAPPENED_STATUSES } from './finance';
import { visitFacts } from './visit-facts';

/**
 * Keeps the request's approved budget by category in `expense_budgets` (the dashboard's budget
 * against spend): the budget the money rules see — estimateBudget of the request's body under the
 * policy version it was approved with, the host's own amounts where he typed them. One row per
 * category (0 where nothing was budgeted), replaced when a later round is approved.
 */
export async function recordApprovedBudget(ctx: ServiceContext, requestId: number): Promise<void> {
  const row = await loadRow(ctx.db, requestId);
  const raw = parseJson(row.body);
  const parsed = requestBodySchema.safeParse(raw);
  const body: RequestBody = parsed.success ? parsed.data : raw;
  const { policy } = await callPolicy(ctx, row.policyVersion ?? undefined);
  const { budget } = visitFacts(row, body, policy);
  await ctx.db
    .insertInto('expenseBudgets')
    .values(
      EXPENSE_CATEGORIES.map((category) => ({ requestId, category, amountFen: budget[category] })),
    )
    .onConflict((oc) =>
      oc.columns(['requestId', 'category']).doUpdateSet((eb) => ({
        amountFen: eb.ref('excluded.amountFen'),
      })),
    )
    .execute();
}

/**
 * Records the approved budget of a visit that has none: requests approved before the budgets
 * were kept (migration 0160) have no rows, and the dashboard's budget against spend would leave
 * them out. Called by every write on the visit's money (events.ts moneyChanged), so a visit gets
 * its rows on the first such write; one primary-key lookup when they are there already. A
 * request never approved (or cancelled) has no approved budget to record.
 */
export async function ensureApprovedBudget(ctx: ServiceContext, requestId: number): Promise<void> {
  const kept = await ctx.db
    .selectFrom('expenseBudgets')
    .select('requestId')
    .where('requestId', '=', requestId)
    .limit(1)
    .executeTakeFirst();
  if (kept) return;
  const request = await ctx.db
    .selectFrom('requests')
    .select('status')
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!request || !HAPPENED_STATUSES.includes(request.status)) return;
  await recordApprovedBudget(ctx, requestId);
}
