import { describe, expect, it } from 'vitest';
import { companyApp, submitted, type TestApp } from '../../test-support';
import { directoryPrefixes, rememberVisitors, type DirectoryPerson } from './directory';
import { checkInOf, deskBody, deskClerk, deskVisit } from './test-desk';

function remember(t: TestApp, people: DirectoryPerson[], day: string) {
  return rememberVisitors({ db: t.app.db, nowMs: t.now() }, people, day);
}

const person = (
  name: string,
  phone: string,
  orgName = '华东精密',
  title = '',
): DirectoryPerson => ({
  name,
  phone,
  orgName,
  title,
});

async function suggest(t: TestApp, token: string, query: string) {
  return t.ok('frontdesk.suggestVisitors', { query }, token);
}

describe('the visitor directory', () => {
  it('merges the same person: one more visit, the last day moves on, the new title kept', async () => {
    const { t, r } = await companyApp();
    await remember(t, [person('张三', '13912345678', '华东精密', '工程师')], '2026-01-05');
    await remember(t, [person(' 张三 ', '13912345678', '华东精密有限公司', '')], '2026-03-01');
    await remember(t, [person('张三', '13912345678', '华东精密', '总工')], '2026-02-01');
    const rows = t.rows<Record<string, unknown>>(
      'SELECT name, name_key, initials, pinyin, org_key, title, visits, last_day FROM frontdesk_directory',
    );
    expect(rows).toEqual([
      {
        name: '张三',
        name_key: '张三',
        initials: 'zs',
        pinyin: 'zhangsan',
        org_key: rows[0]!.org_key,
        title: '总工',
        visits: 2,
        last_day: '2026-03-01',
      },
    ]);
    // The same day again (a resubmission, then the check-in) is no new visit.
    await remember(t, [person('张三', '13912345678')], '2026-03-01');
    expect(t.rows('SELECT visits FROM frontdesk_directory')).toEqual([{ visits: 2 }]);
    const [s] = await suggest(t, r.host.token, 'zs');
    expect(s).toMatchObject({ name: '张三', title: '总工', phone: '13912345678', visits: 2 });
  });

  it('a person listed twice at once is one, with the title given', async () => {
    const { t } = await companyApp();
    await remember(
      t,
      [person('张三', '13912345678', '华东精密', '工程师'), person('张三', '13912345678')],
      '2026-01-05',
    );
    expect(t.rows('SELECT title, visits FROM frontdesk_directory')).toEqual([
      { title: '工程师', visits: 1 },
    ]);
  });

  it('a different phone is a different person', async () => {
    const { t, r } = await companyApp();
    await remember(t, [person('张三', '13912345678'), person('张三', '13800001111')], '2026-01-05');
    expect(t.count('frontdesk_directory')).toBe(2);
    const found = await suggest(t, r.host.token, '张三');
    expect(found.map((s) => s.phone).sort()).toEqual(['13800001111', '13912345678']);
  });

  it('suggests by pinyin initials, full pinyin, name, phone prefix and organisation', async () => {
    const { t, r } = await companyApp();
    await remember(
      t,
      [
        person('张三', '13912345678', '华东精密仪器有限公司', '工程师'),
        person('李四', '13800138000', '上海电气'),
        person('Anna Müller', '', 'Siemens AG'),
      ],
      '2026-01-05',
    );
    const names = async (q: string) => (await suggest(t, r.host.token, q)).map((s) => s.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('ZS')).toEqual(['张三']);
    expect(await names('zhangs')).toEqual(['张三']);
    expect(await names('张')).toEqual(['张三']);
    expect(await names('139')).toEqual(['张三']);
    expect(await names('139 1234')).toEqual(['张三']);
    expect(await names('138')).toEqual(['李四']);
    expect(await names('华东')).toEqual(['张三']);
    expect(await names('上海')).toEqual(['李四']);
    expect(await names('anna')).toEqual(['Anna Müller']);
    expect(await names('siemens')).toEqual(['Anna Müller']);
    expect(await names('王')).toEqual([]);
    // A prefix, not a substring.
    expect(await names('5678')).toEqual([]);
    expect(await names('san')).toEqual([]);
    // Nothing typed: nothing suggested.
    expect(await names(' ')).toEqual([]);
    const [s] = await suggest(t, r.host.token, 'zs');
    expect(s).toMatchObject({
      name: '张三',
      orgName: '华东精密仪器有限公司',
      title: '工程师',
      phone: '13912345678',
      lastDay: '2026-01-05',
      visits: 1,
    });
  });

  it('gives at most ten, the most recently seen first', async () => {
    const { t, r } = await companyApp();
    for (let i = 0; i < 15; i++) {
      const day = `2026-01-${String(i + 1).padStart(2, '0')}`;
      await remember(t, [person(`张${i}`, `139000000${String(i).padStart(2, '0')}`)], day);
    }
    const found = await suggest(t, r.host.token, 'z');
    expect(found).toHaveLength(10);
    expect(found.map((s) => s.lastDay)).toEqual(
      [15, 14, 13, 12, 11, 10, 9, 8, 7, 6].map((d) => `2026-01-${String(d).padStart(2, '0')}`),
    );
  });

  it('hosts and the desk may ask; others are refused, nobody signed out', async () => {
    const { t, r } = await companyApp();
    await remember(t, [person('张三', '13912345678')], '2026-01-05');
    expect(await suggest(t, r.host.token, 'zs')).toHaveLength(1);
    expect(await suggest(t, r.office.token, 'zs')).toHaveLength(1);
    for (const token of [r.executive.token, r.head.token, r.admin.token]) {
      expect((await t.fail('frontdesk.suggestVisitors', { query: 'zs' }, token)).code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await t.fail('frontdesk.suggestVisitors', { query: 'zs' }, null)).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('rejects bad input with a translated message and changes nothing', async () => {
    const { t, r } = await companyApp();
    await remember(t, [person('张三', '13912345678')], '2026-01-05');
    const before = t.snapshot();
    for (const input of [{}, { query: 5 }, { query: 'x'.repeat(51) }, { query: 'zs', more: 1 }]) {
      const e = await t.fail('frontdesk.suggestVisitors', input, r.host.token);
      expect(e.code).toBe('INVALID_INPUT');
    }
    // Odd text is only text: no error, no match.
    for (const query of ["' OR 1=1 --", '%', '_', '\uffff', '💡', '((']) {
      expect(await suggest(t, r.host.token, query)).toEqual([]);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('a draft’s visitor is not remembered until submitted; a check-in remembers who came', async () => {
    const { t, r } = await companyApp();
    const body = deskBody({
      visitors: [
        {
          name: '王五',
          title: '经理',
          phone: '13700001234',
          idType: null,
          idNumber: '',
          notes: '',
        },
      ],
    });
    const draft = await t.ok('requests.saveDraft', { id: null, version: null, body }, r.host.token);
    expect(await suggest(t, r.host.token, 'ww')).toEqual([]);
    await t.ok('requests.submit', { id: draft.id, version: draft.version, body }, r.host.token);
    const [s] = await suggest(t, r.host.token, 'ww');
    expect(s).toMatchObject({ name: '王五', title: '经理', phone: '13700001234', visits: 1 });
    expect(s!.orgName).toBe(body.orgName);

    // The desk checks in two of three: their record is there (one visit, their day).
    const desk = await deskClerk(t, r);
    const id = await deskVisit(t, r);
    await t.ok('frontdesk.checkIn', checkInOf(id, [0, 2]), desk.token);
    const zs = await suggest(t, r.host.token, 'zs');
    expect(zs.map((x) => [x.name, x.title, x.visits])).toEqual([['张三', '工程师', 1]]);
    // Submitted requests remember everyone listed.
    await submitted(t, r, deskBody());
    expect(t.count('frontdesk_directory', 'name_key = ?', 'anna müller')).toBe(1);
  });
});

describe('what each index is searched for', () => {
  it.each([
    ['zs', ['nameKey:zs', 'initials:zs', 'pinyin:zs', 'orgKey:zs']],
    ['139 12', ['nameKey:139 12', 'initials:13912', 'pinyin:13912', 'phone:13912', 'orgKey:13912']],
    ['', []],
    ['   ', []],
  ])('%j', (query, expected) => {
    const got = directoryPrefixes(query).map((b) => `${b.column}:${b.prefix}`);
    expect(got).toEqual(expected);
  });
});
