import type { RequestBody } from './schema';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dotted field path or list section (`visitors`, `needs.hotelNights`, `budget.meals`). */
  path: string;
  kind: ChangeKind;
  /** Short human-readable values (names, dates, amounts in fen). */
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

const SCALARS = [
  'orgName',
  'orgCategory',
  'tier',
  'tierOverrideReason',
  'purpose',
  'arrivalDate',
  'arrivalTime',
  'departureDate',
  'departureTime',
  'departmentId',
  'retroactive',
] as const;

const NEED_SCALARS = [
  'pickup',
  'pickupPlace',
  'arrivalTransportNo',
  'dropoff',
  'dropoffPlace',
  'departureTransportNo',
  'carTrips',
  'carJustification',
  'meetingRoom',
  'hotelNights',
  'hotelRooms',
  'companyPaysLodging',
  'mealPayer',
  'gifts',
  'giftCount',
  'banner',
  'welcomeSign',
  'tableCards',
  'photographer',
  'sightseeing',
  'returnTickets',
] as const;

function listDiff<T>(
  path: string,
  before: T[],
  after: T[],
  key: (t: T) => string,
  label: (t: T) => string,
): FieldChange[] {
  const out: FieldChange[] = [];
  const b = new Map(before.map((t) => [key(t), t]));
  const a = new Map(after.map((t) => [key(t), t]));
  for (const [k, t] of b) {
    if (!a.has(k)) out.push({ path, kind: 'removed', before: label(t), after: null });
  }
  for (const [k, t] of a) {
    const old = b.get(k);
    if (!old) out.push({ path, kind: 'added', before: null, after: label(t) });
    else if (JSON.stringify(old) !== JSON.stringify(t)) {
      out.push({ path, kind: 'changed', before: label(old), after: label(t) });
    }
  }
  return out;
}

/**
 * What changed between two versions of a request, field by field, for approvers re-reading a
 * resubmitted request. Budget lines compare the planned amounts passed in (fen by category).
 */
export function diffRequests(
  before: RequestBody,
  after: RequestBody,
  budgetBefore: Record<string, number> = {},
  budgetAfter: Record<string, number> = {},
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of SCALARS) {
    if (before[f] !== after[f])
      out.push({ path: f, kind: 'changed', before: before[f], after: after[f] });
  }
  out.push(
    ...listDiff(
      'visitors',
      before.visitors,
      after.visitors,
      (v) => v.name,
      (v) => [v.name, v.title].filter(Boolean).join(' · '),
    ),
    ...listDiff(
      'companions',
      before.companions,
      after.companions,
      (c) => (c.userId !== null ? `u${c.userId}` : c.name),
      (c) => c.name,
    ),
    ...listDiff(
      'itinerary',
      before.itinerary,
      after.itinerary,
      (i) => `${i.date} ${i.time} ${i.activity}`,
      (i) => `${i.date} ${i.time} ${i.activity}`,
    ),
    ...listDiff(
      'needs.meals',
      before.needs.meals,
      after.needs.meals,
      (m) => `${m.date} ${m.meal}`,
      (m) => `${m.date} ${m.meal}${m.perHeadFen !== null ? ` ${m.perHeadFen}` : ''}`,
    ),
  );
  for (const f of NEED_SCALARS) {
    if (before.needs[f] !== after.needs[f]) {
      out.push({
        path: `needs.${f}`,
        kind: 'changed',
        before: before.needs[f],
        after: after.needs[f],
      });
    }
  }
  if (before.needs.equipment.join(',') !== after.needs.equipment.join(',')) {
    out.push({
      path: 'needs.equipment',
      kind: 'changed',
      before: before.needs.equipment.join(', '),
      after: after.needs.equipment.join(', '),
    });
  }
  const categories = new Set([...Object.keys(budgetBefore), ...Object.keys(budgetAfter)]);
  for (const c of categories) {
    const b = budgetBefore[c] ?? 0;
    const a = budgetAfter[c] ?? 0;
    if (a !== b) out.push({ path: `budget.${c}`, kind: 'changed', before: b, after: a });
  }
  return out;
}
