import { describe, expect, it } from 'vitest';
import {
  companyApp,
  decideAs,
  drafted,
  listOrders,
  MINUTE,
  newRequest,
  submitted,
  type Reception,
  type SortValues,
  type TestApp,
} from '../../test-support';
import { ngramTerms } from '../../core/ngrams';
import { requestSearchTexts } from '../../../shared/requests/search';
import type { RequestBody } from '../../../shared/requests/schema';
import { COUNT_CAP } from './list';

/** The counters next to what counting the requests gives, rows with n = 0 left out. */
function counters(t: TestApp) {
  const kept = t.rows(
    `SELECT listed, status, tier, department_id, n FROM request_counts WHERE n <> 0
     ORDER BY 1, 2, 3, 4`,
  );
  const counted = t.rows(
    `SELECT CASE WHEN status <> 'draft' AND revision > 0 THEN 1 ELSE 0 END AS listed, status, tier,
            coalesce(department_id, 0) AS department_id, count(*) AS n
     FROM requests GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );
  return { kept, counted };
}

/**
 * Search entries for the requests after `lastIndexed`, copied straight into the table: what
 * saving each would have indexed (as db/derived.ts rebuilds the index, through either store).
 */
function indexCopies(t: TestApp, lastIndexed: number) {
  for (let after = lastIndexed; ;) {
    const rows = t.rows<{ id: number; code: string; body: string }>(
      'SELECT id, code, body FROM requests WHERE id > ? ORDER BY id LIMIT 1000',
      after,
    );
    const last = rows[rows.length - 1];
    if (!last) return;
    const values = rows.map(() => '(?, ?)').join(', ');
    t.exec(
      `INSERT INTO request_search (rowid, terms) VALUES ${values}`,
      ...rows.flatMap((r) => [
        r.id,
        ngramTerms(requestSearchTexts(r.code, JSON.parse(r.body) as RequestBody)),
      ]),
    );
    after = last.id;
  }
}

async function total(t: TestApp, r: Reception, f: Record<string, unknown> = {}) {
  return (await t.ok('requests.list', { scope: 'all', ...f }, r.office.token)).total;
}

describe('list totals without scanning', () => {
  it('the counters stay exact through drafts, submissions, decisions, returns and cancels', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    const a = await submitted(t, r);
    const b = await submitted(t, r, { tier: 'B', orgCategory: 'key_client' });
    const c = await submitted(t, r);
    await decideAs(t, r.head.token, a.id, 'approve');
    await decideAs(t, r.head.token, b.id, 'return', '补充材料');
    const cancelled = await t.ok(
      'requests.cancel',
      { id: c.id, version: c.version, reason: '客户改期' },
      r.host.token,
    );
    expect(cancelled.status).toBe('cancelled');
    const draft = await t.ok('requests.get', { id: d.id }, r.host.token);
    await t.ok(
      'requests.cancel',
      { id: d.id, version: draft.version, reason: '不需要了' },
      r.host.token,
    );
    const { kept, counted } = counters(t);
    expect(kept).toEqual(counted);
    expect(kept.length).toBeGreaterThan(2);

    // The totals the list shows are the counters' sums, per filter.
    expect(await total(t, r)).toEqual({ count: 3, atLeast: false });
    expect(await total(t, r, { statuses: ['returned'] })).toEqual({ count: 1, atLeast: false });
    expect(await total(t, r, { tiers: ['B'] })).toEqual({ count: 1, atLeast: false });
    expect(await total(t, r, { departmentId: r.departmentId, statuses: ['cancelled'] })).toEqual({
      count: 1,
      atLeast: false,
    });
  });

  it('beyond COUNT_CAP matches a total says "at least", without counting further', async () => {
    const { t, r } = await companyApp();
    const one = await submitted(t, r, { orgName: '批量单位' });
    // Copies of one request, straight into the table (the triggers keep the counters).
    t.exec(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO requests (code, status, host_user_id, department_id, org_name, org_key,
         org_category, tier, arrival_date, departure_date, visitor_count, retroactive,
         policy_version, body, budget_total_fen, revision, version, created_at_ms, updated_at_ms)
       SELECT code || '-' || i, status, host_user_id, department_id, org_name, org_key,
         org_category, tier, arrival_date, departure_date, visitor_count, retroactive,
         policy_version, body, budget_total_fen, revision, version, created_at_ms, updated_at_ms
       FROM requests, n WHERE id = ?`,
      COUNT_CAP + 5,
      one.id,
    );
    // The counters are exact whatever the number …
    expect(await total(t, r)).toEqual({ count: COUNT_CAP + 6, atLeast: false });
    // … a count that has to look at the rows stops at the cap.
    const mine = await t.ok('requests.list', { scope: 'mine' }, r.host.token);
    expect(mine.total).toEqual({ count: COUNT_CAP, atLeast: true });
    expect(mine.items).toHaveLength(50);
    expect(mine.next).not.toBeNull();
  });
});

