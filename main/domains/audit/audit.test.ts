import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/types';
import { ADMIN, adminApp, createUser, MINUTE, signIn } from '../../test-support';

const DEPARTMENTS = ['市场部', '折扣100%', '折扣1000', 'a_b组', 'axb组'];

/** An audit trail with two actors at known times, five minutes apart (inside the idle lock). */
async function trail() {
  const { t, admin } = await adminApp();
  const times: Record<string, number> = {};
  const deptIds: Record<string, number> = {};
  for (const name of DEPARTMENTS) {
    t.advance(5 * MINUTE);
    times[name] = t.now();
    deptIds[name] = (await t.ok('departments.create', { name, headUserId: null }, admin.token)).id;
  }
  t.advance(5 * MINUTE);
  const secondId = await createUser(t, admin.token, {
    login: 'admin2',
    displayName: 'Second Admin',
    roles: ['sysadmin'],
  });
  t.advance(5 * MINUTE);
  const secondToken = await signIn(t, 'admin2');
  t.advance(MINUTE);
  times['财务部'] = t.now();
  await t.ok('departments.create', { name: '财务部', headUserId: null }, secondToken);
  const list = (filter: Record<string, unknown> = {}) => t.ok('audit.list', filter, admin.token);
  return { t, admin, secondId, secondToken, times, deptIds, list };
}

const names = (items: AuditEntry[]) =>
  items.map((i) => (i.summary as { name?: string }).name ?? null);

