import { describe, expect, it } from 'vitest';
import { captureEvents, companyApp, signedInUser } from '../../test-support';
import { deskClerk } from './test-desk';
import { walkInOf } from './walk-ins.scenarios';

async function setUp() {
  const { t, r } = await companyApp();
  const desk = await deskClerk(t, r);
  return { t, r, desk };
}

async function registered(t: Awaited<ReturnType<typeof setUp>>) {
  return t.t.ok('frontdesk.registerWalkIn', walkInOf(t.r.host.userId), t.desk.token);
}

describe('registering a walk-in', () => {
  it('stores it for today, asks the host without naming the visitor, tells the desk live', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const events = captureEvents(t);
    const w = await registered(s);
    expect(w).toMatchObject({
      name: '王来访',
      orgName: '华东设计院',
      phoneMasked: '139****1234',
      hostUserId: r.host.userId,
      hostName: '王接待',
      status: 'pending',
      requestId: null,
      toComplete: false,
      guestId: null,
      watch: [],
    });
    const today = (await t.ok('frontdesk.board', { day: w.day }, desk.token)).today;
    expect(w.day).toBe(today);
    const notes = await t.ok('notifications.list', {}, r.host.token);
    const n = notes.items[0]!;
    expect(n.titleKey).toBe('frontdesk.notice.walkInWaiting');
    expect(n.target).toEqual({ type: 'walkIn', id: w.id });
    expect(JSON.stringify(n.params)).not.toContain('王来访');
    expect(JSON.stringify(n.params)).not.toContain('1234');
    expect(
      events.some(
        (e) =>
          e.name === 'frontdesk.changed' &&
          e.userIds.includes(desk.userId) &&
          e.userIds.includes(r.host.userId),
      ),
    ).toBe(true);
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'frontdesk_walk_in'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).not.toContain('王来访');
    expect(audit[0]!.summary).not.toContain('13900001234');
    const raw = t.rows<{ phone: string; org_key: string }>(
      'SELECT phone, org_key FROM frontdesk_walk_ins',
    )[0]!;
    expect(raw.phone).toBe('13900001234');
    expect(raw.org_key).not.toBe('');
  });

  it('lists the day newest first, masked; the desk’s only', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const a = await registered(s);
    const b = await t.ok(
      'frontdesk.registerWalkIn',
      { ...walkInOf(r.head.userId), name: '李四' },
      desk.token,
    );
    const list = await t.ok('frontdesk.walkIns', { day: a.day }, desk.token);
    expect(list.map((w) => w.id)).toEqual([b.id, a.id]);
    expect(JSON.stringify(list)).not.toContain('13900001234');
    expect((await t.fail('frontdesk.walkIns', { day: a.day }, r.host.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await t.fail('frontdesk.registerWalkIn', walkInOf(r.host.userId), r.host.token)).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses no host, a disabled host, an unknown host, bad input — and changes nothing', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const other = await signedInUser(t, r.admin.token, { login: 'gone', roles: ['host'] });
    await t.ok(
      'users.update',
      {
        id: other.userId,
        displayName: 'gone',
        departmentId: null,
        roles: ['host'],
        disabled: true,
      },
      r.admin.token,
    );
    const before = t.snapshot();
    const noHost = await t.fail('frontdesk.registerWalkIn', walkInOf(null), desk.token);
    expect(noHost.fieldErrors?.hostUserId?.key).toBe('frontdesk.errors.noHost');
    expect((await t.fail('frontdesk.registerWalkIn', walkInOf(other.userId), desk.token)).key).toBe(
      'frontdesk.errors.hostDisabled',
    );
    expect((await t.fail('frontdesk.registerWalkIn', walkInOf(999_999), desk.token)).key).toBe(
      'frontdesk.errors.noHost',
    );
    const bad = await t.fail(
      'frontdesk.registerWalkIn',
      { ...walkInOf(r.host.userId), name: ' ', phone: '12', purpose: '' },
      desk.token,
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['name', 'phone', 'purpose']);
    for (const junk of [null, {}, { ...walkInOf(r.host.userId), extra: 1 }, 'x']) {
      expect((await t.fail('frontdesk.registerWalkIn', junk, desk.token)).code).toBe(
        'INVALID_INPUT',
      );
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('the host’s answer', () => {
  it('accepting makes his retroactive draft: his alone, on his home until he submits it', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    expect((await t.ok('frontdesk.myWalkIns', {}, r.host.token)).waiting.map((x) => x.id)).toEqual([
      w.id,
    ]);
    const events = captureEvents(t);
    const a = await t.ok(
      'frontdesk.answerWalkIn',
      { id: w.id, version: w.version, accept: true, comment: '马上下来' },
      r.host.token,
    );
    expect(a).toMatchObject({ status: 'accepted', answerComment: '马上下来', toComplete: true });
    expect(a.requestId).not.toBeNull();
    expect(
      events.some((e) => e.name === 'frontdesk.changed' && e.userIds.includes(desk.userId)),
    ).toBe(true);
    const deskNote = (await t.ok('notifications.list', {}, desk.token)).items[0]!;
    expect(deskNote.titleKey).toBe('frontdesk.notice.walkInAccepted');
    expect(JSON.stringify(deskNote.params)).not.toContain('王来访');

    const d = await t.ok('requests.get', { id: a.requestId! }, r.host.token);
    expect(d).toMatchObject({ status: 'draft', retroactive: true, hostUserId: r.host.userId });
    expect(d.body.retroactiveReason).toContain('未预约来访');
    expect(d.body.orgName).toBe('华东设计院');
    expect(d.body.visitors.map((v) => [v.name, v.phone])).toEqual([['王来访', '13900001234']]);
    expect(d.body.arrivalDate).toBe(w.day);
    // The draft is the host's alone.
    for (const token of [desk.token, r.head.token, r.office.token]) {
      expect((await t.fail('requests.get', { id: a.requestId! }, token)).code).toBe('NOT_FOUND');
    }
    const mine = await t.ok('frontdesk.myWalkIns', {}, r.host.token);
    expect(mine.waiting).toEqual([]);
    expect(mine.toComplete.map((x) => x.id)).toEqual([w.id]);

    // He completes and submits it: the warning goes.
    const sent = await t.ok(
      'requests.submit',
      {
        id: d.id,
        version: d.version,
        body: { ...d.body, arrivalTime: '00:01', departureTime: '23:59' },
      },
      r.host.token,
    );
    expect(sent.status).not.toBe('draft');
    expect((await t.ok('frontdesk.myWalkIns', {}, r.host.token)).toComplete).toEqual([]);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, desk.token)).toComplete).toBe(false);
  });

  it('the desk checks an accepted walk-in in and out from its record', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    await t.ok(
      'frontdesk.answerWalkIn',
      { id: w.id, version: w.version, accept: true, comment: '' },
      r.host.token,
    );
    await t.ok(
      'frontdesk.checkIn',
      {
        requestId: null,
        walkInId: w.id,
        guests: [{ seq: 0, badgeNo: 'W1', idType: null, idLast4: '', consent: true }],
        overrideReason: '',
        watchOverrideReason: '',
      },
      desk.token,
    );
    const inside = (await t.ok('frontdesk.walkIns', { day: w.day }, desk.token))[0]!;
    expect(inside).toMatchObject({ badgeNo: 'W1', leftAtMs: null });
    expect(inside.guestId).not.toBeNull();
    expect(inside.arrivedAtMs).toBe(t.now());
    await t.ok('frontdesk.checkOut', { guestIds: [inside.guestId!], atMs: null }, desk.token);
    const out = await t.ok('frontdesk.walkIn', { id: w.id }, desk.token);
    expect(out.leftAtMs).toBe(t.now());
  });

  it('declining is recorded; a pending or declined walk-in is not checked in', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    const checkIn = {
      requestId: null,
      walkInId: w.id,
      guests: [{ seq: 0, badgeNo: 'W1', idType: null, idLast4: '', consent: true }],
      overrideReason: '',
      watchOverrideReason: '',
    };
    expect((await t.fail('frontdesk.checkIn', checkIn, desk.token)).key).toBe(
      'frontdesk.errors.walkInNotAccepted',
    );
    const d = await t.ok(
      'frontdesk.answerWalkIn',
      { id: w.id, version: w.version, accept: false, comment: '今天不在公司' },
      r.host.token,
    );
    expect(d).toMatchObject({ status: 'declined', requestId: null, answerComment: '今天不在公司' });
    expect(d.answeredAtMs).toBe(t.now());
    expect(t.count('requests')).toBe(0);
    expect((await t.ok('frontdesk.walkIns', { day: w.day }, desk.token))[0]!.status).toBe(
      'declined',
    );
    expect((await t.fail('frontdesk.checkIn', checkIn, desk.token)).key).toBe(
      'frontdesk.errors.walkInNotAccepted',
    );
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'frontdesk_walk_in' ORDER BY id",
    );
    expect(JSON.parse(audit[1]!.summary)).toMatchObject({ accept: false });
  });

  it('refuses a double answer, a stale version, someone else — and changes nothing', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    const answer = { id: w.id, version: w.version, accept: true, comment: '' };
    let before = t.snapshot();
    expect((await t.fail('frontdesk.answerWalkIn', answer, r.head.token)).key).toBe(
      'frontdesk.errors.walkInNotFound',
    );
    expect((await t.fail('frontdesk.answerWalkIn', answer, desk.token)).key).toBe(
      'frontdesk.errors.notYourWalkIn',
    );
    expect(
      (await t.fail('frontdesk.answerWalkIn', { ...answer, version: w.version + 1 }, r.host.token))
        .key,
    ).toBe('frontdesk.errors.walkInAnswered');
    expect((await t.fail('frontdesk.answerWalkIn', { ...answer, id: 999 }, r.host.token)).key).toBe(
      'frontdesk.errors.walkInNotFound',
    );
    expect(
      (await t.fail('frontdesk.answerWalkIn', { ...answer, accept: 'yes' }, r.host.token)).code,
    ).toBe('INVALID_INPUT');
    expect(t.snapshot()).toEqual(before);

    await t.ok('frontdesk.answerWalkIn', answer, r.host.token);
    before = t.snapshot();
    // The double click: the same answer again, or the other one.
    expect((await t.fail('frontdesk.answerWalkIn', answer, r.host.token)).key).toBe(
      'frontdesk.errors.walkInAnswered',
    );
    expect(
      (
        await t.fail(
          'frontdesk.answerWalkIn',
          { ...answer, version: w.version + 1, accept: false },
          r.host.token,
        )
      ).key,
    ).toBe('frontdesk.errors.walkInAnswered');
    expect(t.snapshot()).toEqual(before);
  });

  it('shows a walk-in to the desk and its host only', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, r.host.token)).id).toBe(w.id);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, desk.token)).id).toBe(w.id);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, r.office.token)).id).toBe(w.id);
    for (const token of [r.head.token, r.executive.token]) {
      expect((await t.fail('frontdesk.walkIn', { id: w.id }, token)).code).toBe('NOT_FOUND');
    }
    expect((await t.ok('frontdesk.myWalkIns', {}, r.head.token)).waiting).toEqual([]);
  });
});

