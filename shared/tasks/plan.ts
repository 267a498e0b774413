import { addDays, instantOf } from '../dates';
import type { RequestBody } from '../requests';

/**
 * The procedure tasks of a filed visit (seed: 来访客户接待流程): who does what, and by when. Pure;
 * main stores them when the request is filed (one row per kind) and reminds when they fall due.
 */
export const TASK_KINDS = [
  'confirm_arrival',
  'driver_at_pickup',
  'signs_and_setup',
  'book_return_tickets',
  'return_supplies',
  'submit_reimbursement',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const isTaskKind = (k: unknown): k is TaskKind =>
  typeof k === 'string' && (TASK_KINDS as readonly string[]).includes(k);

/** Who a task is for: the visit's host himself, or anyone in the admin office. */
export type TaskOwner = 'host' | 'admin_office';

export interface PlannedTask {
  kind: TaskKind;
  owner: TaskOwner;
  dueAtMs: number;
}

/** Days after departure to submit the receipts for reimbursement, unless settings say otherwise. */
export const DEFAULT_REIMBURSEMENT_DAYS = 7;

/** What the plan needs beside the request's body. */
export interface PlanFacts {
  /** Company settings: days after the departure day to submit the reimbursement. */
  reimbursementDays: number;
  /** The company time zone: dates and times in a body are its wall clock. */
  timeZone: string;
  /** When the visit is filed. Tasks before the arrival are left out once the arrival is past (事后补办). */
  nowMs: number;
}

type Body = Pick<RequestBody, 'arrivalDate' | 'arrivalTime' | 'departureDate' | 'departureTime'> & {
  needs: Pick<
    RequestBody['needs'],
    'pickup' | 'returnTickets' | 'gifts' | 'banner' | 'welcomeSign' | 'tableCards' | 'meetingRoom'
  >;
};

const MINUTE = 60_000;
/** A visit without a time of arrival is taken to start at nine. */
const DEFAULT_ARRIVAL = '09:00';
/** Signs and the room are set up the afternoon before. */
const SETUP_TIME = '16:00';
/** "By the end of the day". */
const END_OF_DAY = '23:59';

/** The instant `date` `time` (`YYYY-MM-DD`, `HH:mm`) reads on the company's wall clock. */
export function wallInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return instantOf(
    { year: y ?? 1970, month: m ?? 1, day: d ?? 1, hour: h ?? 0, minute: min ?? 0, second: 0 },
    timeZone,
  );
}

/** The tasks a visit needs, in the order they fall due. None when it has no day of arrival. */
export function visitTasks(body: Body, facts: PlanFacts): PlannedTask[] {
  if (body.arrivalDate === '') return [];
  const tz = facts.timeZone;
  const arrival = wallInstant(body.arrivalDate, body.arrivalTime || DEFAULT_ARRIVAL, tz);
  const departureDate = body.departureDate || body.arrivalDate;
  const n = body.needs;
  const out: PlannedTask[] = [];
  // Before the visit: only while the visit is still to come (a retroactive filing has none).
  if (arrival > facts.nowMs) {
    out.push({ kind: 'confirm_arrival', owner: 'host', dueAtMs: arrival - 60 * MINUTE });
    if (n.pickup) {
      out.push({ kind: 'driver_at_pickup', owner: 'admin_office', dueAtMs: arrival - 15 * MINUTE });
    }
    if (n.banner || n.welcomeSign || n.tableCards || n.meetingRoom) {
      out.push({
        kind: 'signs_and_setup',
        owner: 'admin_office',
        dueAtMs: wallInstant(addDays(body.arrivalDate, -1), SETUP_TIME, tz),
      });
    }
    if (n.returnTickets) {
      out.push({ kind: 'book_return_tickets', owner: 'admin_office', dueAtMs: arrival });
    }
  }
  // After the visit.
  if (n.gifts) {
    out.push({
      kind: 'return_supplies',
      owner: 'host',
      dueAtMs: wallInstant(addDays(departureDate, 1), END_OF_DAY, tz),
    });
  }
  out.push({
    kind: 'submit_reimbursement',
    owner: 'host',
    dueAtMs: wallInstant(addDays(departureDate, facts.reimbursementDays), END_OF_DAY, tz),
  });
  return out.sort((a, b) => a.dueAtMs - b.dueAtMs);
}

/** The roles a task may be for (beside a named person). */
export const TASK_OWNER_ROLES = ['admin_office'] as const satisfies readonly TaskOwner[];
