import type { Kysely } from 'kysely';
import { pinyinKeys } from '../../../shared/frontdesk/keys';
import type { VisitorSuggestion } from '../../../shared/frontdesk/views';
import { hasPermission } from '../../../shared/auth';
import { orgKey } from '../../../shared/requests';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';

/**
 * The visitor directory (issue 11, item 9): the people who came, remembered across visits, so the
 * request form and the walk-in suggest a returning visitor's organisation, title and phone as his
 * name is typed. A person is his name with his phone at his organisation (the table's UNIQUE
 * key); the retention job drops him by his last visit day.
 */

/** Someone to remember: a visitor of a submitted request, or one the desk checked in. */
export interface DirectoryPerson {
  name: string;
  phone: string;
  orgName: string;
  /** '' keeps the title remembered before (check-in does not know it). */
  title?: string;
}

/** How a name is keyed in the directory: trimmed, lower case. */
export function directoryNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Remembers people on `day` (YYYY-MM-DD): a new one is added; one already known gets one more
 * visit if the day is later than his last, his last day moves on, and his title and the
 * organisation's spelling are those given now (an empty title keeps the one known).
 */
export async function rememberVisitors(
  ctx: Pick<ServiceContext, 'db' | 'nowMs'>,
  people: readonly DirectoryPerson[],
  day: string,
): Promise<void> {
  const rows = people.flatMap((p) => {
    const nameKey = directoryNameKey(p.name);
    if (nameKey === '') return [];
    const { initials, full } = pinyinKeys(p.name);
    return [
      {
        name: p.name.trim(),
        nameKey,
        initials,
        pinyin: full,
        orgName: p.orgName.trim(),
        orgKey: orgKey(p.orgName),
        title: (p.title ?? '').trim(),
        phone: p.phone,
        lastDay: day,
        visits: 1,
        updatedAtMs: ctx.nowMs,
      },
    ];
  });
  // One row per person (listed twice, he is one; PostgreSQL refuses to update a row twice in one
  // statement), the last title given that is not empty.
  const byKey = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = [r.nameKey, r.phone, r.orgKey].join('\u0000');
    const before = byKey.get(key);
    byKey.set(key, before && r.title === '' ? { ...r, title: before.title } : r);
  }
  if (byKey.size === 0) return;
  // One statement for the whole group.
  await ctx.db
    .insertInto('frontdeskDirectory')
    .values([...byKey.values()])
    .onConflict((oc) =>
      oc.columns(['nameKey', 'phone', 'orgKey']).doUpdateSet((eb) => {
        const later = eb('excluded.lastDay', '>', eb.ref('frontdeskDirectory.lastDay'));
        return {
          visits: eb('frontdeskDirectory.visits', '+', eb.case().when(later).then(1).else(0).end()),
          lastDay: eb
            .case()
            .when(later)
            .then(eb.ref('excluded.lastDay'))
            .else(eb.ref('frontdeskDirectory.lastDay'))
            .end(),
          title: eb
            .case()
            .when('excluded.title', '=', '')
            .then(eb.ref('frontdeskDirectory.title'))
            .else(eb.ref('excluded.title'))
            .end(),
          name: eb.ref('excluded.name'),
          orgName: eb.ref('excluded.orgName'),
          updatedAtMs: eb.ref('excluded.updatedAtMs'),
        };
      }),
    )
    .execute();
}

/** The most suggestions shown under a name cell. */
export const MAX_SUGGESTIONS = 10;
/**
 * How many rows each prefix range reads at most, before the branches are merged and the most
 * recent kept. A one-letter query can match a hundred thousand people; the range stops here
 * instead of sorting them all, so among very many matches "most recent" is among the first rows
 * of the range. Each letter typed narrows the range, and with fewer matches the order is exact.
 */
export const BRANCH_ROWS = 100;

type Column = 'nameKey' | 'initials' | 'pinyin' | 'phone' | 'orgKey';

/**
 * What each index is searched for with a query: the name as typed (lower case), pinyin initials
 * and full pinyin without spaces, the phone's digits, the organisation's key. A branch with
 * nothing to look for is left out (letters give no phone prefix).
 */
export function directoryPrefixes(query: string): { column: Column; prefix: string }[] {
  const q = query.trim().toLowerCase();
  if (q.length < 1) return [];
  const letters = q.replace(/\s+/g, '');
  const digits = /^\+?[\d\s\-()]+$/.test(q) ? q.replace(/[^\d+]/g, '') : '';
  const out: { column: Column; prefix: string }[] = [
    { column: 'nameKey', prefix: q },
    { column: 'initials', prefix: letters },
    { column: 'pinyin', prefix: letters },
    { column: 'phone', prefix: digits },
    { column: 'orgKey', prefix: orgKey(q) },
  ];
  return out.filter((b) => b.prefix !== '');
}

/**
 * The directory rows whose `column` begins with `prefix`: a range of that column's own index
 * (col >= q AND col < q || U+FFFF), which a LIKE would not use. Exported for the query-plans test.
 */
export function prefixQuery(db: Kysely<DB>, column: Column, prefix: string) {
  return db
    .selectFrom('frontdeskDirectory')
    .select(['id', 'name', 'orgName', 'title', 'phone', 'lastDay', 'visits'])
    .where(column, '>=', prefix)
    .where(column, '<', `${prefix}\uffff`)
    .limit(BRANCH_ROWS);
}

/**
 * Up to ten known people whose name, pinyin initials, full pinyin, phone or organisation begins
 * with the query, the most recently seen first. Any signed-in user may ask (whoever fills a
 * request's visitors). PRIVACY: the phone is returned in full on purpose — picking a suggestion
 * fills the visitor's phone in the form, which the issue asks for; the directory holds nothing
 * more (no ID number), and the retention job drops a person after the period.
 */
export async function suggestVisitors(
  ctx: ServiceContext,
  query: string,
): Promise<VisitorSuggestion[]> {
  const actor = requireActor(ctx);
  // Only those who fill in visitors — hosts (the request form) and the desk (walk-ins) — may look
  // people up: a directory of names and phones is nobody else's business (drivers, finance).
  if (
    !hasPermission(actor.roles, 'requests.create') &&
    !hasPermission(actor.roles, 'frontdesk.desk')
  ) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  const seen = new Map<number, VisitorSuggestion>();
  for (const { column, prefix } of directoryPrefixes(query)) {
    for (const row of await prefixQuery(ctx.db, column, prefix).execute()) {
      seen.set(row.id, row);
    }
  }
  return [...seen.values()]
    .sort((a, b) => b.lastDay.localeCompare(a.lastDay) || b.visits - a.visits || b.id - a.id)
    .slice(0, MAX_SUGGESTIONS);
}

export const directoryHandlers: DomainHandlers<'frontdesk.suggestVisitors'> = {
  'frontdesk.suggestVisitors': (ctx, input) => suggestVisitors(ctx, input.query),
};
