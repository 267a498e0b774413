import { describe, expect, it } from 'vitest';
import { ADMIN, type TestApp } from '../test-support';
import { office, waitFor, type ClientUnderTest, type Served } from './test-office';

/**
 * The event stream of a remote client against a real office server: live delivery, a restart of
 * the server (a new journal: resync), a dropped connection (resumed with Last-Event-ID: the
 * events missed are replayed), and a client that stops cleanly.
 */

const USER = (login: string) => ({
  login,
  displayName: login,
  departmentId: null,
  roles: ['host'],
  password: 'pw-123456-abc',
});

/** Whether the client got the sysadmin's notification that `login` was locked. */
const lockedSeen = (c: ClientUnderTest, login: string) =>
  c.events.some(
    (e) =>
      e.name === 'notifications.created' &&
      JSON.stringify(e.payload).includes('"kind":"account.locked"') &&
      JSON.stringify(e.payload).includes(`"login":"${login}"`),
  );

/** 5 wrong passwords lock the account; every sysadmin is notified (main/server/http.test.ts). */
async function lockOut(t: TestApp, login: string) {
  for (let i = 0; i < 5; i++) await t.call('auth.login', { login, password: 'wrong-pw' });
}

const streams = (served: Served) => served.requests.filter((r) => r.url === '/api/events');

/** After the `from`-th status, `next` came. */
const reached = (c: ClientUnderTest, from: number, ...next: string[]) =>
  c.statuses.slice(from).join(',').includes(next.join(','));

describe('remote client: events', () => {
  it('delivers events live; after a server restart it reconnects by itself and is told to resync', async () => {
    const o = await office();
    const first = await o.serve();
    const admin = o.client(first.port);
    await waitFor('the stream to open', () => admin.client.status === 'online');
    expect((await admin.client.invoke('setup.createAdmin', { ...ADMIN })).ok).toBe(true);
    expect((await admin.client.invoke('users.create', USER('carol'))).ok).toBe(true);
    // Signing in opened a new stream with the session cookie.
    await waitFor('a stream with the session', () =>
      streams(first).some((r) => typeof r.headers.cookie === 'string'),
    );

    // Over HTTPS from another desk: carol's 5 wrong passwords.
    const desk = o.client(first.port, { subscribe: false });
    for (let i = 0; i < 5; i++) {
      await desk.client.invoke('auth.login', { login: 'carol', password: 'wrong-pw' });
    }
    await waitFor('carol’s lock to be notified', () => lockedSeen(admin, 'carol'));
    expect(admin.resyncs()).toBe(0);

    // The server stops: the stream breaks, reconnecting fails, the client says it is offline.
    const before = admin.statuses.length;
    await first.stop();
    await waitFor('offline', () => reached(admin, before, 'offline'));

    // A new server process on the same port, database and certificate: the client comes back by
    // itself. The new process's journal cannot replay the old one's ids: resync.
    const second = await o.serve({ port: first.port });
    await waitFor('online again', () => reached(admin, before, 'offline', 'online'));
    await waitFor('resync', () => admin.resyncs() === 1);
    const resumed = streams(second).at(-1);
    expect(resumed?.headers['last-event-id']).toMatch(/^[0-9a-f]+\.\d+$/);
    expect(resumed?.headers.cookie).toMatch(/^__Host-rm_session=/);

    // And it is live: the next event arrives.
    expect((await admin.client.invoke('users.create', USER('dave'))).ok).toBe(true);
    await lockOut(o.t, 'dave');
    await waitFor('dave’s lock to be notified', () => lockedSeen(admin, 'dave'));
    expect(admin.resyncs()).toBe(1);
  });

  it('resumes a dropped stream with Last-Event-ID and gets what it missed, without resync', async () => {
    const o = await office();
    const proxy = await o.proxy();
    const served = await o.serve({ publicPort: proxy.port });
    proxy.target = served.port;
    const admin = o.client(proxy.port);
    expect((await admin.client.invoke('setup.createAdmin', { ...ADMIN })).ok).toBe(true);
    for (const login of ['carol', 'dave']) {
      expect((await admin.client.invoke('users.create', USER(login))).ok).toBe(true);
    }
    await lockOut(o.t, 'carol');
    await waitFor('carol’s lock to be notified', () => lockedSeen(admin, 'carol'));

    // The network goes away: the stream is cut and cannot reconnect.
    const before = admin.statuses.length;
    const opened = streams(served).length;
    proxy.pause();
    await waitFor('offline', () => reached(admin, before, 'offline'));
    // Meanwhile dave is locked out: the admin's stream is not there to get it.
    await lockOut(o.t, 'dave');
    expect(lockedSeen(admin, 'dave')).toBe(false);

    proxy.resume();
    await waitFor('dave’s lock, replayed', () => lockedSeen(admin, 'dave'));
    expect(reached(admin, before, 'offline', 'online')).toBe(true);
    expect(admin.resyncs()).toBe(0);
    // The stream that brought it back asked from the last event the client had seen.
    const resumed = streams(served).slice(opened);
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    expect(resumed.every((r) => /^[0-9a-f]+\.\d+$/.test(String(r.headers['last-event-id'])))).toBe(
      true,
    );
    // Each notification once: the replay does not repeat what the client already had.
    const kinds = admin.events.filter((e) => e.name === 'notifications.created');
    expect(kinds).toHaveLength(2);
  });

  it('stops everything on close: no stream, no reconnect, calls refused at once', async () => {
    const o = await office();
    const served = await o.serve();
    const c = o.client(served.port);
    await waitFor('the stream to open', () => served.openConnections() === 1);
    c.client.close();
    await waitFor('the stream to close', () => served.openConnections() === 0);
    const seen = served.requests.length;
    // Longer than every reconnect pause of the test client (100, 200, 400 ms).
    await new Promise((r) => setTimeout(r, 500));
    expect(served.requests.length).toBe(seen);
    expect(await c.client.invoke('auth.session', {})).toMatchObject({
      ok: false,
      error: { key: 'errors.NETWORK' },
    });
  });
});
