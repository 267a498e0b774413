import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN, makeTestApp, type TestApp } from '../test-support';
import { startServer, type RunningServer } from './http';
import { ListenConfigError } from './listen-policy';
import { selfSignedCertificate, type ServerCertificate } from './tls';

/**
 * The office server (issue 14) end to end over real sockets: TLS with a certificate the client
 * trusts only by its own copy (as a pinned self-signed certificate is), the public origin as the
 * only origin for writes, Host checks, probes, a shutdown that finishes a call in flight, and
 * event streams that resume with Last-Event-ID.
 */

const PUBLIC = 'https://reception.test:8443';
const PUBLIC_HOST = 'reception.test:8443';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface Office {
  t: TestApp;
  server: RunningServer;
  cert: ServerCertificate;
  request: (
    method: string,
    path: string,
    o?: { headers?: Record<string, string>; body?: string; host?: string },
  ) => Promise<Answer>;
}

async function startOffice(): Promise<Office> {
  const t = makeTestApp({ autoCleanup: false });
  const cert = await selfSignedCertificate(`${t.dir}/tls`, ['reception.test', '127.0.0.1']);
  const server = await startServer(t.app, {
    host: '0.0.0.0',
    port: 0,
    staticDir: t.dir,
    tls: cert,
    publicOrigin: PUBLIC,
  });
  onTestFinished(async () => {
    await server.close();
    await t.cleanup();
  });
  const request: Office['request'] = (method, path, o = {}) =>
    new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method,
          path,
          // Trusted as a pinned certificate is: this copy only, and for the public name.
          ca: cert.cert,
          servername: 'reception.test',
          headers: { Host: o.host ?? PUBLIC_HOST, ...o.headers },
          agent: false,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(o.body);
    });
  return { t, server, cert, request };
}

const json = { 'Content-Type': 'application/json' };

