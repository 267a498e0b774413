/**
 * Several office server processes on one PostgreSQL database (issue 14): writes run one at a
 * time across them (the advisory lock of core/queries.ts), and each process's events reach the
 * others' streams (LISTEN/NOTIFY, RelayedEventBus). Two apps here, each with its own pool and its
 * own listening connection — what two processes have; the relay goes through the server.
 * Runs in the `postgres` project (vitest.config.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from './api/dispatcher';
import type { AppEvent } from './api/events';
import { createPostgresApp, type PostgresApp } from './app-postgres';
import { makeTestApp, receptionCompany, requestBody, START_MS } from './test-support';

describe('two server processes on one PostgreSQL database', () => {
  async function twoServers() {
    const t = makeTestApp();
    const r = await receptionCompany(t);
    const url = t.postgresUrl;
    if (url === null) throw new Error('this file runs on PostgreSQL only');
    await t.app.close(); // the test app's own handles: only the two servers from here on
    const open = () =>
      createPostgresApp(url, { filesDir: path.join(t.dir, 'files'), clock: () => START_MS });
    const apps: PostgresApp[] = [await open(), await open()];
    return { t, r, apps, close: () => Promise.all(apps.map((a) => a.close())) };
  }

  it("hears the other process's events: a submit on one tells the head listening on the other", async () => {
    const { r, apps, close } = await twoServers();
    const [a, b] = apps as [PostgresApp, PostgresApp];
    try {
      const heard: AppEvent[] = [];
      b.events.subscribe((e) => heard.push(e));
      const own: AppEvent[] = [];
      a.events.subscribe((e) => own.push(e));
      const out = await dispatch(a, {
        op: 'requests.submit',
        input: { id: null, version: null, body: requestBody({ orgName: '远方客户' }) },
        token: r.host.token,
      });
      expect(out.result.ok).toBe(true);
      await expect
        .poll(() => heard.filter((e) => e.name === 'approvals.changed').length, { timeout: 5000 })
        .toBeGreaterThan(0);
      const told = heard.find((e) => e.name === 'approvals.changed');
      expect(told?.userIds).toContain(r.head.userId);
      // Once each: the process that made it delivers its own, and does not hear it back.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(own.filter((e) => e.name === 'approvals.changed')).toHaveLength(
        heard.filter((e) => e.name === 'approvals.changed').length,
      );
    } finally {
      await close();
    }
  });

  it('submit at the same moment on both without an error and without sharing a request code', async () => {
    const { t, r, apps, close } = await twoServers();
    try {
      const count = 12;
      const submitAll = (app: PostgresApp, tag: string) =>
        Promise.all(
          Array.from({ length: count }, (_, i) =>
            dispatch(app, {
              op: 'requests.submit',
              input: { id: null, version: null, body: requestBody({ orgName: `${tag} ${i}` }) },
              token: r.host.token,
            }),
          ),
        );
      const outcomes = (await Promise.all(apps.map((app, i) => submitAll(app, `进程${i}`)))).flat();
      expect(outcomes.filter((o) => !o.result.ok).map((o) => o.result)).toEqual([]);
      const codes = outcomes.map((o) =>
        o.result.ok ? (o.result.value as { code: string }).code : '',
      );
      expect(new Set(codes).size).toBe(2 * count);
      expect([...codes].sort()).toEqual(
        Array.from({ length: 2 * count }, (_, k) => `JD20261127-${String(k + 1).padStart(3, '0')}`),
      );
      expect(t.count('requests')).toBe(2 * count);
      // The audit chain stayed one chain: every entry extends the one before.
      const broken = t.rows(
        `SELECT a.id FROM audit_log a JOIN audit_log b ON b.id = (SELECT max(id) FROM audit_log WHERE id < a.id)
          WHERE a.prev_hash <> b.hash`,
      );
      expect(broken).toEqual([]);
    } finally {
      await close();
    }
  });
});
