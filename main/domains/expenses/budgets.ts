import { EXPENSE_CATEGORIES } from '../../../shared/policy';
import { requestBodySchema, type RequestBody } from '../../../shared/requests';
import type { ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { callPolicy } from '../policy';
import { loadRow } from '../requests';
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
