import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import { DEFAULT_FRONTDESK_SETTINGS } from '../../../shared/frontdesk/notice';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../../shared/frontdesk/rules';
import type { FrontdeskSettings } from '../../../shared/frontdesk/views';
import type { DB } from '../../db/schema';
import { once, type ServiceContext } from '../../core/context';
import { parseJson, toJson, type Json } from '../../core/json';

/** Kept in the settings table under one key of this domain's own. */
const KEY = 'frontdesk.settings';

export async function getFrontdeskSettings(db: Kysely<DB>): Promise<FrontdeskSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  const d = DEFAULT_FRONTDESK_SETTINGS;
  if (!row) return { ...d };
  const s = parseJson(row.value as Json<Partial<FrontdeskSettings>>);
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const days = s.retentionDays;
  return {
    noticeEnabled: typeof s.noticeEnabled === 'boolean' ? s.noticeEnabled : d.noticeEnabled,
    noticeZh: str(s.noticeZh, d.noticeZh),
    noticeEn: str(s.noticeEn, d.noticeEn),
    noticeVersion:
      typeof s.noticeVersion === 'number' && Number.isInteger(s.noticeVersion)
        ? s.noticeVersion
        : d.noticeVersion,
    retentionDays:
      typeof days === 'number' &&
      Number.isInteger(days) &&
      days >= MIN_RETENTION_DAYS &&
      days <= MAX_RETENTION_DAYS
        ? days
        : d.retentionDays,
  };
}

/** The settings, read once per call. */
export function callFrontdeskSettings(ctx: { db: Kysely<DB> }): Promise<FrontdeskSettings> {
  return once(ctx, KEY, () => getFrontdeskSettings(ctx.db));
}

/** Saves the notice and the retention period; a changed text is a new notice version. */
export async function saveFrontdeskSettings(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.saveSettings'>,
): Promise<FrontdeskSettings> {
  const before = await getFrontdeskSettings(ctx.db);
  const textChanged = before.noticeZh !== input.noticeZh || before.noticeEn !== input.noticeEn;
  const next: FrontdeskSettings = {
    ...input,
    noticeVersion: before.noticeVersion + (textChanged ? 1 : 0),
  };
  const value = toJson<unknown>(next);
  await ctx.db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  ctx.audit({
    entityType: 'frontdesk_settings',
    summary: {
      noticeEnabled: next.noticeEnabled,
      noticeVersion: next.noticeVersion,
      retentionDays: next.retentionDays,
    },
  });
  return next;
}
