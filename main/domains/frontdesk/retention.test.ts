import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyApp, databaseBytes, MINUTE, visitor, type TestApp } from '../../test-support';
import { TEST_STORE } from '../../test-postgres';
import { purgeExpiredVisitors, runRetentionIfDue } from './retention';
import { checkInOf, deskBody, deskClerk, deskVisit, later, VISIT_DAY } from './test-desk';

/** Names and phones found nowhere else, so any trace of them is a trace of these visitors. */
const OLD = {
  names: ['欧阳靖瑶', 'Quentinbravo Zylstra', '上官翎羽'],
  phones: ['13698765432', '18611112222', '15977774444'],
  idNumber: '11010519491231002X',
  walkIn: { name: '司马徽言', phone: '15077778888', purpose: '送达保密合同原件' },
  directory: { name: '慕容秋澄', phone: '17755556666' },
};
const RECENT = {
  name: '诸葛未远',
  phone: '13533332222',
  walkIn: { name: '东方既白', phone: '15288889999' },
  directory: { name: '公孙若水', phone: '17311110000' },
};

/** 2027-06-15 09:00 in Shanghai: 196 days after the visit of 2026-12-01 (kept 180 days). */
const AFTER_RETENTION_MS = Date.UTC(2027, 5, 15, 1, 0);

function oldBody() {
  return deskBody({
    visitors: [
      visitor(OLD.names[0]!, { title: '采购总监', phone: OLD.phones[0]! }),
      visitor(OLD.names[1]!, { title: 'Engineer', phone: OLD.phones[1]!, notes: '素食' }),
      {
        name: OLD.names[2]!,
        title: '工程师',
        phone: OLD.phones[2]!,
        idType: 'resident_id',
        idNumber: OLD.idNumber,
        notes: '',
      },
    ],
  });
}

/** Every text of every row of every table, one string per table. */
function allText(t: TestApp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, rows] of Object.entries(t.snapshot())) {
    out[name] = rows
      .map((row) =>
        Object.values(JSON.parse(row) as Record<string, unknown>)
          .filter((v) => typeof v === 'string')
          .join('\u0001'),
      )
      .join('\n');
  }
  return out;
}

function tablesContaining(t: TestApp, secret: string): string[] {
  return Object.entries(allText(t))
    .filter(([, text]) => text.includes(secret))
    .map(([name]) => name);
}

function money(t: TestApp) {
  return {
    requests: t.rows(
      'SELECT id, visitor_count, budget_total_fen, status FROM requests ORDER BY id',
    ),
    revisions: t.rows('SELECT id, request_id, budget FROM request_revisions ORDER BY id'),
    bookings: t.rows('SELECT id, request_id, amount_fen FROM bookings ORDER BY id'),
    guests: t.rows(
      'SELECT id, request_id, seq, day, arrived_at_ms, left_at_ms FROM frontdesk_guests',
    ),
  };
}

function insertWalkIn(t: TestApp, day: string, w: { name: string; phone: string }, hostId: number) {
  t.exec(
    `INSERT INTO frontdesk_walk_ins (day, name, org_name, phone, purpose, host_user_id, status,
       registered_by, registered_at_ms) VALUES (?, ?, '临时来访单位', ?, ?, ?, 'declined', ?, ?)`,
    day,
    w.name,
    w.phone,
    'purpose' in w ? w.purpose : '拜访',
    hostId,
    hostId,
    t.now(),
  );
}

function insertDirectory(t: TestApp, lastDay: string, p: { name: string; phone: string }) {
  t.exec(
    `INSERT INTO frontdesk_directory (name, name_key, initials, pinyin, org_name, org_key, title,
       phone, last_day, updated_at_ms) VALUES (?, ?, 'x', 'x', '华东精密', 'hdjm', '经理', ?, ?, ?)`,
    p.name,
    p.name,
    p.phone,
    lastDay,
    t.now(),
  );
}

/**
 * A visit of three on VISIT_DAY checked in and out, a booking with an amount, a declined walk-in
 * and a directory entry of that day; and a draft visit, a walk-in and a directory entry of
 * 2027-06-14 (inside the period when the clock reads AFTER_RETENTION_MS).
 */
