import type { Kysely } from 'kysely';
import type { CompanySettings } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import { parseJson, toJson } from '../../core/json';
import { DEFAULT_REIMBURSEMENT_DAYS } from '../../../shared/tasks';

export const DEFAULT_SETTINGS: CompanySettings = {
  companyName: '',
  timeZone: 'Asia/Shanghai',
  idleLockMinutes: 10,
  reimbursementDays: DEFAULT_REIMBURSEMENT_DAYS,
  demo: false,
};

type Key = keyof CompanySettings;

export async function getSettings(db: Kysely<DB>): Promise<CompanySettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const out: CompanySettings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) {
      const value = parseJson(row.value);
      if (typeof value === typeof DEFAULT_SETTINGS[row.key as Key]) {
        (out as unknown as Record<string, unknown>)[row.key] = value;
      }
    }
  }
  return out;
}

export async function putSettings(db: Kysely<DB>, values: Partial<CompanySettings>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: toJson<unknown>(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson<unknown>(value) }))
      .execute();
  }
}

/** Which keys an update changed, with before and after, for the audit entry. */
export function diffSettings(
  before: CompanySettings,
  after: Partial<CompanySettings>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key as Key];
    if (to !== undefined && to !== from) out[key] = { from, to };
  }
  return out;
}

/**
 * What the setup checklist remembers beside the settings (stored as keys of the same table, not
 * part of `CompanySettings`: nobody edits them, a step of setup sets each once).
 */
export const SETUP_MARKS = ['timeZoneConfirmedAtMs', 'policyReviewedAtMs'] as const;
export type SetupMark = (typeof SETUP_MARKS)[number];

const markKey = (mark: SetupMark) => `setup.${mark}`;

/** When each mark was set; null: not yet. */
export async function getSetupMarks(db: Kysely<DB>): Promise<Record<SetupMark, number | null>> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', SETUP_MARKS.map(markKey))
    .execute();
  const at = (mark: SetupMark) => {
    const row = rows.find((r) => r.key === markKey(mark));
    const value = row ? parseJson(row.value) : null;
    return typeof value === 'number' ? value : null;
  };
  return {
    timeZoneConfirmedAtMs: at('timeZoneConfirmedAtMs'),
    policyReviewedAtMs: at('policyReviewedAtMs'),
  };
}

/** Sets a mark, keeping the first time it was set. */
export async function putSetupMark(db: Kysely<DB>, mark: SetupMark, atMs: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: markKey(mark), value: toJson<unknown>(atMs) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
