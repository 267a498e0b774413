/**
 * The app of a twin process (requests/two-writers.child.ts, bookings/two-clerks.child.ts) on the
 * parent test's database: its SQLite file, opened without the one-process lock the parent holds
 * (the twin is the deliberate second writer whose races the test is about), or its PostgreSQL
 * database, by URL, as a second server process on it would open it. Only tests and their child
 * processes import this file (no vitest import: a child runs outside the test runner).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from './api/dispatcher';
import { EventBus } from './api/events';
import { createApp } from './app';
import { postgresApp } from './app-postgres';
import { postgresStore } from './db/postgres/open';
import { databaseUrl, TEST_STORE } from './test-postgres';

/**
 * What a twin opens to reach test app `t`'s database: its file, or on PostgreSQL the URL of the
 * test's database (asked of the database itself: the test app does not name it).
 */
export function twinTarget(t: { file: string; rows<T>(sql: string): T[] }): string {
  if (TEST_STORE === 'sqlite') return t.file;
  return databaseUrl(t.rows<{ name: string }>('SELECT current_database() AS name')[0]!.name);
}

export function openTwin(target: string, clock: () => number): App & { close(): Promise<void> } {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const filesDir = path.join(os.tmpdir(), `rm-twin-${process.pid}`);
    const app = postgresApp(postgresStore(target, { max: 4 }), { filesDir, clock }, new EventBus());
    return {
      ...app,
      async close() {
        await app.close();
        fs.rmSync(filesDir, { recursive: true, force: true });
      },
    };
  }
  return createApp(target, { clock, lock: false });
}
