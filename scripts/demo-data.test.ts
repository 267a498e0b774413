import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type RunningApp } from '../main/app';
import { dispatch } from '../main/api/dispatcher';
import { CATALOGUE, DatabaseNotEmptyError, seedDemo } from './demo-data';
import { resourceInputSchema } from '../shared/bookings';
import { ROLES } from '../shared/auth/roles';

let app: RunningApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-demo-'));
  app = createApp(path.join(dir, 'r.db'));
  return app;
}

describe('demo data', () => {
  it('creates one user per role with working, unique, generated passwords and marks the database as demo', async () => {
    const a = open();
    const logins = await seedDemo(a, false, { visits: false });
    const covered = new Set(logins.flatMap((l) => l.roles));
    for (const role of ROLES) expect(covered.has(role), role).toBe(true);
    expect(new Set(logins.map((l) => l.password)).size).toBe(logins.length);
    const first = logins[0]!;
    const signIn = await dispatch(a, {
      op: 'auth.login',
      input: { login: first.login, password: first.password },
      token: null,
    });
    expect(signIn.result.ok).toBe(true);
    if (signIn.result.ok) {
      expect((signIn.result.value as { settings: { demo: boolean } }).settings.demo).toBe(true);
    }
    const resources = await a.db.selectFrom('bookingResources').select('kind').execute();
    expect(new Set(resources.map((r) => r.kind))).toEqual(
      new Set(['vehicle', 'driver', 'room', 'hotel', 'restaurant', 'supply']),
    );
    const heads = await a.db.selectFrom('departments').select('headUserId').execute();
    expect(heads.filter((h) => h.headUserId !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('its catalogue is what the admin office could have typed (each entry passes the form’s schema)', () => {
    for (const r of CATALOGUE) expect(resourceInputSchema.parse(r)).toEqual(r);
  });

  it('refuses a database that already has users unless forced, and then adds no duplicates', async () => {
    const a = open();
    await seedDemo(a, false, { visits: false });
    const before = await a.db.selectFrom('users').select('id').execute();
    await expect(seedDemo(a, false)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    const again = await seedDemo(a, true);
    expect(again).toEqual([]);
    const after = await a.db.selectFrom('users').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('its visits go through the whole life cycle, through the operations people use', async () => {
    const a = open();
    await seedDemo(a, false);
    const requests = await a.db.selectFrom('requests').select(['status', 'arrivalDate']).execute();
    const statuses = new Set(requests.map((r) => r.status));
    for (const s of ['settled', 'reconciling', 'completed', 'filed']) {
      expect(statuses.has(s as never), s).toBe(true);
    }
    const lines = await a.db.selectFrom('expenseLines').select(['overCapFen']).execute();
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.overCapFen > 0)).toBe(true);
    const receipts = await a.db
      .selectFrom('attachments')
      .select('id')
      .where('ownerType', '=', 'expense_line')
      .execute();
    expect(receipts.length).toBe(lines.length);
    const advances = await a.db.selectFrom('expenseAdvances').select('status').execute();
    expect(advances.map((x) => x.status)).toContain('cleared');
    // Nothing happened after now: the audit log ends at the real clock.
    const last = await a.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.max('atMs').as('atMs'))
      .executeTakeFirstOrThrow();
    expect(Number(last.atMs)).toBeLessThanOrEqual(Date.now());
  }, 120_000);
});
