import {
  estimateBudget,
  EXPENSE_CATEGORIES,
  mealPayer,
  type ExpenseCategory,
  type Policy,
} from '../../../shared/policy';
import { requestBodySchema, type RequestBody } from '../../../shared/requests';
import { readsAllMoney, type MoneySubject, type VisitFacts } from '../../../shared/expenses';
import { requireActor, type ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { getPolicy } from '../policy';
import { loadRow, readableRequest, type SummaryRow } from '../requests';

/** A visit as its money sees it: the request, its approved policy, the facts the rules need. */
export interface MoneyVisit {
  row: SummaryRow;
  body: RequestBody;
  policyVersion: number | null;
  policy: Policy;
  facts: VisitFacts;
  /** Its reconciliation row, if a line opened one. */
  reconciliation: {
    id: number;
    status: MoneySubject['reconciliationStatus'];
    revision: number;
    version: number;
  } | null;
  /** For the rights functions. */
  subject: MoneySubject;
}

/** A stored body as the current schema reads it (older bodies get the defaults of newer fields). */
function bodyOf(text: SummaryRow['body']): RequestBody {
  const raw = parseJson(text);
  const parsed = requestBodySchema.safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/** The facts of the rules, from the request as approved and the policy version it was approved under. */
export function visitFacts(row: SummaryRow, body: RequestBody, policy: Policy): VisitFacts {
  const tier = policy.tiers[row.tier];
  const budget = estimateBudget(body, policy);
  const byCategory = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])) as Record<
    ExpenseCategory,
    number
  >;
  for (const l of budget.lines) byCategory[l.category] = l.amountFen;
  return {
    tier: row.tier,
    mealCapFen: tier.mealCapFen,
    canteenMealFen: tier.canteenMealFen,
    mealPayer: mealPayer(policy, body),
    arrivalDate: row.arrivalDate,
    departureDate: row.departureDate,
    companyPaysLodging: body.needs.companyPaysLodging,
    budget: byCategory,
  };
}

/**
 * The request, if the caller may read it; the sysadmin, who alone reopens a settled or archived
 * visit, reads those too (only those: he sees no visit in progress).
 */
async function readableOrClosed(ctx: ServiceContext, requestId: number): Promise<SummaryRow> {
  const actor = requireActor(ctx);
  if (actor.roles.includes('sysadmin')) {
    const row = await loadRow(ctx.db, requestId).catch(() => null);
    if (row && (row.status === 'settled' || row.status === 'archived')) return row;
  }
  return (await readableRequest(ctx, requestId)).row;
}

/**
 * The visit of `requestId` for its money pages: "not found" to whoever may not read the request,
 * except finance, who sees every visit's money. Reads the request, its policy version and its
 * reconciliation: three statements.
 */
export async function moneyVisit(ctx: ServiceContext, requestId: number): Promise<MoneyVisit> {
  const actor = requireActor(ctx);
  const row = readsAllMoney(actor)
    ? await loadRow(ctx.db, requestId)
    : await readableOrClosed(ctx, requestId);
  const body = bodyOf(row.body);
  const { version, policy } = await getPolicy(ctx.db, row.policyVersion ?? undefined);
  const rec = await ctx.db
    .selectFrom('expenseReconciliations')
    .select(['id', 'status', 'revision', 'version'])
    .where('requestId', '=', requestId)
    .executeTakeFirst();
  return {
    row,
    body,
    policyVersion: row.policyVersion ?? version,
    policy,
    facts: visitFacts(row, body, policy),
    reconciliation: rec ?? null,
    subject: {
      hostUserId: row.hostUserId,
      requestStatus: row.status,
      reconciliationStatus: rec?.status ?? 'open',
    },
  };
}