describe('office server', () => {
  it('refuses to listen off this machine without TLS, and listens nowhere', async () => {
    const t = makeTestApp();
    const before = await freePortCount();
    await expect(
      startServer(t.app, { host: '0.0.0.0', port: 0, staticDir: t.dir }),
    ).rejects.toBeInstanceOf(ListenConfigError);
    await expect(
      startServer(t.app, {
        host: '0.0.0.0',
        port: 0,
        staticDir: t.dir,
        tls: await selfSignedCertificate(`${t.dir}/tls`, ['localhost']),
      }),
    ).rejects.toThrow(/--public-origin/);
    expect(await freePortCount()).toBe(before);
  });

  it('speaks TLS only, with a certificate for the public name', async () => {
    const o = await startOffice();
    expect(o.server.url).toBe(PUBLIC);
    const health = await o.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true });
    // Plain HTTP to the TLS port gets no answer of the app's.
    const plain = await new Promise<string>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: o.server.port, path: '/api/health' }, (res) =>
        resolve(`status ${res.statusCode}`),
      );
      req.on('error', (e) => resolve(`error ${e.message}`));
    });
    expect(plain).not.toBe('status 200');
    // A client that does not trust this certificate refuses it (nothing is sent).
    const untrusted = await new Promise<string>((resolve) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port: o.server.port,
          path: '/api/health',
          servername: 'reception.test',
        },
        () => resolve('answered'),
      );
      req.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? e.message));
    });
    expect(untrusted).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
  });

  it('sets a Secure, HttpOnly, SameSite=Strict __Host- cookie', async () => {
    const o = await startOffice();
    const res = await o.request('POST', '/api/setup.createAdmin', {
      headers: { ...json, Origin: PUBLIC },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^__Host-rm_session=[^;]+;/);
    const attributes = cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', 'secure']),
    );
    expect(attributes.some((a) => a.startsWith('domain'))).toBe(false);
    // The cookie works for the next call.
    const session = cookie.split(';')[0] ?? '';
    const me = await o.request('POST', '/api/settings.get', {
      headers: { ...json, Origin: PUBLIC, Cookie: session },
      body: '{}',
    });
    expect(me.status).toBe(200);
  });

  it('takes writes only from the public origin, and writes nothing otherwise', async () => {
    const o = await startOffice();
    const body = JSON.stringify(ADMIN);
    for (const origin of [
      undefined,
      'https://evil.example',
      'http://reception.test:8443',
      'null',
    ]) {
      const res = await o.request('POST', '/api/setup.createAdmin', {
        headers: { ...json, ...(origin === undefined ? {} : { Origin: origin }) },
        body,
      });
      expect(res.status, String(origin)).toBe(403);
    }
    expect(o.t.count('users')).toBe(0);
    const ok = await o.request('POST', '/api/setup.createAdmin', {
      headers: { ...json, Origin: PUBLIC },
      body,
    });
    expect(ok.status).toBe(200);
    expect(o.t.count('users')).toBe(1);
  });

  it('answers only to the public name, but lets a local monitor probe by 127.0.0.1', async () => {
    const o = await startOffice();
    const local = `127.0.0.1:${o.server.port}`;
    expect((await o.request('GET', '/', { host: local })).status).toBe(421);
    expect((await o.request('GET', '/', { host: 'evil.example:8443' })).status).toBe(421);
    const write = await o.request('POST', '/api/setup.createAdmin', {
      host: local,
      headers: { ...json, Origin: PUBLIC },
      body: JSON.stringify(ADMIN),
    });
    expect(write.status).toBe(421);
    expect(o.t.count('users')).toBe(0);
    expect((await o.request('GET', '/api/health', { host: local })).status).toBe(200);
    const ready = await o.request('GET', '/api/ready', { host: local });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true });
    expect((await o.request('GET', '/api/ready', { host: 'evil.example' })).status).toBe(421);
  });

  it('finishes a write in flight when it is told to stop, then takes no new connection', async () => {
    const o = await startOffice();
    const body = JSON.stringify(ADMIN);
    const half = Math.floor(body.length / 2);
    let sent!: () => void;
    const firstHalfSent = new Promise<void>((r) => (sent = r));
    const answer = new Promise<Answer>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: o.server.port,
          method: 'POST',
          path: '/api/setup.createAdmin',
          ca: o.cert.cert,
          servername: 'reception.test',
          headers: {
            Host: PUBLIC_HOST,
            Origin: PUBLIC,
            ...json,
            'Content-Length': String(Buffer.byteLength(body)),
          },
          agent: false,
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half), () => sent());
      // The rest comes after the server was told to stop.
      void firstHalfSent.then(() =>
        setTimeout(() => {
          closing = o.server.close();
          setTimeout(() => req.end(body.slice(half)), 300);
        }, 100),
      );
    });
    let closing: Promise<void> | undefined;
    const res = await answer;
    expect(res.status).toBe(200);
    await closing;
    expect(o.t.count('users')).toBe(1);
    await expect(o.request('GET', '/api/health')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('event streams resume with Last-Event-ID', () => {
  async function loopback() {
    const t = makeTestApp({ autoCleanup: false });
    const server = await startServer(t.app, { port: 0, staticDir: t.dir, journalSize: 50 });
    onTestFinished(async () => {
      await server.close();
      await t.cleanup();
    });
    const post = async (op: string, input: unknown, cookie?: string) => {
      const res = await fetch(`${server.url}/api/${op}`, {
        method: 'POST',
        headers: { ...json, ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
      return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
    };
    return { t, server, post };
  }

  /** Reads a stream until `until` holds or `ms` passed, then drops it (as a broken connection would). */
  function readStream(
    port: number,
    headers: Record<string, string>,
    until: (text: string) => boolean,
    ms = 3000,
  ): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          if (until(text)) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (e) => (text ? resolve(text) : reject(e)));
      setTimeout(() => {
        req.destroy();
        resolve(text);
      }, ms);
    });
  }

  const lastId = (text: string) => [...text.matchAll(/^id: (.+)$/gm)].at(-1)?.[1] ?? '';

  it('replays what a client missed while away, and only its own', async () => {
    const { server, post } = await loopback();
    const admin = await post('setup.createAdmin', ADMIN);
    expect(admin.status).toBe(200);
    const first = await readStream(server.port, { Cookie: admin.cookie }, (s) =>
      s.includes('id: '),
    );
    const seen = lastId(first);
    expect(seen).toMatch(/^[0-9a-f]+\.\d+$/);

    // While the admin's stream is away, 5 wrong passwords lock a user: the admin is notified.
    const created = await post(
      'users.create',
      {
        login: 'carol',
        displayName: 'Carol',
        departmentId: null,
        roles: ['host'],
        password: 'pw-carol-123456',
      },
      admin.cookie,
    );
    expect(created.status).toBe(200);
    for (let i = 0; i < 5; i++) await post('auth.login', { login: 'carol', password: 'wrong-pw' });

    const resumed = await readStream(
      server.port,
      { Cookie: admin.cookie, 'Last-Event-ID': seen },
      (s) => s.includes('event: notifications.created'),
    );
    expect(resumed).toContain('event: notifications.created');
    expect(resumed).toMatch(/"kind":"account.locked"/);
    // Without a session the same replay carries nothing.
    const anonymous = await readStream(server.port, { 'Last-Event-ID': seen }, () => false, 500);
    expect(anonymous).not.toContain('notifications.created');
    expect(anonymous).not.toContain('resync');
  });

  it('tells a client to refetch when its last event cannot be replayed', async () => {
    const { server } = await loopback();
    const text = await readStream(server.port, { 'Last-Event-ID': 'feedface.12' }, (s) =>
      s.includes('event: resync'),
    );
    expect(text).toContain('event: resync');
  });
});

/** How many ports this process listens on (a refused start must leave none behind). */
async function freePortCount(): Promise<number> {
  const handles = (
    process as unknown as { _getActiveHandles: () => unknown[] }
  )._getActiveHandles();
  return handles.filter((h) => h instanceof net.Server && h.listening).length;
}