async function setUp() {
  const { t, r } = await companyApp();
  const desk = await deskClerk(t, r);
  const recent = await t.ok(
    'requests.saveDraft',
    {
      id: null,
      version: null,
      body: deskBody({
        arrivalDate: '2027-06-10',
        departureDate: '2027-06-10',
        visitors: [visitor(RECENT.name, { phone: RECENT.phone })],
        needs: { ...deskBody().needs, meals: [] },
      }),
    },
    r.host.token,
  );
  const id = await deskVisit(t, r, { body: oldBody() });
  const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0, 1, 2]), desk.token);
  const guestIds = b.visits[0]!.guests.flatMap((g) => (g.guestId === null ? [] : [g.guestId]));
  expect(guestIds).toHaveLength(3);
  // The ID's last four, as the desk notes them.
  t.exec("UPDATE frontdesk_guests SET id_last4 = '002X' WHERE seq = 2");
  await later(t, r, 90 * MINUTE);
  await t.ok('frontdesk.checkOut', { guestIds, atMs: null }, desk.token);
  expect((await t.ok('requests.get', { id }, r.host.token)).status).toBe('completed');
  t.exec(
    `INSERT INTO bookings (request_id, kind, status, start_ms, end_ms, detail, amount_fen,
       created_by, created_at_ms, updated_at_ms)
     VALUES (?, 'restaurant', 'confirmed', ?, ?, '{}', 123456, ?, ?, ?)`,
    id,
    t.now(),
    t.now() + 60 * MINUTE,
    r.office.userId,
    t.now(),
    t.now(),
  );
  insertWalkIn(t, VISIT_DAY, OLD.walkIn, r.host.userId);
  insertDirectory(t, VISIT_DAY, OLD.directory);
  insertWalkIn(t, '2027-06-14', RECENT.walkIn, r.host.userId);
  insertDirectory(t, '2027-06-14', RECENT.directory);
  return { t, r, desk, id, recentId: recent.id };
}

const OLD_SECRETS = [
  ...OLD.names,
  ...OLD.phones,
  OLD.idNumber,
  OLD.walkIn.name,
  OLD.walkIn.phone,
  OLD.walkIn.purpose,
  OLD.directory.name,
  OLD.directory.phone,
];
const RECENT_SECRETS = [
  RECENT.name,
  RECENT.phone,
  RECENT.walkIn.name,
  RECENT.walkIn.phone,
  RECENT.directory.name,
  RECENT.directory.phone,
];

