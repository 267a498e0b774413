import { describe, expect, it } from 'vitest';
import { captureEvents, companyApp, MINUTE } from '../../test-support';
import { checkInOf, deskBody, deskClerk, deskVisit, later, VISIT_DAY } from './test-desk';

async function setUp() {
  const { t, r } = await companyApp();
  const desk = await deskClerk(t, r);
  return { t, r, desk };
}

describe('the board', () => {
  it('shows the day’s visit with each visitor expected, masked phones and pinyin keys', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const b = await t.ok('frontdesk.board', { day: VISIT_DAY }, desk.token);
    expect(b.today).toBe(VISIT_DAY);
    expect(b.visits.map((v) => v.requestId)).toEqual([id]);
    const v = b.visits[0]!;
    expect(v.cleared).toBe(true);
    expect(v.hostName).toBeTruthy();
    expect(v.guests.map((g) => [g.name, g.state, g.phoneMasked])).toEqual([
      ['陈立', 'expected', '138****8000'],
      ['Anna Müller', 'expected', ''],
      ['张三', 'expected', '139****5678'],
    ]);
    expect(v.guests[2]!.keys).toContain('zs');
    expect(v.guests[2]!.keys).toContain('5678');
    // No ID number and no full phone leave main.
    expect(JSON.stringify(b)).not.toContain('11010519491231002X');
    expect(JSON.stringify(b)).not.toContain('13912345678');
  });

  it('is the desk’s and the admin office’s: a host is refused', async () => {
    const { t, r } = await setUp();
    await deskVisit(t, r);
    expect((await t.fail('frontdesk.board', { day: VISIT_DAY }, r.host.token)).code).toBe(
      'FORBIDDEN',
    );
    await t.ok('frontdesk.board', { day: VISIT_DAY }, r.office.token);
  });

  it('leaves out drafts, and says no-show of a day gone by', async () => {
    const { t, r, desk } = await setUp();
    await t.ok('requests.saveDraft', { id: null, version: null, body: deskBody() }, r.host.token);
    const id = await deskVisit(t, r);
    await later(t, r, 24 * 60 * MINUTE);
    const b = await t.ok('frontdesk.board', { day: VISIT_DAY }, desk.token);
    expect(b.visits.map((v) => v.requestId)).toEqual([id]);
    expect(b.visits[0]!.guests.every((g) => g.state === 'no_show')).toBe(true);
  });
});

describe('check-in and check-out', () => {
  it('checks in two of three: badges, under way, the host told, the board live', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const events = captureEvents(t);
    const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0, 2]), desk.token);
    const v = b.visits[0]!;
    expect(v.status).toBe('in_progress');
    expect(v.guests.map((g) => g.state)).toEqual(['arrived', 'expected', 'arrived']);
    expect(v.guests.map((g) => g.badgeNo)).toEqual(['1', '', '2']);
    const notes = await t.ok('notifications.list', {}, r.host.token);
    expect(notes.items[0]?.titleKey).toBe('frontdesk.notice.guestsArrived');
    expect(notes.items[0]?.params).toMatchObject({ count: 2 });
    expect(
      events.some((e) => e.name === 'frontdesk.changed' && e.userIds.includes(desk.userId)),
    ).toBe(true);
    const d = await t.ok('requests.get', { id }, r.host.token);
    expect(d.events.some((e) => e.kind === 'checked_in')).toBe(true);
  });

  it('refuses twice, a badge in use, no consent — and changes nothing', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    const before = t.snapshot();
    expect((await t.fail('frontdesk.checkIn', checkInOf(id, [0], 5), desk.token)).key).toBe(
      'frontdesk.errors.alreadyIn',
    );
    expect((await t.fail('frontdesk.checkIn', checkInOf(id, [1], 1), desk.token)).key).toBe(
      'frontdesk.errors.badgeInUse',
    );
    const noConsent = checkInOf(id, [1], 7);
    noConsent.guests[0]!.consent = false;
    expect((await t.fail('frontdesk.checkIn', noConsent, desk.token)).key).toBe(
      'frontdesk.errors.consentRequired',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('lets in a visit still in approval only with a reason', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r, { until: 'submitted' });
    const err = await t.fail('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    expect(err.key).toBe('frontdesk.errors.notApproved');
    const b = await t.ok(
      'frontdesk.checkIn',
      { ...checkInOf(id, [0]), overrideReason: '部长电话确认' },
      desk.token,
    );
    // The visit stays in approval: the desk does not approve it by letting someone in.
    expect(b.visits[0]!.status).not.toBe('in_progress');
  });

  it('check-out of everyone who came completes the visit; someone never in is refused', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0, 2]), desk.token);
    const ids = b.visits[0]!.guests.flatMap((g) => (g.guestId === null ? [] : [g.guestId]));
    expect(
      (await t.fail('frontdesk.checkOut', { guestIds: [999], atMs: null }, desk.token)).key,
    ).toBe('frontdesk.errors.neverCheckedIn');
    await later(t, r, 60 * MINUTE);
    const first = await t.ok('frontdesk.checkOut', { guestIds: [ids[0]!], atMs: null }, desk.token);
    expect(first.guests.map((g) => g.guestId)).toEqual([ids[1]]);
    expect((await t.ok('requests.get', { id }, r.host.token)).status).toBe('in_progress');
    await t.ok('frontdesk.checkOut', { guestIds: [ids[1]!], atMs: null }, desk.token);
    expect((await t.ok('requests.get', { id }, r.host.token)).status).toBe('completed');
    expect(
      (await t.fail('frontdesk.checkOut', { guestIds: [ids[1]!], atMs: null }, desk.token)).key,
    ).toBe('frontdesk.errors.alreadyLeft');
  });

  it('the end-of-day sweep checks out at a chosen time, never before arrival or after now', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const arrived = t.now();
    await t.ok('frontdesk.checkIn', checkInOf(id, [0, 1, 2]), desk.token);
    await later(t, r, 14 * 60 * MINUTE);
    const left = await t.ok('frontdesk.onSite', { arrivedBefore: VISIT_DAY }, desk.token);
    expect(left.guests).toHaveLength(3);
    const ids = left.guests.map((g) => g.guestId);
    const early = await t.fail(
      'frontdesk.checkOut',
      { guestIds: ids, atMs: arrived - MINUTE },
      desk.token,
    );
    expect(early.fieldErrors?.atMs?.key).toBe('frontdesk.errors.leftBeforeArrival');
    const future = await t.fail(
      'frontdesk.checkOut',
      { guestIds: ids, atMs: t.now() + MINUTE },
      desk.token,
    );
    expect(future.fieldErrors?.atMs?.key).toBe('frontdesk.errors.leftInFuture');
    const after = await t.ok(
      'frontdesk.checkOut',
      { guestIds: ids, atMs: arrived + 8 * 60 * MINUTE },
      desk.token,
    );
    expect(after.guests).toEqual([]);
    const rows = t.rows<{ left_at_ms: number }>('SELECT left_at_ms FROM frontdesk_guests');
    expect(rows.every((x) => x.left_at_ms === arrived + 8 * 60 * MINUTE)).toBe(true);
  });

  it('a badge is free again once its wearer left', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    const gid = b.visits[0]!.guests[0]!.guestId!;
    await t.ok('frontdesk.checkOut', { guestIds: [gid], atMs: null }, desk.token);
    await t.ok('frontdesk.checkIn', checkInOf(id, [1], 1), desk.token);
  });
});

