import { hasPermission } from '../../../shared/auth';
import type { OpParsed } from '../../../shared/contract/operations';
import type { Page } from '../../../shared/contract/types';
import type { RequestSummary } from '../../../shared/requests/views';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { searchCondition, summaryQuery, toSummary } from './queries';

const ORDER = {
  arrival_desc: ['r.arrivalDate', 'desc'],
  arrival_asc: ['r.arrivalDate', 'asc'],
  updated_desc: ['r.updatedAtMs', 'desc'],
  budget_desc: ['r.budgetTotalFen', 'desc'],
} as const;

/** The caller's requests ('mine'), or every submitted one ('all', for those who may read all). */
export async function listRequests(
  ctx: ServiceContext,
  f: OpParsed<'requests.list'>,
): Promise<Page<RequestSummary>> {
  const actor = requireActor(ctx);
  if (f.scope === 'all' && !hasPermission(actor.roles, 'requests.readAll')) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  let q = summaryQuery(ctx.db);
  if (f.scope === 'mine') q = q.where('r.hostUserId', '=', actor.userId);
  // A request its host never submitted is his alone (hostOnly in shared/requests/rights): a
  // draft has status 'draft' and revision 0, a cancelled draft revision 0.
  else q = q.where('r.status', '!=', 'draft').where('r.revision', '>', 0);
  if (f.statuses?.length) q = q.where('r.status', 'in', f.statuses);
  if (f.tiers?.length) q = q.where('r.tier', 'in', f.tiers);
  if (f.departmentId !== undefined) q = q.where('r.departmentId', '=', f.departmentId);
  if (f.fromDate) q = q.where('r.departureDate', '>=', f.fromDate);
  if (f.toDate) q = q.where('r.arrivalDate', '<=', f.toDate);
  if (f.search) q = q.where(searchCondition(f.search));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const [col, dir] = ORDER[f.sort];
  const rows = await q
    .orderBy(col, dir)
    .orderBy('r.id', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { total: Number(total.n), items: rows.map(toSummary) };
}
