import type { App } from './api/dispatcher';
import { backupsDirFor } from './db/backup-folder';
import { sweepDueTasks } from './domains/tasks';

/** How often the app looks for work that fell due (task reminders). */
export const TICK_MS = 30_000;

export interface Scheduler {
  /**
   * One round now, on the app's clock (tests and journeys freeze and move it). Never rejects: a
   * failure is logged and the next round tries again. Rounds never overlap.
   */
  tick: () => Promise<void>;
  /** No more rounds; resolves once a round under way has finished. */
  stop: () => Promise<void>;
}

/**
 * The app's one timer: every `everyMs` it reminds the owners of tasks that fell due, and on the
 * first round of each company day it anonymises visitors kept past the retention period, and makes
 * the daily backup when the last is older than 20 hours (domains/backups). Browser
 * mode (main/server/cli.ts) and the desktop app (main/electron/main.ts) start it once the
 * database is open and stop it before closing it. `everyMs: null` starts no timer: the caller
 * runs `tick` itself (the journeys' test server).
 */
export function startScheduler(app: App, options: { everyMs?: number | null } = {}): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = async () => {
    const nowMs = app.clock();
    try {
      await sweepDueTasks(app, nowMs);
    } catch (e) {
      console.error('the task reminder round failed; the next one tries again', e);
    }
    try {
      // Once per company day (the first round of the day); the other rounds return at once.
      // Loaded on first use: imported from here at start-up, the front desk would load the
      // requests domain before approvals, and attachments would meet it half-loaded (a cycle the
      // dispatcher's order of domains avoids).
      // Backups older than the period hold the visitors it anonymised: they go too (PIPL).
      const { runRetentionIfDue } = await import('./domains/frontdesk');
      // Not on a damaged file's stand-in (recovery mode): its settings are the defaults, not the
      // company's, and the backups are what the recovery screen offers.
      const file = app.host?.damaged ? null : app.host?.file;
      await runRetentionIfDue(app.db, nowMs, file ? { backupDir: backupsDirFor(file) } : {});
    } catch (e) {
      console.error('the retention job failed; the next round tries again', e);
    }
    try {
      // The daily backup (issue 13): the first round when the last one is old enough.
      const { runBackupIfDue } = await import('./domains/backups');
      await runBackupIfDue(app, nowMs);
    } catch (e) {
      console.error('the daily backup failed; the next round tries again', e);
    }
  };
  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const everyMs = options.everyMs === undefined ? TICK_MS : options.everyMs;
  const timer = everyMs === null ? null : setInterval(() => void tick(), everyMs);
  // The timer alone must not keep a process alive that has nothing else to do.
  timer?.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
