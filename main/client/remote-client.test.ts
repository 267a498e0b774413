import type net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it, onTestFinished } from 'vitest';
import { selfSignedCertificate } from '../server/tls';
import { ADMIN } from '../test-support';
import { createRemoteClient, RETRY_DELAYS_MS } from './remote-client';
import { CERTIFICATE_CHANGED_KEY, CERTIFICATE_UNTRUSTED_KEY } from './results';
import { NAME, office, testLookup, waitFor, type Served } from './test-office';

/** `invoke` against a real office server over TLS: the session, the pin, failures as values. */

const sessionCookieOf = (served: Served, op: string): string | undefined => {
  const cookie = served.requests.filter((r) => r.url === `/api/${op}`).at(-1)?.headers.cookie;
  return Array.isArray(cookie) ? cookie.join('; ') : cookie;
};

describe('remote client: calls', () => {
  it('signs in, sends the session cookie with each call, and forgets it on sign-out', async () => {
    const o = await office();
    const served = await o.serve();
    const { client, statuses } = o.client(served.port, { subscribe: false });

    const setup = await client.invoke('setup.createAdmin', { ...ADMIN });
    expect(setup.ok).toBe(true);
    const first = served.requests.at(-1);
    expect(first?.headers.origin).toBe(`https://${NAME}:${served.port}`);
    expect(first?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.headers.cookie).toBeUndefined();

    const me = await client.invoke('auth.session', {});
    expect(me).toMatchObject({ ok: true, value: { user: { login: 'admin' } } });
    const cookie = sessionCookieOf(served, 'auth.session');
    expect(cookie).toMatch(/^__Host-rm_session=[^;]+$/);
    expect(statuses).toEqual(['online']);
    // The token stays inside: nothing the client exposes carries it.
    const token = cookie?.split('=')[1] ?? '';
    expect(JSON.stringify({ ...client })).not.toContain(token);

    expect((await client.invoke('auth.logout', {})).ok).toBe(true);
    const after = await client.invoke('settings.get', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(sessionCookieOf(served, 'settings.get')).toBeUndefined();

    const login = await client.invoke('auth.login', {
      login: ADMIN.login,
      password: ADMIN.password,
    });
    expect(login.ok).toBe(true);
    expect((await client.invoke('settings.get', {})).ok).toBe(true);
    const again = sessionCookieOf(served, 'settings.get');
    expect(again).toMatch(/^__Host-rm_session=/);
    expect(again).not.toBe(cookie);
  });

  it('answers refusals of its own without a round trip, and never throws', async () => {
    const o = await office();
    const served = await o.serve();
    const { client } = o.client(served.port, { subscribe: false });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await client.invoke('no.such.op', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(await client.invoke('settings.get', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await client.invoke('settings.get', {}, { idempotencyKey: 'has spaces' })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT' } },
    );
    expect(served.requests).toEqual([]);
  });

  it('refuses a server with another certificate for the same name, and sends it nothing', async () => {
    const o = await office();
    const other = await selfSignedCertificate(path.join(o.t.dir, 'other-tls'), [NAME]);
    expect(other.fingerprint256).not.toBe(o.cert.fingerprint256);
    const served = await o.serve({ cert: other });
    const { client, statuses } = o.client(served.port);

    const result = await client.invoke('setup.createAdmin', { ...ADMIN });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', key: CERTIFICATE_CHANGED_KEY },
    });
    if (!result.ok) expect(result.error.message).toMatch(/证书已更改|certificate has changed/);
    expect(client.status).toBe('certificate-changed');
    // The event stream is refused the same way; neither it nor the call is ever retried into a
    // request.
    await waitFor('the stream to be refused', () => served.openConnections() === 0);
    expect(statuses).toContain('certificate-changed');
    expect(statuses).not.toContain('online');
    expect(served.requests).toEqual([]);
    expect(served.handshakes()).toBe(0);
    expect(o.t.count('users')).toBe(0);
  });

  it('without a pin, refuses a self-signed certificate', async () => {
    const o = await office();
    const served = await o.serve();
    const { client } = o.client(served.port, { pinnedCertPem: undefined, subscribe: false });
    const result = await client.invoke('system.health', {});
    expect(result).toMatchObject({ ok: false, error: { key: CERTIFICATE_UNTRUSTED_KEY } });
    expect(client.status).toBe('certificate-untrusted');
    expect(served.requests).toEqual([]);
  });

  it('refuses a configuration that cannot be trusted', () => {
    const base = { origin: `https://${NAME}:8443`, lookup: testLookup };
    expect(() => createRemoteClient({ ...base, origin: `http://${NAME}:8443` })).toThrow(/https/);
    expect(() => createRemoteClient({ ...base, pinnedFingerprint256: 'AA:BB' })).toThrow(
      /needs its certificate/,
    );
    expect(() => createRemoteClient({ ...base, pinnedCertPem: 'not a certificate' })).toThrow(
      /PEM/,
    );
  });

  it('fails fast with the network result when the server is down, and queues nothing', async () => {
    const o = await office();
    const first = await o.serve();
    const { client, statuses } = o.client(first.port, { subscribe: false });
    expect((await client.invoke('setup.createAdmin', { ...ADMIN })).ok).toBe(true);
    await first.stop();

    const started = Date.now();
    const result = await client.invoke('departments.create', { name: '销售部', headUserId: null });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', key: 'errors.NETWORK', params: { cause: 'ECONNREFUSED' } },
    });
    // Retried (the renderer's pauses), then given up: seconds, not the call timeout.
    const budget = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(elapsed).toBeGreaterThanOrEqual(budget - 50);
    expect(elapsed).toBeLessThan(budget + 3000);
    expect(statuses).toEqual(['online', 'offline']);

    // The server comes back: the client works again, and the refused write was not kept to be
    // sent later.
    const second = await o.serve({ port: first.port });
    expect((await client.invoke('auth.session', {})).ok).toBe(true);
    expect(statuses).toEqual(['online', 'offline', 'online']);
    expect(second.requests.map((r) => r.url)).toEqual(['/api/auth.session']);
    expect(o.t.count('departments')).toBe(0);
  });

  it('retries a write whose answer was lost with the same key, and it is done once', async () => {
    const o = await office();
    const proxy = await o.proxy();
    const served = await o.serve({ publicPort: proxy.port });
    proxy.target = served.port;
    const { client } = o.client(proxy.port, { subscribe: false });
    expect((await client.invoke('setup.createAdmin', { ...ADMIN })).ok).toBe(true);

    proxy.dropNextAnswer();
    const input = { name: '销售部', headUserId: null };
    const result = await client.invoke('departments.create', input);
    expect(result).toMatchObject({ ok: true, value: { name: '销售部' } });
    expect(proxy.dropped()).toBe(1);
    // The server got the write twice, with one key; the second got the first's answer.
    const writes = served.requests.filter((r) => r.url === '/api/departments.create');
    expect(writes).toHaveLength(2);
    expect(writes[1]?.headers['idempotency-key']).toBe(writes[0]?.headers['idempotency-key']);
    expect(o.t.count('departments')).toBe(1);

    // A caller retrying the call itself with that key gets the same answer, and no second row.
    const key = String(writes[0]?.headers['idempotency-key']);
    const retried = await client.invoke('departments.create', input, { idempotencyKey: key });
    expect(retried).toEqual(result);
    expect(o.t.count('departments')).toBe(1);
  });

  it('gives up on a server that never answers after the per-call timeout, retrying with one key', async () => {
    const o = await office();
    // Completes the handshake, reads the request, and says nothing.
    const keys: string[] = [];
    const sockets = new Set<net.Socket>();
    const silent = tls.createServer({ cert: o.cert.cert, key: o.cert.key }, (socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      let head = '';
      socket.on('data', (d: Buffer) => {
        head += d.toString('latin1');
        const key = /\r\nidempotency-key: (\S+)\r\n/i.exec(head)?.[1];
        if (key && head.includes('\r\n\r\n')) {
          keys.push(key);
          head = '';
        }
      });
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as net.AddressInfo;
    const { client, statuses } = o.client(port, {
      subscribe: false,
      timeoutMs: 400,
      retryDelaysMs: [50],
    });
    const started = Date.now();
    const result = await client.invoke('auth.session', {});
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'errors.NETWORK', params: { cause: 'ETIMEDOUT' } },
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(statuses).toEqual(['offline']);
  });
});