describe('whom a walk-in may see', () => {
  it('finds active users by name, pinyin initials and department, with their phone', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const phoned = await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host'],
        disabled: false,
        phone: '021-5555 1234',
      },
      r.admin.token,
    );
    expect(phoned.phone).toBe('02155551234');
    const names = async (query: string) =>
      (await t.ok('frontdesk.hosts', { query }, desk.token)).map((h) => h.displayName);
    expect(await names('wjd')).toEqual(['王接待']);
    expect(await names('王接')).toEqual(['王接待']);
    expect(await names('销售')).toEqual(expect.arrayContaining(['王接待', '李部长']));
    const host = (await t.ok('frontdesk.hosts', { query: 'wangjiedai' }, desk.token))[0]!;
    expect(host).toEqual({
      userId: r.host.userId,
      displayName: '王接待',
      departmentName: '销售部',
      phone: '02155551234',
    });
    await t.ok(
      'users.update',
      {
        id: r.head.userId,
        displayName: '李部长',
        departmentId: r.departmentId,
        roles: ['dept_head'],
        disabled: true,
      },
      r.admin.token,
    );
    expect(await names('销售')).toEqual(['王接待']);
    expect((await names('')).length).toBeLessThanOrEqual(20);
    expect((await t.fail('frontdesk.hosts', { query: 'x' }, r.host.token)).code).toBe('FORBIDDEN');
  });
});