describe('at the same second', () => {
  it('two clerks give the same badge: one wins, the other is told, no 500', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const [a, b] = await Promise.all([
      t.call('frontdesk.checkIn', checkInOf(id, [0], 9), desk.token),
      t.call('frontdesk.checkIn', checkInOf(id, [1], 9), r.office.token),
    ]);
    const results = [a.result, b.result];
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const lost = results.find((x) => !x.ok);
    expect(lost && !lost.ok && lost.error.key).toBe('frontdesk.errors.badgeInUse');
    expect(t.count('frontdesk_guests')).toBe(1);
  });

  it('a double-click checks in once', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r);
    const input = checkInOf(id, [0, 1]);
    const [a, b] = await Promise.all([
      t.call('frontdesk.checkIn', input, desk.token),
      t.call('frontdesk.checkIn', input, desk.token),
    ]);
    expect([a.result.ok, b.result.ok].filter(Boolean)).toHaveLength(1);
    expect(t.count('frontdesk_guests')).toBe(2);
    const events = t.rows<{ kind: string }>(
      "SELECT kind FROM request_events WHERE request_id = ? AND kind = 'checked_in'",
      id,
    );
    expect(events).toHaveLength(1);
  });
});

describe('review findings', () => {
  it('checked in before the office filed it: filing still sets up the tasks and tells the host', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r, { until: 'approved' });
    const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    expect(b.visits[0]!.status).toBe('in_progress');
    expect(t.count('tasks', 'request_id = ?', id)).toBe(0);
    const d = await t.ok('requests.get', { id }, r.office.token);
    await t.ok(
      'approvals.decide',
      { stepId: d.myStep!.stepId, version: d.myStep!.version, action: 'approve', comment: '' },
      r.office.token,
    );
    expect((await t.ok('requests.get', { id }, r.host.token)).status).toBe('in_progress');
    expect(t.count('tasks', 'request_id = ?', id)).toBeGreaterThan(0);
  });

  it('someone still inside from yesterday is not checked in twice', async () => {
    const { t, r, desk } = await setUp();
    const id = await deskVisit(t, r, { body: { departureDate: '2026-12-02' } });
    await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    await later(t, r, 24 * 60 * MINUTE);
    const before = t.snapshot();
    const err = await t.fail('frontdesk.checkIn', checkInOf(id, [0], 5), desk.token);
    expect(err.key).toBe('frontdesk.errors.alreadyIn');
    expect(t.snapshot()).toEqual(before);
  });
});
