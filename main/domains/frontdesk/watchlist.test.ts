import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import { companyApp, notificationKinds, submitted } from '../../test-support';
import { checkInOf, deskBody, deskClerk, deskVisit } from './test-desk';

type Entry = OpInput<'frontdesk.saveWatch'>['entry'];

const person = (extra: Partial<Entry> = {}): Entry => ({
  kind: 'person',
  name: '',
  orgName: '',
  phone: '',
  idNumber: '',
  reason: '曾冒用他人证件进入厂区',
  ...extra,
});

const org = (orgName: string): Entry => ({
  kind: 'org',
  name: '',
  orgName,
  phone: '',
  idNumber: '',
  reason: '合同纠纷，暂停接待',
});

async function setUp() {
  const { t, r } = await companyApp();
  const desk = await deskClerk(t, r);
  return { t, r, desk };
}

describe('the watchlist', () => {
  it('adds an entry normalised for matching; the ID number is only hashed, the phone masked', async () => {
    const { t, r } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      {
        id: null,
        version: null,
        entry: person({
          name: '  王  五 ',
          orgName: '星河贸易（上海）有限公司',
          phone: '139 1234-5678',
          idNumber: '110105 19491231002x',
        }),
      },
      r.office.token,
    );
    expect(w).toMatchObject({
      kind: 'person',
      phoneMasked: '139****5678',
      hasId: true,
      active: true,
      version: 1,
    });
    const row = t.rows<{ name_key: string; org_key: string; phone: string; id_hash: string }>(
      'SELECT name_key, org_key, phone, id_hash FROM frontdesk_watchlist',
    )[0]!;
    expect(row.name_key).toBe('王五');
    expect(row.org_key).toBe('星河贸易上海');
    expect(row.phone).toBe('13912345678');
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    // The number is kept nowhere (any table); the audit has neither the phone nor the name.
    expect(JSON.stringify(t.snapshot())).not.toContain('19491231002');
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'frontdesk.saveWatch'",
    );
    expect(JSON.parse(audit[0]!.summary)).toEqual({
      kind: 'person',
      orgName: '星河贸易（上海）有限公司',
      reason: '曾冒用他人证件进入厂区',
    });
    expect(audit[0]!.summary).not.toContain('5678');
    expect(audit[0]!.summary).not.toContain('五');
  });

  it('lists newest first, the inactive ones only when asked', async () => {
    const { t, r } = await setUp();
    const a = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ name: '王五' }) },
      r.office.token,
    );
    t.advance(1000);
    const b = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: org('星河贸易') },
      r.office.token,
    );
    expect(
      (await t.ok('frontdesk.watchlist', { includeInactive: false }, r.office.token)).map(
        (w) => w.id,
      ),
    ).toEqual([b.id, a.id]);
    const off = await t.ok(
      'frontdesk.setWatchActive',
      { id: a.id, version: a.version, active: false },
      r.office.token,
    );
    expect(off).toMatchObject({ active: false, version: 2 });
    expect(
      (await t.ok('frontdesk.watchlist', { includeInactive: false }, r.office.token)).map(
        (w) => w.id,
      ),
    ).toEqual([b.id]);
    expect(
      (await t.ok('frontdesk.watchlist', { includeInactive: true }, r.office.token)).map((w) => [
        w.id,
        w.active,
      ]),
    ).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    const on = await t.ok(
      'frontdesk.setWatchActive',
      { id: a.id, version: off.version, active: true },
      r.office.token,
    );
    expect(on.active).toBe(true);
  });

  it('an edit without an ID number keeps the hash; a new number replaces it', async () => {
    const { t, r } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ name: '王五', idNumber: '11010519491231002X' }) },
      r.office.token,
    );
    const hash = () => t.rows<{ id_hash: string }>('SELECT id_hash FROM frontdesk_watchlist')[0]!;
    const first = hash().id_hash;
    const e1 = await t.ok(
      'frontdesk.saveWatch',
      { id: w.id, version: w.version, entry: person({ name: '王五', reason: '新的理由' }) },
      r.office.token,
    );
    expect(e1).toMatchObject({ hasId: true, reason: '新的理由', version: 2 });
    expect(hash().id_hash).toBe(first);
    await t.ok(
      'frontdesk.saveWatch',
      {
        id: w.id,
        version: e1.version,
        entry: person({ name: '王五', idNumber: '110105194912310038' }),
      },
      r.office.token,
    );
    expect(hash().id_hash).not.toBe(first);
    expect(hash().id_hash).not.toBe('');
  });

  it('an edit without a phone keeps the phone; an edit leaving nothing to go by is refused', async () => {
    const { t, r } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ phone: '13912345678' }) },
      r.office.token,
    );
    const e1 = await t.ok(
      'frontdesk.saveWatch',
      { id: w.id, version: w.version, entry: person({ reason: '改过的理由' }) },
      r.office.token,
    );
    expect(e1.phoneMasked).toBe('139****5678');
    const e2 = await t.ok(
      'frontdesk.saveWatch',
      { id: w.id, version: e1.version, entry: person({ phone: '13700000000' }) },
      r.office.token,
    );
    expect(e2.phoneMasked).toBe('137****0000');

    const n = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ name: '王五' }) },
      r.office.token,
    );
    const before = t.snapshot();
    const err = await t.fail(
      'frontdesk.saveWatch',
      { id: n.id, version: n.version, entry: person() },
      r.office.token,
    );
    expect(err.fieldErrors?.['entry.name']?.key).toBe('frontdesk.errors.watchPersonEmpty');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a stale version, an unknown entry and bad input — and changes nothing', async () => {
    const { t, r } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ name: '王五' }) },
      r.office.token,
    );
    await t.ok(
      'frontdesk.saveWatch',
      { id: w.id, version: w.version, entry: person({ name: '王六' }) },
      r.office.token,
    );
    const before = t.snapshot();
    const fails: [string, OpInput<'frontdesk.saveWatch'>][] = [
      ['frontdesk.errors.staleWatch', { id: w.id, version: 1, entry: person({ name: '王七' }) }],
      ['frontdesk.errors.watchNotFound', { id: 999, version: 1, entry: person({ name: '王七' }) }],
      [
        'frontdesk.errors.watchPersonEmpty',
        { id: null, version: null, entry: person({ orgName: '星河' }) },
      ],
      ['validation.required', { id: null, version: null, entry: org('') }],
      [
        'validation.phone',
        { id: null, version: null, entry: person({ name: '王七', phone: '12ab' }) },
      ],
      [
        'validation.required',
        { id: null, version: null, entry: person({ name: '王七', reason: '  ' }) },
      ],
    ];
    for (const [key, input] of fails) {
      const err = await t.fail('frontdesk.saveWatch', input, r.office.token);
      const said = [err.key, ...Object.values(err.fieldErrors ?? {}).map((m) => m.key)];
      expect(said).toContain(key);
    }
    expect(
      (
        await t.fail(
          'frontdesk.setWatchActive',
          { id: w.id, version: 1, active: false },
          r.office.token,
        )
      ).key,
    ).toBe('frontdesk.errors.staleWatch');
    expect(
      (
        await t.fail(
          'frontdesk.setWatchActive',
          { id: 999, version: 1, active: false },
          r.office.token,
        )
      ).key,
    ).toBe('frontdesk.errors.watchNotFound');
    expect(t.snapshot()).toEqual(before);
  });

  it('is the admin office’s: the desk and a host are refused', async () => {
    const { t, r, desk } = await setUp();
    for (const token of [desk.token, r.host.token]) {
      expect((await t.fail('frontdesk.watchlist', { includeInactive: true }, token)).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (
          await t.fail(
            'frontdesk.saveWatch',
            { id: null, version: null, entry: person({ name: '王五' }) },
            token,
          )
        ).code,
      ).toBe('FORBIDDEN');
    }
  });
});

