import { describe, expect, it } from 'vitest';
import { orgKey } from '../../../shared/requests/org';
import { companyApp, drafted, requestBody, submitted } from '../../test-support';
import { sqliteOnly } from '../../test-postgres';
import { otherVisitsQuery } from './queries';

const checkCodes = (d: { checks: { code: string; severity: string }[] }) =>
  d.checks.map((c) => `${c.code}:${c.severity}`);

/** Two weeks after the first visit (2026-12-01), inside the 15 days of the default policy. */
const LATER = {
  arrivalDate: '2026-12-15',
  departureDate: '2026-12-15',
  needs: { ...requestBody().needs, meals: [] },
};

describe('repeat visits: the same organisation, however its name is typed', () => {
  it.each([
    ['ＡＢＣ科技（有限公司）'],
    ['ABC 科技有限公司'],
    ['ＡＢＣ科技有限公司'],
    ['abc科技 Co., Ltd.'],
  ])('%j within 15 days of ABC科技有限公司 is a repeat visit', async (orgName) => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: 'ABC科技有限公司' });
    const d = await submitted(t, r, { ...LATER, orgName });
    expect(checkCodes(d)).toEqual(['repeat_visit:warn']);
    expect(d.checks[0]?.params).toEqual({ days: 15, count: 1 });
  });

  it('the preview while typing says so too, and another organisation is not a repeat visit', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: 'ABC科技有限公司' });
    const same = await t.ok(
      'requests.preview',
      { id: null, body: requestBody({ ...LATER, orgName: 'ＡＢＣ科技【有限公司】' }) },
      r.host.token,
    );
    expect(checkCodes(same)).toEqual(['repeat_visit:warn']);
    const other = await submitted(t, r, { ...LATER, orgName: 'ABC集团有限公司' });
    expect(checkCodes(other)).toEqual([]);
  });

  it('stores the key with every save, and a draft does not count as a visit', async () => {
    const { t, r } = await companyApp();
    const draft = await drafted(t, r, { orgName: 'ＡＢＣ科技（有限公司）' });
    expect(t.rows('SELECT org_name, org_key FROM requests WHERE id = ?', draft.id)).toEqual([
      { org_name: 'ＡＢＣ科技（有限公司）', org_key: 'abc科技' },
    ]);
    const later = await submitted(t, r, { ...LATER, orgName: 'ABC科技有限公司' });
    expect(checkCodes(later)).toEqual([]);
    await t.ok(
      'requests.saveDraft',
      { id: draft.id, version: draft.version, body: requestBody({ orgName: 'Acme Co., Ltd.' }) },
      r.host.token,
    );
    expect(t.rows('SELECT org_key FROM requests WHERE id = ?', draft.id)).toEqual([
      { org_key: 'acme' },
    ]);
  });

  // EXPLAIN QUERY PLAN and its wording are SQLite's (PostgreSQL plans by its statistics).
  it.skipIf(sqliteOnly)('finds the other visits with one search of the org_key index', async () => {
    const { t } = await companyApp();
    const q = otherVisitsQuery(t.app.db, orgKey('ABC科技有限公司'), 7).compile();
    const plan = (
      t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as {
        detail: string;
      }[]
    ).map((p) => p.detail);
    expect(plan).toEqual([
      expect.stringMatching(
        /^SEARCH requests USING (COVERING )?INDEX requests_org_key \(org_key=\? AND status=\?\)$/,
      ),
    ]);
  });
});