describe('the retention job', () => {
  it('leaves no purged name or phone in any table or in the file, and keeps the money', async () => {
    const { t, r, id } = await setUp();
    // Before: the secrets are there to find (the scan works).
    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).not.toEqual([]);
    // The database file's bytes are SQLite's alone (PostgreSQL keeps no file of ours to read).
    if (TEST_STORE === 'sqlite') {
      const bytesBefore = databaseBytes(t.file);
      for (const s of [OLD.names[0]!, OLD.phones[0]!]) {
        expect(bytesBefore.includes(Buffer.from(s, 'utf8')), s).toBe(true);
      }
    }
    const before = money(t);
    expect(before.bookings).toHaveLength(1);

    await later(t, r, AFTER_RETENTION_MS - t.now());
    const done = await purgeExpiredVisitors(t.app.db, t.now());
    expect(done).toEqual({
      cutoff: '2026-12-17',
      requests: 1,
      visitors: 3,
      guests: 3,
      walkIns: 1,
      // The entry inserted above, and the old visit's three visitors the directory remembered
      // when it was submitted and checked in.
      directory: 4,
      backups: 0,
    });

    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).toEqual([]);
    // The job checkpointed and truncated the log itself: the file and log hold none of them.
    if (TEST_STORE === 'sqlite') {
      const bytes = databaseBytes(t.file);
      for (const s of OLD_SECRETS) expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    }
    // Counts and amounts as they were.
    expect(money(t)).toEqual(before);
    // The visitors are still three, by place.
    const body = JSON.parse(
      t.rows<{ body: string }>('SELECT body FROM requests WHERE id = ?', id)[0]!.body,
    ) as { visitors: { name: string; phone: string; idNumber: string; idType: null }[] };
    expect(body.visitors.map((v) => [v.name, v.phone, v.idNumber, v.idType])).toEqual([
      ['访客 1', '', '', null],
      ['访客 2', '', '', null],
      ['访客 3', '', '', null],
    ]);
    expect(t.count('frontdesk_guests', 'anonymised = 1')).toBe(3);
    expect(t.count('frontdesk_walk_ins', 'anonymised = 1')).toBe(1);
    // The lists' search finds them no more.
    for (const search of [OLD.names[0]!, OLD.phones[1]!]) {
      const list = await t.ok('requests.list', { scope: 'all', search }, r.office.token);
      expect(list.items).toEqual([]);
    }
    // One audit entry for the run, with no personal data in it.
    const audit = t.rows<{ operation: string; entity_type: string; summary: string }>(
      "SELECT operation, entity_type, summary FROM audit_log WHERE entity_type = 'frontdesk_retention'",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary)).toEqual({
      keptFrom: '2026-12-17',
      retentionDays: 180,
      anonymised: 4,
    });

    // Visits inside the period are untouched.
    for (const s of RECENT_SECRETS) expect(tablesContaining(t, s), s).not.toEqual([]);

    // A second run, the same day or the next, changes nothing.
    const snap = t.snapshot();
    expect((await purgeExpiredVisitors(t.app.db, t.now())).requests).toBe(0);
    expect(t.snapshot()).toEqual(snap);
    expect(await runRetentionIfDue(t.app.db, t.now())).toBeNull();
    expect(t.snapshot()).toEqual(snap);

    // Closed and opened again, the file still holds none of them.
    await t.reopen();
    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).toEqual([]);
    if (TEST_STORE === 'sqlite') {
      const reopened = databaseBytes(t.file);
      for (const s of OLD_SECRETS) expect(reopened.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    }
  });

  it('leaves a visit inside the period as it was, and runs once a company day', async () => {
    const { t } = await setUp();
    // 2027-05-30: the cutoff is 2026-12-01, the visit's own day, still kept.
    t.advance(Date.UTC(2027, 4, 30, 1, 0) - t.now());
    const before = t.snapshot([
      'requests',
      'request_revisions',
      'frontdesk_guests',
      'frontdesk_walk_ins',
      'frontdesk_directory',
    ]);
    const first = await runRetentionIfDue(t.app.db, t.now());
    expect(first).toMatchObject({ cutoff: '2026-12-01', requests: 0, guests: 0, walkIns: 0 });
    expect(
      t.snapshot([
        'requests',
        'request_revisions',
        'frontdesk_guests',
        'frontdesk_walk_ins',
        'frontdesk_directory',
      ]),
    ).toEqual(before);
    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).not.toEqual([]);
    // Later the same day: not again.
    t.advance(8 * 60 * MINUTE);
    expect(await runRetentionIfDue(t.app.db, t.now())).toBeNull();
    // The next day the visit's day is past the cutoff.
    t.advance(24 * 60 * MINUTE);
    const next = await runRetentionIfDue(t.app.db, t.now());
    expect(next).toMatchObject({ cutoff: '2026-12-02', requests: 1, guests: 3, walkIns: 1 });
    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).toEqual([]);
    for (const s of RECENT_SECRETS) expect(tablesContaining(t, s), s).not.toEqual([]);
    expect(t.count('audit_log', "entity_type = 'frontdesk_retention'")).toBe(2);
  });

  it('follows a shorter period set in the settings', async () => {
    const { t, r } = await setUp();
    t.advance(Date.UTC(2027, 0, 20, 1, 0) - t.now());
    expect((await runRetentionIfDue(t.app.db, t.now()))?.requests).toBe(0);
    await later(t, r, MINUTE);
    await t.ok(
      'frontdesk.saveSettings',
      {
        noticeEnabled: true,
        noticeZh: '告知',
        noticeEn: 'Notice',
        retentionDays: 30,
      },
      r.office.token,
    );
    // The next day: 2027-01-21 − 30 days = 2026-12-22, after the visit.
    t.advance(24 * 60 * MINUTE);
    expect((await runRetentionIfDue(t.app.db, t.now()))?.requests).toBe(1);
    for (const s of OLD_SECRETS) expect(tablesContaining(t, s), s).toEqual([]);
  });

  it('empties an accepted walk-in’s request purpose, expired keyed answers and backups older than the period', async () => {
    const { t, r, desk } = await setUp();
    const walkIn = { name: '闻人璟瑜', phone: '15599990000', purpose: '闻人璟瑜送达保密合同原件' };
    const w = await t.ok(
      'frontdesk.registerWalkIn',
      { ...walkIn, orgName: '临时来访单位', hostUserId: r.host.userId },
      desk.token,
    );
    const answered = await t.ok(
      'frontdesk.answerWalkIn',
      { id: w.id, version: w.version, accept: true, comment: '' },
      r.host.token,
    );
    expect(answered.requestId).not.toBeNull();
    // The retroactive draft took the walk-in's purpose, which names the person.
    expect(tablesContaining(t, walkIn.purpose)).toContain('requests');
    // A keyed write's cached answer (a dossier, visitors and all), left alone for days.
    t.exec(
      `INSERT INTO idempotency_keys (user_id, key, operation, input_hash, result, created_at_ms)
       VALUES (?, 'old-key', 'requests.submit', 'h', ?, ?)`,
      r.host.userId,
      JSON.stringify({ ok: true, value: { name: OLD.names[0] } }),
      t.now(),
    );
    const backups = path.join(t.dir, 'backups');
    fs.mkdirSync(backups);
    const aged = (name: string, atMs: number) => {
      const f = path.join(backups, name);
      fs.writeFileSync(f, OLD.names[0]!);
      fs.utimesSync(f, new Date(atMs), new Date(atMs));
      return f;
    };
    const old = aged('reception-2026-12-02.db', Date.UTC(2026, 11, 2));
    const recent = aged('reception-2027-06-01.db', Date.UTC(2027, 5, 1));
    const partial = aged('reception-2027-06-14.db.partial-abc', Date.UTC(2027, 5, 14));

    await later(t, r, AFTER_RETENTION_MS - t.now());
    const done = await purgeExpiredVisitors(t.app.db, t.now(), { backupDir: backups });
    expect(done).toMatchObject({ requests: 2, walkIns: 2, backups: 1 });
    expect(tablesContaining(t, walkIn.purpose)).toEqual([]);
    expect(tablesContaining(t, walkIn.name)).toEqual([]);
    expect(t.count('idempotency_keys', "key = 'old-key'")).toBe(0);
    // Older than the period: gone, with the leftover of an interrupted copy; inside it: kept.
    expect([old, recent, partial].map((f) => fs.existsSync(f))).toEqual([false, true, false]);
    const bytes = databaseBytes(t.file);
    for (const s of [walkIn.name, walkIn.phone]) {
      expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    }
  });
});
