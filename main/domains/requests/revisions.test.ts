import { describe, expect, it } from 'vitest';
import { companyApp, submitted } from '../../test-support';
import { loadRevisions, revisionOf } from './revisions';

describe('loadRevisions', () => {
  it('takes any number of pairs (an OR per pair failed at about a thousand)', async () => {
    const { t, r } = await companyApp();
    const a = await submitted(t, r);
    const pairs = [
      [a.id, 1] as const,
      ...Array.from({ length: 2500 }, (_, i) => [a.id + 1 + i, 1] as const),
    ];
    const revs = await loadRevisions(t.app.db, pairs);
    expect([...revs.keys()]).toEqual([`${a.id}:1`]);
    expect(revisionOf(revs, a.id, 1)?.body).toBeDefined();
    const bare = await loadRevisions(t.app.db, pairs, { body: false });
    expect(revisionOf(bare, a.id, 1)).toMatchObject({ requestId: a.id, revision: 1 });
    expect(revisionOf(bare, a.id, 1)?.body).toBeUndefined();
    expect(await loadRevisions(t.app.db, [[a.id, 2]])).toEqual(new Map());
  });
});
