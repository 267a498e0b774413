import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETENTION_DAYS } from '../shared/frontdesk';
import { backupsDirFor, newBackupId } from './db/backup-folder';
import { filedVisit } from './domains/tasks/test-visit';
import { startScheduler } from './scheduler';
import { companyApp, notificationKinds, requestBody } from './test-support';

const DAY = 86_400_000;

describe('the scheduler', () => {
  it('a tick reminds what fell due on the app clock, once', async () => {
    const { t, r } = await companyApp();
    await filedVisit(t, r, { needs: { ...requestBody().needs, meetingRoom: false } });
    const s = startScheduler(t.app, { everyMs: null });
    await s.tick();
    expect(notificationKinds(t, r.host.userId)).not.toContain('task.due');
    t.advance(Date.parse('2026-12-01T08:30:00+08:00') - t.now());
    await Promise.all([s.tick(), s.tick()]);
    await s.tick();
    expect(notificationKinds(t, r.host.userId).filter((k) => k === 'task.due')).toHaveLength(1);
    await s.stop();
  });

  it('runs the retention job on the first tick of each company day', async () => {
    const { t } = await companyApp();
    const s = startScheduler(t.app, { everyMs: null });
    const runs = () => t.count('audit_log', "entity_type = 'frontdesk_retention'");
    await s.tick();
    await s.tick();
    expect(runs()).toBe(1);
    t.advance(24 * 3_600_000);
    await s.tick();
    await s.tick();
    expect(runs()).toBe(2);
    await s.stop();
  });

  it('the retention job removes the backups older than the period, and only those', async () => {
    const { t } = await companyApp();
    const file = t.app.host?.file;
    if (!file) throw new Error('the test app has no database file');
    const dir = backupsDirFor(file);
    fs.mkdirSync(dir, { recursive: true });
    const nowMs = t.now();
    const old = path.join(dir, newBackupId('daily', nowMs - (DEFAULT_RETENTION_DAYS + 2) * DAY));
    const recent = path.join(dir, newBackupId('daily', nowMs - 2 * DAY));
    for (const [f, atMs] of [
      [old, nowMs - (DEFAULT_RETENTION_DAYS + 2) * DAY],
      [recent, nowMs - 2 * DAY],
    ] as const) {
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, atMs / 1000, atMs / 1000);
    }
    const s = startScheduler(t.app, { everyMs: null });
    await s.tick();
    await s.stop();
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
  });

  it('never throws: a failed round is logged and the next one runs', async () => {
    const { t } = await companyApp();
    const s = startScheduler(t.app, { everyMs: null });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t.app.sqlite.exec('ALTER TABLE tasks RENAME TO tasks_gone');
    await expect(s.tick()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    t.app.sqlite.exec('ALTER TABLE tasks_gone RENAME TO tasks');
    await expect(s.tick()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    await s.stop();
    await s.tick(); // stopped: nothing runs
  });

  it('ticks on its own timer until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { t } = await companyApp();
      const s = startScheduler(t.app, { everyMs: 1000 });
      const seen: number[] = [];
      const original = t.app.clock;
      t.app.clock = () => {
        seen.push(1);
        return original();
      };
      for (let i = 0; i < 3; i++) {
        vi.advanceTimersByTime(1000);
        await s.tick(); // joins the round the timer started: rounds never overlap
      }
      expect(seen.length).toBe(3);
      await s.stop();
      vi.advanceTimersByTime(3000);
      expect(seen.length).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