describe('after the answer (review findings)', () => {
  it('the host cannot delete the walk-in’s draft: refused, nothing changed, no 500', async () => {
    const s = await setUp();
    const { t, r } = s;
    const w = await registered(s);
    const a = await t.ok(
      'frontdesk.answerWalkIn',
      { id: w.id, version: w.version, accept: true, comment: '' },
      r.host.token,
    );
    const d = await t.ok('requests.get', { id: a.requestId! }, r.host.token);
    const before = t.snapshot();
    const err = await t.fail(
      'requests.deleteDraft',
      { id: a.requestId!, version: d.version },
      r.host.token,
    );
    expect(err.key).toBe('frontdesk.errors.walkInDraft');
    expect(t.snapshot()).toEqual(before);
  });

  it('the host is not told about watchlist hits of his walk-in; the desk is', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    await t.ok(
      'frontdesk.saveWatch',
      {
        id: null,
        version: null,
        entry: {
          kind: 'person',
          name: '',
          orgName: '',
          phone: walkInOf(r.host.userId).phone,
          idNumber: '',
          reason: '曾冒用他人名义',
        },
      },
      r.office.token,
    );
    const w = await registered(s);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, desk.token)).watch).toHaveLength(1);
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, r.host.token)).watch).toEqual([]);
    const mine = await t.ok('frontdesk.myWalkIns', {}, r.host.token);
    expect(JSON.stringify(mine)).not.toContain('曾冒用他人名义');
  });
});

describe('a host disabled while a walk-in waits', () => {
  it('declines it and tells the desk: nothing waits on nobody', async () => {
    const s = await setUp();
    const { t, r, desk } = s;
    const w = await registered(s);
    await t.ok(
      'users.update',
      {
        id: r.host.userId,
        displayName: '王接待',
        departmentId: r.departmentId,
        roles: ['host'],
        disabled: true,
      },
      r.admin.token,
    );
    expect((await t.ok('frontdesk.walkIn', { id: w.id }, desk.token)).status).toBe('declined');
    const notes = await t.ok('notifications.list', {}, desk.token);
    expect(notes.items.map((n) => n.titleKey)).toContain('frontdesk.notice.walkInHostGone');
  });
});