describe('the request-time check', () => {
  it('tells every admin office user (not the host) when a submitted visit’s visitor matches', async () => {
    const { t, r } = await setUp();
    await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ name: '某人', phone: '13912345678' }) },
      r.office.token,
    );
    const d = await submitted(t, r, deskBody());
    const notes = t.rows<{ kind: string; title_key: string; params: string; target: string }>(
      "SELECT kind, title_key, params, target FROM notifications WHERE kind = 'frontdesk.watch'",
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title_key).toBe('frontdesk.notice.watchMatch');
    expect(JSON.parse(notes[0]!.params)).toEqual({ code: d.code, org: '华东精密仪器有限公司' });
    expect(JSON.parse(notes[0]!.target)).toEqual({ type: 'request', id: d.id });
    expect(notificationKinds(t, r.office.userId)).toContain('frontdesk.watch');
    expect(notificationKinds(t, r.host.userId)).not.toContain('frontdesk.watch');
  });

  it('matches the organisation by its key, an ID by its hash; no hit tells nobody', async () => {
    const { t, r } = await setUp();
    await submitted(t, r, deskBody());
    expect(t.count('notifications', "kind = 'frontdesk.watch'")).toBe(0);

    await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: org('华东精密仪器（有限公司）') },
      r.office.token,
    );
    await submitted(t, r, deskBody());
    expect(t.count('notifications', "kind = 'frontdesk.watch'")).toBe(1);

    const { t: t2, r: r2 } = await setUp();
    await t2.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ idNumber: '110105 19491231002x' }) },
      r2.office.token,
    );
    await submitted(t2, r2, deskBody());
    expect(t2.count('notifications', "kind = 'frontdesk.watch'")).toBe(1);
  });

  it('an entry lifted no longer matches', async () => {
    const { t, r } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ phone: '13912345678' }) },
      r.office.token,
    );
    await t.ok(
      'frontdesk.setWatchActive',
      { id: w.id, version: w.version, active: false },
      r.office.token,
    );
    await submitted(t, r, deskBody());
    expect(t.count('notifications', "kind = 'frontdesk.watch'")).toBe(0);
  });
});

