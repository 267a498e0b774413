import type { Kysely } from 'kysely';
import type { CompanySettings } from '../../../shared/contract/types';
import { companyDate } from '../../../shared/dates';
import type { DB } from '../../db/schema';
import { once, prime } from '../../core/context';
import { getSettings } from './settings';

/** Per-call context: the handle and the frozen time of the call. */
interface CallContext {
  db: Kysely<DB>;
  nowMs: number;
}

const KEY = 'settings';

/** The company settings, read once per call. */
export function callSettings(ctx: CallContext): Promise<CompanySettings> {
  return once(ctx, KEY, () => getSettings(ctx.db));
}

/** Hands a call the settings its dispatcher already read. */
export function primeSettings(ctx: CallContext, settings: CompanySettings): void {
  prime(ctx, KEY, settings);
}

/** Today's date in the company time zone (`YYYY-MM-DD`), for this call. */
export async function companyToday(ctx: CallContext): Promise<string> {
  return companyDate(ctx.nowMs, (await callSettings(ctx)).timeZone);
}
