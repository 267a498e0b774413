import QRCode from 'qrcode';
import { freeBadges } from '../../../../../shared/frontdesk/rules';
import { searchBoard, type BoardMatch } from '../../../../../shared/frontdesk/search';
import type { BoardGuest, BoardView, BoardVisit } from '../../../../../shared/frontdesk/views';

/** The badge numbers worn on the board's day: those of visitors inside now. */
export function badgesInUse(visits: readonly BoardVisit[]): string[] {
  return visits.flatMap((v) =>
    v.guests.filter((g) => g.state === 'arrived' && g.badgeNo !== '').map((g) => g.badgeNo),
  );
}

/** Counts of a day: expected (everyone on the board), arrived (came, in or out), inside, left. */
export function boardCounts(visits: readonly BoardVisit[]) {
  let expected = 0;
  let arrived = 0;
  let inside = 0;
  let left = 0;
  for (const v of visits) {
    for (const g of v.guests) {
      expected++;
      if (g.state === 'arrived') inside++;
      if (g.state === 'left') left++;
      if (g.state === 'arrived' || g.state === 'left') arrived++;
    }
  }
  return { expected, arrived, inside, left };
}

/** One row of the check-in dialog as it opens. */
export interface CheckInRow {
  seq: number;
  name: string;
  selected: boolean;
  badgeNo: string;
}

/**
 * The dialog's rows for a visit: its expected visitors, those the search found ticked (all of them
 * when nothing narrowed the visit), each with a free badge number, the ticked ones first in line
 * for the lowest numbers.
 */
export function checkInRows(
  visit: BoardVisit,
  matched: readonly BoardGuest[] | null,
  inUse: readonly string[],
): CheckInRow[] {
  const expected = visit.guests.filter((g) => g.state === 'expected');
  const chosen = new Set((matched ?? expected).map((g) => g.seq));
  const order = [
    ...expected.filter((g) => chosen.has(g.seq)),
    ...expected.filter((g) => !chosen.has(g.seq)),
  ];
  const badges = freeBadges(inUse, order.length);
  const badgeOf = new Map(order.map((g, i) => [g.seq, badges[i] ?? '']));
  return expected.map((g) => ({
    seq: g.seq,
    name: g.name,
    selected: chosen.has(g.seq),
    badgeNo: badgeOf.get(g.seq) ?? '',
  }));
}

/**
 * What Enter in the search box checks in: the first visit (by time) among the matches that still
 * has a matched visitor expected, with those visitors. Null when there is none.
 */
export function firstCheckIn(
  matches: readonly BoardMatch[],
): { visit: BoardVisit; guests: BoardGuest[] } | null {
  for (const m of matches) {
    const guests = m.guests.filter((g) => g.state === 'expected');
    if (guests.length > 0) return { visit: m.visit, guests };
  }
  return null;
}

/** The board's visits in time order (arrival time, then code), searched. */
export function boardMatches(board: BoardView | undefined, query: string): BoardMatch[] {
  if (!board) return [];
  const visits = [...board.visits].sort(
    (a, b) =>
      a.arrivalDate.localeCompare(b.arrivalDate) ||
      a.arrivalTime.localeCompare(b.arrivalTime) ||
      a.code.localeCompare(b.code),
  );
  return searchBoard(visits, query);
}

/** The watchlist reasons a visit and its chosen visitors carry, once each. */
export function watchReasons(visit: BoardVisit, seqs: readonly number[]): string[] {
  const hits = [
    ...visit.watch,
    ...visit.guests.filter((g) => seqs.includes(g.seq)).flatMap((g) => g.watch),
  ];
  return [...new Set(hits.map((h) => h.reason))];
}

/**
 * What a badge's QR code says: the visit's and the visitor's ids, never a name or a phone
 * ("RMV1:<requestId>:<seq>").
 */
export const badgeQrText = (requestId: number, seq: number) => `RMV1:${requestId}:${seq}`;

/** A badge's QR code as SVG (sharp on paper; the journey draws the same text to compare). */
export const badgeQrSvg = (requestId: number, seq: number): Promise<string> =>
  QRCode.toString(badgeQrText(requestId, seq), {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });

/** An SVG as an image's address. */
export const svgDataUrl = (svg: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