describe('check-in of a watchlisted visitor', () => {
  it('is refused without a reason (nothing changed) and audited with reason and entry when given', async () => {
    const { t, r, desk } = await setUp();
    const w = await t.ok(
      'frontdesk.saveWatch',
      { id: null, version: null, entry: person({ phone: '13912345678' }) },
      r.office.token,
    );
    const id = await deskVisit(t, r);
    // 陈立 (seq 0) is not on the list: he comes in without a word.
    await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);

    const before = t.snapshot();
    const err = await t.fail('frontdesk.checkIn', checkInOf(id, [2], 5), desk.token);
    expect(err.key).toBe('frontdesk.errors.watchMatch');
    expect(err.params).toMatchObject({ count: 1 });
    expect(t.snapshot()).toEqual(before);

    const b = await t.ok(
      'frontdesk.checkIn',
      { ...checkInOf(id, [2], 5), watchOverrideReason: '保卫处确认系同名误报' },
      desk.token,
    );
    expect(b.visits[0]!.guests[2]!.state).toBe('arrived');
    expect(b.visits[0]!.guests[2]!.watch.map((h) => [h.watchId, h.on])).toEqual([[w.id, 'phone']]);
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'frontdesk.checkIn' ORDER BY id",
    );
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.summary)).not.toHaveProperty('watchIds');
    expect(JSON.parse(audit[1]!.summary)).toMatchObject({
      seqs: [2],
      watchIds: [w.id],
      watchOverrideReason: '保卫处确认系同名误报',
    });
    expect(
      t.rows<{ watch_override_reason: string }>(
        'SELECT watch_override_reason FROM frontdesk_guests WHERE seq = 2',
      )[0]!.watch_override_reason,
    ).toBe('保卫处确认系同名误报');
  });
});
