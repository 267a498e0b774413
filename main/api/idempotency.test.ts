import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackupView } from '../../shared/backups/contract';
import { backupsDirFor, listBackupEntries } from '../db/backup-folder';
import type { RequestDossier } from '../../shared/requests';
import type { Result } from '../../shared/result';
import { IDEMPOTENCY_TTL_MS } from '../domains/auth';
import { sqliteOnly } from '../test-postgres';
import { companyApp, HOUR, newRequest, signedInUser, signIn, type TestApp } from '../test-support';
import { dispatch } from './dispatcher';
import { failingInserts } from './test-failing-write';

/** A dispatcher call with an idempotency key beside the input. */
async function keyed(t: TestApp, op: string, input: unknown, token: string, key: string) {
  return (await dispatch(t.app, { op, input, token, idempotencyKey: key })).result;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const submits = (t: TestApp) => t.count('audit_log', "operation = 'requests.submit'");

describe('idempotency keys on writes', () => {
  it('a retry with the same key returns the first answer and writes nothing', async () => {
    const { t, r } = await companyApp();
    const first = await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-1');
    const dossier = value<RequestDossier>(first);
    expect(t.count('requests')).toBe(1);
    expect(submits(t)).toBe(1);
    const before = t.snapshot();

    const again = await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-1');
    expect(value<RequestDossier>(again).code).toBe(dossier.code);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(t.snapshot()).toEqual(before);
    expect(t.count('requests')).toBe(1);
    expect(submits(t)).toBe(1);
  });

  it('a different key is a different call', async () => {
    const { t, r } = await companyApp();
    const a = value<RequestDossier>(
      await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-a'),
    );
    const b = value<RequestDossier>(
      await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-b'),
    );
    expect(b.code).not.toBe(a.code);
    expect(t.count('requests')).toBe(2);
    expect(submits(t)).toBe(2);
  });

  it('without a key nothing changes: two calls, two requests', async () => {
    const { t, r } = await companyApp();
    await t.ok('requests.submit', newRequest(), r.host.token);
    await t.ok('requests.submit', newRequest(), r.host.token);
    expect(t.count('requests')).toBe(2);
  });

  it('the same key with another input or operation is refused, writing nothing', async () => {
    const { t, r } = await companyApp();
    value(await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-x'));
    const before = t.snapshot();
    const other = await keyed(
      t,
      'requests.submit',
      newRequest({ purpose: '另一次来访' }),
      r.host.token,
      'key-x',
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const draft = await keyed(t, 'requests.saveDraft', newRequest(), r.host.token, 'key-x');
    expect(draft).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('keys are per user: another user reusing a key gets their own answer', async () => {
    const { t, r } = await companyApp();
    const mine = value<RequestDossier>(
      await keyed(t, 'requests.submit', newRequest(), r.host.token, 'shared'),
    );
    const other = await signedInUser(t, r.admin.token, {
      login: 'host2',
      roles: ['host'],
      departmentId: r.departmentId,
    });
    const theirs = value<RequestDossier>(
      await keyed(t, 'requests.submit', newRequest(), other.token, 'shared'),
    );
    expect(theirs.code).not.toBe(mine.code);
    expect(t.count('requests')).toBe(2);
  });

  it('a call that failed and rolled back can be retried with the same key', async () => {
    const { t, r } = await companyApp();
    const removeTrigger = failingInserts(t, 'fail_once', 'requests', 'disk trouble');
    try {
      const failed = await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-r');
      expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(t.count('requests')).toBe(0);
      expect(t.count('idempotency_keys')).toBe(0);
    } finally {
      removeTrigger();
    }
    value(await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-r'));
    value(await keyed(t, 'requests.submit', newRequest(), r.host.token, 'key-r'));
    expect(t.count('requests')).toBe(1);
    expect(submits(t)).toBe(1);
  });

  it('a failure whose writes stand is replayed, not counted again', async () => {
    const { t, r } = await companyApp();
    const input = { currentPassword: 'not-my-password', newPassword: 'brand-new-pass-1' };
    const audits = () => t.count('audit_log', "operation = 'auth.changePassword'");
    const first = await keyed(t, 'auth.changePassword', input, r.host.token, 'pw-1');
    expect(first.ok).toBe(false);
    const counted = audits();
    const before = t.snapshot();
    expect(await keyed(t, 'auth.changePassword', input, r.host.token, 'pw-1')).toEqual(first);
    expect(audits()).toBe(counted);
    expect(t.snapshot()).toEqual(before);
  });

  it('keys expire after a day and are purged by later keyed writes', async () => {
    const { t, r } = await companyApp();
    value(await keyed(t, 'requests.submit', newRequest(), r.host.token, 'old'));
    expect(t.count('idempotency_keys')).toBe(1);
    t.advance(IDEMPOTENCY_TTL_MS + HOUR);
    // Sign in again: a day later the session has expired.
    const token = await signIn(t, 'host');
    value(await keyed(t, 'requests.submit', newRequest(), token, 'new'));
    expect(t.rows('SELECT key FROM idempotency_keys')).toEqual([{ key: 'new' }]);
  });

  it('refuses a malformed key before doing anything', async () => {
    const { t, r } = await companyApp();
    for (const key of ['', 'x'.repeat(129), 'has space', 'ключ']) {
      const result = await keyed(t, 'requests.submit', newRequest(), r.host.token, key);
      expect(result, key).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(t.count('requests')).toBe(0);
  });

  it('reads ignore the key', async () => {
    const { t, r } = await companyApp();
    expect((await keyed(t, 'settings.get', {}, r.host.token, 'k')).ok).toBe(true);
    expect((await keyed(t, 'settings.get', {}, r.host.token, 'k')).ok).toBe(true);
    expect(t.count('idempotency_keys')).toBe(0);
  });

  // A backup of SQLite's file: on PostgreSQL backups.create refuses (pg_dump is the backup).
  it.skipIf(sqliteOnly)(
    'work after the commit (a backup) is answered whole, and a failure there leaves the key free',
    async () => {
      const { t, r } = await companyApp();
      // The backups folder cannot be made: a file stands where it would be.
      const dir = backupsDirFor(t.file);
      fs.writeFileSync(dir, 'in the way');
      const failed = await keyed(t, 'backups.create', {}, r.admin.token, 'backup-1');
      expect(failed.ok).toBe(false);
      expect(t.count('idempotency_keys')).toBe(0);

      // The retry runs again, and its answer names the backup it made.
      fs.rmSync(dir);
      const made = value<BackupView>(
        await keyed(t, 'backups.create', {}, r.admin.token, 'backup-1'),
      );
      expect(made.id).toMatch(/\S/);
      expect(listBackupEntries(dir).map((b) => b.id)).toEqual([made.id]);

      // A second retry: the same answer, whole, and no second backup.
      const again = await keyed(t, 'backups.create', {}, r.admin.token, 'backup-1');
      expect(again).toEqual({ ok: true, value: JSON.parse(JSON.stringify(made)) });
      expect(listBackupEntries(dir)).toHaveLength(1);
    },
  );
});
