import { addDays } from '../dates';
import type { RequestStatus } from '../requests';
import type { GuestState } from './views';

/** Days after a visit ends before its visitors' personal data is anonymised (a setting). */
export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

/**
 * Statuses whose visitors the desk lets in without a word: approved (the filing may still be
 * pending), filed, and visits already under way or finished for the day. Anyone else — a request
 * still in approval, returned, rejected or cancelled — comes in only with an override and reason.
 */
export const CLEARED_STATUSES: readonly RequestStatus[] = [
  'approved',
  'filed',
  'in_progress',
  'completed',
];

export function isCleared(status: RequestStatus): boolean {
  return CLEARED_STATUSES.includes(status);
}

/**
 * A phone as lists, prints and exports show it: the first three and last four digits
 * (138****5678). Short numbers keep only their last two; '' stays ''.
 */
export function maskPhone(phone: string): string {
  if (phone === '') return '';
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = phone.replace(/^\+/, '');
  if (digits.length >= 8) return `${plus}${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${plus}${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

/** An ID number as prints show it: the first three and last four characters (110***********1234). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber === '') return '';
  if (idNumber.length <= 4) return '*'.repeat(idNumber.length);
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length - 4) + idNumber.slice(-4);
  return idNumber.slice(0, 3) + '*'.repeat(idNumber.length - 7) + idNumber.slice(-4);
}

/** The last four digits of a phone, what the board's search finds a visitor by. */
export function phoneTail(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/**
 * A visitor's state on `day`: what the desk recorded, else expected — or no-show once the day is
 * over (a day before today) and he never came.
 */
export function guestState(
  record: { leftAtMs: number | null } | null,
  day: string,
  today: string,
): GuestState {
  if (record) return record.leftAtMs === null ? 'arrived' : 'left';
  return day < today ? 'no_show' : 'expected';
}

/**
 * The badge numbers to suggest for `count` visitors: the smallest numbers not worn by anyone
 * inside today, as plain digits ("1", "2", …). The clerk may type others.
 */
export function freeBadges(inUse: Iterable<string>, count: number): string[] {
  const taken = new Set(inUse);
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) {
    const s = String(n);
    if (!taken.has(s)) out.push(s);
  }
  return out;
}

/** A visit is over for now when someone came and everyone who came has left. */
export function allLeft(records: readonly { leftAtMs: number | null }[]): boolean {
  return records.length > 0 && records.every((r) => r.leftAtMs !== null);
}

/**
 * The last day whose visits are kept in full: visits that ended before `today − retentionDays`
 * are anonymised. Pure: calendar dates as `YYYY-MM-DD` strings in the company's zone.
 */
export function retentionCutoff(today: string, retentionDays: number): string {
  return addDays(today, -retentionDays);
}
