import { hasPermission } from '../../../../shared/auth';
import type { ExportRow } from '../../../../shared/exports/cells';
import { requireActor, type ServiceContext } from '../../../core/context';
import { AppError } from '../../../core/errors';
import { board } from '../../frontdesk';
import { callSettings } from '../../settings';
import { wallText } from './bookings';
import { col, PAGE_ROWS, type OpenedSource, type T } from './source';

export const VISITOR_COLUMNS = [
  col('requestCode', 'text', 18),
  col('orgName', 'text', 26),
  col('host', 'text', 12),
  col('name', 'text', 14),
  col('title', 'text', 14),
  col('phone', 'text', 14),
  col('guestState', 'text', 10),
  col('badgeNo', 'text', 8),
  col('arrivedAt', 'datetime', 17),
  col('leftAt', 'datetime', 17),
];

/**
 * The front desk's board of a day (frontdesk.desk), a row per expected visitor, as the desk sees
 * it: phones masked as the board shows them, ID numbers never (the board has none). A day's board
 * is a few hundred people: read once when the export starts, written a page at a time.
 */
export async function openVisitors(ctx: ServiceContext, day: string, t: T): Promise<OpenedSource> {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.roles, 'frontdesk.desk')) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  const { timeZone } = await callSettings(ctx);
  const view = await board(ctx, day);
  const all: ExportRow[] = view.visits.flatMap((v) =>
    v.guests.map((g) => ({
      requestCode: v.code,
      orgName: v.orgName,
      host: v.hostName,
      name: g.name,
      title: g.title,
      phone: g.phoneMasked,
      guestState: t(`frontdeskDesk.state.${g.state}`),
      badgeNo: g.badgeNo,
      arrivedAt: g.arrivedAtMs === null ? null : wallText(g.arrivedAtMs, timeZone),
      leftAt: g.leftAtMs === null ? null : wallText(g.leftAtMs, timeZone),
    })),
  );
  return {
    total: all.length,
    fileBase: t('exports.file.visitors', { day }),
    sheetName: t('exports.sheet.visitors'),
    columns: VISITOR_COLUMNS,
    async read(_readCtx, after) {
      const from = typeof after === 'number' ? after : 0;
      const to = from + PAGE_ROWS;
      return { rows: all.slice(from, to), next: to < all.length ? to : null };
    },
  };
}