describe('audit.list', () => {
  it('filters by operation', async () => {
    const { list } = await trail();
    const page = await list({ operation: 'departments.create' });
    expect(page.total).toEqual({ count: DEPARTMENTS.length + 1, atLeast: false });
    expect(page.items.every((i) => i.operation === 'departments.create')).toBe(true);
    expect(new Set(names(page.items))).toEqual(new Set([...DEPARTMENTS, '财务部']));
  });

  it('filters by actor', async () => {
    const { list, secondId } = await trail();
    const page = await list({ actorUserId: secondId });
    expect(page.items.map((i) => i.operation).sort()).toEqual(['auth.login', 'departments.create']);
    expect(page.total).toEqual({ count: 2, atLeast: false });
    expect(
      page.items.every((i) => i.actorUserId === secondId && i.actorName === 'Second Admin'),
    ).toBe(true);
  });

  it('filters by entity type', async () => {
    const { list } = await trail();
    const page = await list({ entityType: 'department' });
    expect(page.total).toEqual({ count: DEPARTMENTS.length + 1, atLeast: false });
  });

  it('filters by a date range: from inclusive, to exclusive', async () => {
    const { list, times } = await trail();
    const from = times['折扣100%'] ?? 0;
    const to = times['a_b组'] ?? 0;
    const page = await list({ fromMs: from, toMs: to });
    expect(names(page.items).sort()).toEqual(['折扣1000', '折扣100%'].sort());
    expect(page.items.every((i) => i.atMs >= from && i.atMs < to)).toBe(true);

    const upToFirst = await list({ toMs: (times['市场部'] ?? 0) + 1 });
    expect(upToFirst.items.map((i) => i.operation).sort()).toEqual([
      'departments.create',
      'setup.createAdmin',
    ]);
  });

  it('combines filters', async () => {
    const { list, times, secondId } = await trail();
    const page = await list({
      operation: 'departments.create',
      actorUserId: secondId,
      fromMs: times['财务部'],
    });
    expect(names(page.items)).toEqual(['财务部']);
    const none = await list({ operation: 'departments.create', toMs: times['市场部'] });
    expect(none).toEqual({ items: [], next: null, total: { count: 0, atLeast: false } });
  });

  it('searches free text in Chinese, in details and in the actor name', async () => {
    const { list } = await trail();
    expect(names((await list({ search: '市场' })).items)).toEqual(['市场部']);
    const byActor = await list({ search: ADMIN.displayName });
    expect(byActor.total?.count).toBeGreaterThanOrEqual(DEPARTMENTS.length + 1);
    expect(byActor.items.every((i) => i.actorName === ADMIN.displayName)).toBe(true);
  });

  it('treats % and _ in the search text literally', async () => {
    const { list } = await trail();
    expect(names((await list({ search: '100%' })).items)).toEqual(['折扣100%']);
    expect(names((await list({ search: 'a_b' })).items)).toEqual(['a_b组']);
    expect((await list({ search: '%' })).items.map((i) => i.summary)).toEqual([
      { name: '折扣100%', head: null },
    ]);
  });

  it('finds text with a backslash or double quote in it', async () => {
    const { t, admin, list } = await trail();
    await t.ok('departments.create', { name: 'C:\\共享', headUserId: null }, admin.token);
    await t.ok('departments.create', { name: '"星"项目组', headUserId: null }, admin.token);
    expect(names((await list({ search: 'C:\\共享' })).items)).toEqual(['C:\\共享']);
    expect(names((await list({ search: '"星"' })).items)).toEqual(['"星"项目组']);
  });

  it('pages newest first by keyset, counting on the first page only', async () => {
    const { list } = await trail();
    const all = await list({ limit: 200 });
    expect(all.next).toBeNull();
    expect(all.items).toHaveLength(all.total?.count ?? -1);
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const seen: number[] = [];
    let page = await list({ limit: 3 });
    expect(page.total).toEqual(all.total);
    seen.push(...page.items.map((i) => i.id));
    while (page.next !== null) {
      page = await list({ after: page.next, limit: 3 });
      expect(page.total).toBeNull();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual(ids);
    expect(await list({ after: Math.min(...ids), limit: 3 })).toEqual({
      items: [],
      next: null,
      total: null,
    });

    const filtered = await list({ operation: 'departments.create', limit: 2 });
    expect(filtered.items).toHaveLength(2);
    expect(filtered.total).toEqual({ count: DEPARTMENTS.length + 1, atLeast: false });
    expect(filtered.next).toBe(filtered.items[1]?.id);
  });

  it('pages a time range newest first, by time then id', async () => {
    const { list, times } = await trail();
    const range = { fromMs: 0, toMs: (times['财务部'] ?? 0) + 1 };
    const whole = await list({ ...range, limit: 200 });
    const seen: number[] = [];
    let page = await list({ ...range, limit: 2 });
    seen.push(...page.items.map((i) => i.id));
    while (page.next !== null) {
      page = await list({ ...range, limit: 2, after: page.next });
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual(whole.items.map((i) => i.id));
    const at = whole.items.map((i) => i.atMs);
    expect(at).toEqual([...at].sort((a, b) => b - a));
  });

  it('pages a text search newest first, with and without a time range', async () => {
    const { list, times } = await trail();
    for (const range of [{}, { fromMs: 0, toMs: (times['财务部'] ?? 0) + 1 }]) {
      const whole = await list({ search: 'departments.create', ...range, limit: 200 });
      expect(whole.items.length).toBeGreaterThan(3);
      const seen: number[] = [];
      let page = await list({ search: 'departments.create', ...range, limit: 2 });
      expect(page.total).toEqual(whole.total);
      seen.push(...page.items.map((i) => i.id));
      while (page.next !== null) {
        page = await list({ search: 'departments.create', ...range, limit: 2, after: page.next });
        seen.push(...page.items.map((i) => i.id));
      }
      expect(seen).toEqual(whole.items.map((i) => i.id));
    }
  });

  it('returns the summary as parsed data', async () => {
    const { list, deptIds } = await trail();
    const page = await list({ operation: 'departments.create', search: '市场部' });
    expect(page.items[0]).toMatchObject({
      entityType: 'department',
      entityId: String(deptIds['市场部']),
      summary: { name: '市场部', head: null },
    });
  });

  it('refuses page sizes over 200 and readers without audit.read', async () => {
    const { t, list, secondToken } = await trail();
    await expect(list({ limit: 201 })).rejects.toThrow(/INVALID_INPUT/);
    const hostId = await createUser(t, secondToken, { login: 'host1', roles: ['host'] });
    expect(hostId).toBeGreaterThan(0);
    const hostToken = await signIn(t, 'host1');
    expect((await t.fail('audit.list', {}, hostToken)).code).toBe('FORBIDDEN');
  });
});
