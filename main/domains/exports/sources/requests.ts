import type { ListCursor } from '../../../../shared/contract/types';
import type { ExportFilter } from '../../../../shared/exports';
import type { ServiceContext } from '../../../core/context';
import { listRequests } from '../../requests';
import { col, PAGE_ROWS, type OpenedSource, type T } from './source';

type RequestList = Extract<ExportFilter, { source: 'requests' }>['list'];

export const REQUEST_COLUMNS = [
  col('requestCode', 'text', 18),
  col('orgName', 'text', 26),
  col('tier', 'text', 8),
  col('status', 'text', 10),
  col('department', 'text', 14),
  col('host', 'text', 12),
  col('arrivalDate', 'date', 12),
  col('departureDate', 'date', 12),
  col('visitorCount', 'int', 8),
  col('budget', 'money', 14),
];

/**
 * A request list as its reader sees it: the requests domain's own list service, a page after the
 * other, so the file holds exactly the rows the list would (its scope's rights included: a host's
 * "mine" is his own requests; "all" is refused to whoever may not read all).
 */
export async function openRequests(
  ctx: ServiceContext,
  list: RequestList,
  today: string,
  t: T,
): Promise<OpenedSource> {
  // The list checks the rights and counts (up to its cap: beyond, the total is unknown).
  const first = await listRequests(ctx, { ...list, limit: 1 });
  const total = first.total && !first.total.atLeast ? first.total.count : null;
  const noDepartment = t('exports.noDepartment');
  return {
    total,
    fileBase: t('exports.file.requests', { day: today }),
    sheetName: t('exports.sheet.requests'),
    columns: REQUEST_COLUMNS,
    async read(readCtx, after) {
      const page = await listRequests(readCtx, {
        ...list,
        limit: PAGE_ROWS,
        ...(after ? { after: after as ListCursor } : {}),
      });
      return {
        rows: page.items.map((r) => ({
          requestCode: r.code,
          orgName: r.orgName,
          tier: t(`labels.tier.${r.tier}`),
          status: t(`labels.status.${r.status}`),
          department: r.departmentName ?? noDepartment,
          host: r.hostName,
          arrivalDate: r.arrivalDate,
          departureDate: r.departureDate,
          visitorCount: r.visitorCount,
          budget: r.budgetTotalFen,
        })),
        next: page.next,
      };
    },
  };
}
