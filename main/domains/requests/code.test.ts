import { describe, expect, it } from 'vitest';
import { companyApp, newRequest } from '../../test-support';

describe('request codes', () => {
  it('keep counting past 999 in one day (JD…-1000 sorts below JD…-999 as text)', async () => {
    const { t, r } = await companyApp();
    const first = await t.ok('requests.saveDraft', newRequest(), r.host.token);
    // Stand in for 998 more drafts of the same day: renumber the first one.
    t.exec('UPDATE requests SET code = ? WHERE id = ?', 'JD20261127-999', first.id);
    const next = await t.ok('requests.saveDraft', newRequest(), r.host.token);
    expect(next.code).toBe('JD20261127-1000');
    const after = await t.ok('requests.saveDraft', newRequest(), r.host.token);
    expect(after.code).toBe('JD20261127-1001');
  });
});
