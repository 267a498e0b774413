import { hasPermission } from '../../../../shared/auth';
import type { Kysely } from 'kysely';
import {
  BOOKING_KINDS,
  MAX_SLOT_MS,
  wallInstant,
  type BookingKind,
} from '../../../../shared/bookings';
import { addDays, wallClock } from '../../../../shared/dates';
import { periodLabel } from '../../../../shared/exports/cells';
import type { DB } from '../../../db/schema';
import { requireActor, type ServiceContext } from '../../../core/context';
import { AppError } from '../../../core/errors';
import { bookingRows, bookingViews } from '../../bookings';
import { callSettings } from '../../settings';
import { col, PAGE_ROWS, type OpenedSource, type T } from './source';

export const BOOKING_COLUMNS = [
  col('requestCode', 'text', 18),
  col('orgName', 'text', 26),
  col('kind', 'text', 10),
  col('resources', 'text', 30),
  col('start', 'datetime', 17),
  col('end', 'datetime', 17),
  col('status', 'text', 10),
  col('amount', 'money', 14),
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` of an instant on the company's wall clock. */
export function wallText(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

type BookingsQuery = ReturnType<typeof bookingRows>;

function touching<Q extends BookingsQuery>(q: Q, kind: BookingKind, fromMs: number, toMs: number) {
  return q
    .where('b.kind', '=', kind)
    .where('b.status', '!=', 'cancelled')
    .where('b.startMs', '<', toMs)
    .where('b.startMs', '>', fromMs - longestMs(kind))
    .where((eb) => eb.or([eb('b.endMs', '>', fromMs), eb('b.startMs', '>=', fromMs)]));
}

interface Cursor {
  kind: number;
  startMs: number;
  id: number;
}

/** How far back a booking of a kind may start and still reach into a day (a hotel: 60 nights). */
function longestMs(kind: BookingKind): number {
  return kind === 'hotel' ? 61 * 86_400_000 : MAX_SLOT_MS;
}

/**
 * One kind's live bookings that touch [fromMs, toMs) — as the day sheets read them: begun before
 * and still running, or starting inside — after the cursor, on the kind's day index (a range of
 * start times bounded by the kind's longest booking).
 */
export function bookingPageQuery(
  db: Kysely<DB>,
  kind: BookingKind,
  fromMs: number,
  toMs: number,
  at: { startMs: number; id: number },
) {
  return touching(bookingRows(db), kind, fromMs, toMs)
    .where((eb) => eb(eb.refTuple('b.startMs', 'b.id'), '>', eb.tuple(at.startMs, at.id)))
    .orderBy('b.startMs')
    .orderBy('b.id')
    .limit(PAGE_ROWS + 1);
}

/**
 * The live bookings (not cancelled) that touch a range of company days, as the office's day
 * sheet shows them (bookings.read): kind by kind (cars, rooms, hotels, restaurants, tickets,
 * supplies), each by start time, on the day index of its kind.
 */
export async function openBookings(
  ctx: ServiceContext,
  range: { from: string; to: string },
  t: T,
): Promise<OpenedSource> {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.roles, 'bookings.read')) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  const { timeZone } = await callSettings(ctx);
  const fromMs = wallInstant(range.from, '00:00', timeZone);
  const toMs = wallInstant(addDays(range.to, 1), '00:00', timeZone);
  let total = 0;
  for (const kind of BOOKING_KINDS) {
    const c = await touching(bookingRows(ctx.db), kind, fromMs, toMs)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    total += Number(c?.n ?? 0);
  }
  return {
    total,
    fileBase: t('exports.file.bookings', { period: periodLabel(range.from, range.to) }),
    sheetName: t('exports.sheet.bookings'),
    columns: BOOKING_COLUMNS,
    async read(readCtx, after) {
      const first = (kind: number) => ({
        kind,
        startMs: fromMs - longestMs(BOOKING_KINDS[kind] ?? 'car'),
        id: 0,
      });
      const at = (after as Cursor | null) ?? first(0);
      const kind = BOOKING_KINDS[at.kind];
      if (!kind) return { rows: [], next: null };
      const rows = await bookingPageQuery(readCtx.db, kind, fromMs, toMs, at).execute();
      const more = rows.length > PAGE_ROWS;
      const page = more ? rows.slice(0, PAGE_ROWS) : rows;
      const views = await bookingViews(readCtx, page, { clashes: false });
      const last = page[page.length - 1];
      const next: Cursor | null =
        more && last
          ? { kind: at.kind, startMs: last.startMs, id: last.id }
          : at.kind + 1 < BOOKING_KINDS.length
            ? first(at.kind + 1)
            : null;
      return {
        rows: views.map((b) => ({
          requestCode: b.requestCode,
          orgName: b.orgName,
          kind: t(`bookings.kind.${b.kind}`),
          resources: Object.values(b.names).join(t('audit.listSeparator')),
          start: wallText(b.startMs, timeZone),
          end: wallText(b.endMs, timeZone),
          status: t(`bookings.status.${b.status}`),
          amount: b.amountFen,
        })),
        next,
      };
    },
  };
}