describe('search, few hits or many', () => {
  it('reads the same rows whether it sorts the hits or walks the index', async () => {
    const { t, r } = await companyApp();
    const one = await submitted(t, r, { orgName: '批量单位' });
    const rare = await submitted(t, r, { orgName: '稀有单位' });
    // 6,000 copies: more hits than the list reads and sorts (it walks the sort's index then).
    // Their arrivals spread over 97 days from the first's (dates written out: date arithmetic
    // is spelled differently on each store).
    const arrival = Date.parse(
      `${t.rows<{ a: string }>('SELECT arrival_date AS a FROM requests WHERE id = ?', one.id)[0]!.a}T00:00:00Z`,
    );
    const days = Array.from(
      { length: 97 },
      (_, k) => `(${k}, '${new Date(arrival + k * 86_400_000).toISOString().slice(0, 10)}')`,
    );
    t.exec(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000),
         d(k, day) AS (VALUES ${days.join(', ')})
       INSERT INTO requests (code, status, host_user_id, department_id, org_name, org_key,
         org_category, tier, arrival_date, departure_date, visitor_count, retroactive,
         policy_version, body, budget_total_fen, revision, version, created_at_ms, updated_at_ms)
       SELECT code || '-' || i, status, host_user_id, department_id, org_name, org_key,
         org_category, tier, d.day, departure_date,
         visitor_count, retroactive, policy_version, body, budget_total_fen + i % 13, revision,
         version, created_at_ms, updated_at_ms + i % 101
       FROM requests, n JOIN d ON d.k = i % 97 WHERE id = ?`,
      one.id,
    );
    indexCopies(t, rare.id);
    const rows = t.rows<SortValues>(
      `SELECT id, arrival_date AS a, updated_at_ms AS u, budget_total_fen AS b FROM requests
       WHERE org_name = '批量单位'`,
    );
    const orders = listOrders(rows);
    const list = (f: Record<string, unknown>) =>
      t.ok('requests.list', { scope: 'all', ...f }, r.office.token);
    for (const sort of ['updated_desc', 'arrival_desc', 'arrival_asc', 'budget_desc'] as const) {
      const expected = orders[sort].slice(0, 50);
      const many = await list({ search: '批量', sort });
      expect({ sort, ids: many.items.map((i) => i.id) }).toEqual({ sort, ids: expected });
      expect(many.total).toEqual({ count: COUNT_CAP, atLeast: true });
      const few = await list({ search: '稀有', sort });
      expect(few.items.map((i) => i.id)).toEqual([rare.id]);
    }
    // Narrowed by a filter, the total is counted (the hits alone do not tell).
    const narrowed = await list({ search: '批量', tiers: ['A'] });
    expect(narrowed.total).toEqual({ count: 0, atLeast: false });
    // 6,000 rows and eight lists: about 8 s alone, three times that with both cores busy.
  }, 60_000);
});

describe('date ranges', () => {
  it('a long stay is found by a range that starts after its arrival', async () => {
    const { t, r } = await companyApp();
    const long = await submitted(t, r, { arrivalDate: '2026-12-01', departureDate: '2026-12-20' });
    t.advance(MINUTE);
    await submitted(t, r, { arrivalDate: '2026-12-02', departureDate: '2026-12-03' });
    const ids = async (fromDate: string, toDate: string) =>
      (await t.ok('requests.list', { scope: 'all', fromDate, toDate }, r.office.token)).items.map(
        (i) => i.id,
      );
    expect(await ids('2026-12-15', '2026-12-16')).toEqual([long.id]);
    expect(await ids('2026-12-20', '2026-12-31')).toEqual([long.id]);
    expect(await ids('2026-12-21', '2026-12-31')).toEqual([]);
    const stay = t.rows<{ value: number }>(
      `SELECT value FROM request_stats WHERE key = 'max_stay_days'`,
    );
    expect(stay).toEqual([{ value: 19 }]);
  });
});

describe('search keeps up with edits', () => {
  it('finds a draft by its new text after a save, and no longer by the old', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r, { orgName: '旧名称公司' });
    const find = async (s: string) =>
      (await t.ok('requests.list', { scope: 'mine', search: s }, r.host.token)).items.map(
        (i) => i.id,
      );
    expect(await find('旧名称')).toEqual([d.id]);
    await t.ok(
      'requests.saveDraft',
      { ...newRequest({ orgName: '新名称公司' }), id: d.id, version: d.version },
      r.host.token,
    );
    expect(await find('旧名称')).toEqual([]);
    expect(await find('新名称')).toEqual([d.id]);
    expect(await find('   ')).toEqual([d.id]); // nothing to look for: no filter
  });
});
