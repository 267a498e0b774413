import { describe, expect, it } from 'vitest';
import { companyApp, drafted, submitted } from '../../test-support';

const rowCount = (
  t: Awaited<ReturnType<typeof companyApp>>['t'],
  sql: string,
  ...args: unknown[]
) => t.rows<{ n: number }>(sql, ...args)[0]!.n;

describe('requests.deleteDraft', () => {
  it('its host deletes a draft he never submitted: the row, its timeline and its search entry', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r, { orgName: '待删除单位' });
    expect(d.canDelete).toBe(true);
    expect(await t.ok('requests.deleteDraft', { id: d.id, version: d.version }, r.host.token)).toBe(
      null,
    );
    expect(rowCount(t, 'SELECT count(*) AS n FROM requests WHERE id = ?', d.id)).toBe(0);
    expect(rowCount(t, 'SELECT count(*) AS n FROM request_events WHERE request_id = ?', d.id)).toBe(
      0,
    );
    expect(rowCount(t, 'SELECT count(*) AS n FROM request_search WHERE rowid = ?', d.id)).toBe(0);
    const mine = await t.ok('requests.list', { scope: 'mine', search: '待删除' }, r.host.token);
    expect(mine.items).toEqual([]);
    const counters = rowCount(t, 'SELECT coalesce(sum(n), 0) AS n FROM request_counts');
    expect(counters).toBe(rowCount(t, 'SELECT count(*) AS n FROM requests'));
    expect((await t.fail('requests.get', { id: d.id }, r.host.token)).code).toBe('NOT_FOUND');
  });

  it('nobody else may, a submitted request is cancelled instead, and a stale version is refused', async () => {
    const { t, r } = await companyApp();
    const d = await drafted(t, r);
    for (const other of [r.head, r.office, r.admin]) {
      const e = await t.fail('requests.deleteDraft', { id: d.id, version: d.version }, other.token);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(e.code);
    }
    const stale = await t.fail(
      'requests.deleteDraft',
      { id: d.id, version: d.version + 1 },
      r.host.token,
    );
    expect(stale.key).toBe('errors.staleRequest');

    const s = await submitted(t, r);
    expect(s.canDelete).toBe(false);
    const e = await t.fail('requests.deleteDraft', { id: s.id, version: s.version }, r.host.token);
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.notDeletable' });
    const head = await t.fail(
      'requests.deleteDraft',
      { id: s.id, version: s.version },
      r.head.token,
    );
    expect(head.code).toBe('FORBIDDEN'); // no requests.create
    expect(rowCount(t, 'SELECT count(*) AS n FROM requests')).toBe(2);
  });
});
