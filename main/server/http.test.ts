import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { LATEST_VERSION } from '../db/migrations';
import { ADMIN, USER_PASSWORD, makeTestApp, type TestApp } from '../test-support';
import { acceptedEncodings, BODY_LIMIT_BYTES, isHashedAsset, startServer } from './http';
import { UPLOAD_BODY_LIMIT_BYTES } from '../../shared/attachments';

const INDEX_HTML = '<!doctype html><title>Reception Manager test index</title>';
const SECRET = 'TOP-SECRET-MARKER-7f3a';

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent (still compressed when the server chose an encoding). */
  body: Buffer;
  text: string;
  json: () => unknown;
}

interface RequestOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function request(
  port: number,
  method: string,
  pathName: string,
  options: RequestOptions = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathName, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: () => JSON.parse(text) as unknown,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function cookieOf(res: Response): string | null {
  const header = res.headers['set-cookie']?.[0];
  return header ? (header.split(';')[0] ?? null) : null;
}

interface Harness {
  t: TestApp;
  port: number;
  url: string;
  root: string;
  server: http.Server | undefined;
  post: (op: string, input: unknown, cookie?: string | null) => Promise<Response>;
}

/** A real server on a free port over a temp database, with a temp static folder. */
async function startTestServer(): Promise<Harness> {
  const t = makeTestApp({ autoCleanup: false });
  const root = path.join(t.dir, 'www');
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  // Files that must never be served: next to and above the static folder.
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  fs.mkdirSync(path.join(root, 'static-private'));
  fs.writeFileSync(path.join(root, 'static-private', 'keys.txt'), SECRET);

  let server: http.Server | undefined;
  const spy = vi.spyOn(http, 'createServer');
  let running;
  try {
    running = await startServer(t.app, { port: 0, staticDir });
    server = spy.mock.results[0]?.value as http.Server | undefined;
  } finally {
    spy.mockRestore();
  }
  const { port, url, close } = running;
  onTestFinished(async () => {
    await close();
    await t.cleanup();
  });
  const post = (op: string, input: unknown, cookie?: string | null) =>
    request(port, 'POST', `/api/${op}`, {
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input),
    });
  return { t, port, url, root, server, post };
}

async function setupAdmin(h: Harness): Promise<string> {
  const res = await h.post('setup.createAdmin', { ...ADMIN });
  expect(res.status).toBe(200);
  const cookie = cookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function createAndSignIn(h: Harness, adminCookie: string, login: string, roles: string[]) {
  const created = await h.post(
    'users.create',
    { login, displayName: login, departmentId: null, roles, password: USER_PASSWORD },
    adminCookie,
  );
  expect(created.status).toBe(200);
  const res = await h.post('auth.login', { login, password: USER_PASSWORD });
  expect(res.status).toBe(200);
  const cookie = cookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

function connectOutcome(host: string, port: number): Promise<'connected' | 'refused' | 'timeout'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 2000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve('refused');
    });
  });
}

interface EventStream {
  text: () => string;
  waitFor: (needle: string, ms?: number) => Promise<void>;
}

function openEvents(port: number, cookie: string | null): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const waiters: (() => void)[] = [];
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: cookie ? { Cookie: cookie } : {},
      },
      (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (const w of waiters.splice(0)) w();
        });
        res.on('error', () => undefined);
        const stream: EventStream = {
          text: () => buffer,
          waitFor: (needle, ms = 3000) =>
            new Promise((ok, fail) => {
              const deadline = setTimeout(
                () => fail(new Error(`no ${JSON.stringify(needle)} in ${JSON.stringify(buffer)}`)),
                ms,
              );
              const check = () => {
                if (buffer.includes(needle)) {
                  clearTimeout(deadline);
                  ok();
                } else waiters.push(check);
              };
              check();
            }),
        };
        resolve(stream);
      },
    );
    req.on('error', (e) => {
      if (buffer === '') reject(e);
    });
    onTestFinished(() => {
      req.destroy();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('browser-mode HTTP server', () => {
  it('GET /api/health answers {"ok":true,"value":{"schemaVersion":…,"sqlite":"x.y.z"}}', async () => {
    const h = await startTestServer();
    const res = await request(h.port, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const probe = new BetterSqlite3(':memory:');
    const sqlite = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    probe.close();
    expect(sqlite).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.text).toBe(
      JSON.stringify({ ok: true, value: { schemaVersion: LATEST_VERSION, sqlite } }),
    );
    expect(LATEST_VERSION).toBe(210);
  });

  it('listens on 127.0.0.1 only', async () => {
    const h = await startTestServer();
    expect(h.url).toBe(`http://127.0.0.1:${h.port}`);
    const address = h.server?.address() as AddressInfo | null | undefined;
    expect(address?.address).toBe('127.0.0.1');
    expect(address?.port).toBe(h.port);
    expect(await connectOutcome('127.0.0.1', h.port)).toBe('connected');
    expect(await connectOutcome('::1', h.port)).not.toBe('connected');

    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
      .map((i) => i?.address ?? '');
    if (external.length === 0) {
      console.info(
        'http.test: no non-loopback IPv4 interface on this machine; skipped the check that the server cannot be reached on one.',
      );
    }
    for (const addr of external) {
      expect(await connectOutcome(addr, h.port), addr).not.toBe('connected');
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and clears it on logout', async () => {
    const h = await startTestServer();
    const res = await h.post('setup.createAdmin', { ...ADMIN });
    const header = res.headers['set-cookie']?.[0] ?? '';
    expect(header).toMatch(/^rm_session=[^;]{20,};/);
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');

    const cookie = cookieOf(res);
    const session = await h.post('auth.session', {}, cookie);
    expect(session.json()).toMatchObject({ ok: true, value: { user: { login: ADMIN.login } } });

    const logout = await h.post('auth.logout', {}, cookie);
    expect(logout.headers['set-cookie']?.[0]).toMatch(/^rm_session=;.*Max-Age=0/);
    expect((await h.post('settings.get', {}, cookie)).status).toBe(401);
  });

  it('refuses a body over 256 KiB with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const h = await startTestServer();
    const body = JSON.stringify({ ...ADMIN, companyName: 'x'.repeat(BODY_LIMIT_BYTES) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(256 * 1024);
    const res = await request(h.port, 'POST', '/api/setup.createAdmin', {
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(h.t.count('users')).toBe(0);
    expect(h.t.count('audit_log')).toBe(0);
  });

  it('accepts a body of exactly 256 KiB (the limit itself)', async () => {
    const h = await startTestServer();
    const skeleton = JSON.stringify({ ...ADMIN, companyName: '' });
    const body = JSON.stringify({
      ...ADMIN,
      companyName: 'x'.repeat(BODY_LIMIT_BYTES - Buffer.byteLength(skeleton)),
    });
    expect(Buffer.byteLength(body)).toBe(BODY_LIMIT_BYTES);
    const res = await request(h.port, 'POST', '/api/setup.createAdmin', {
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    // Read and validated: the company name is too long, which is a field error, not a 413.
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { companyName: { key: 'validation.tooLong' } } },
    });
  });

  it('gives an upload its own larger body limit (and no other operation)', async () => {
    const h = await startTestServer();
    const input = (size: number) =>
      JSON.stringify({
        ownerType: 'request',
        ownerId: 1,
        fileName: 'a.pdf',
        dataBase64: 'A'.repeat(size),
      });
    const post = (op: string, body: string) =>
      request(h.port, 'POST', `/api/${op}`, {
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    // 1 MB: read and passed on (no session: 401), where any other operation stops at 413.
    expect((await post('attachments.upload', input(1_000_000))).status).toBe(401);
    expect((await post('attachments.remove', input(1_000_000))).status).toBe(413);
    const res = await post('attachments.upload', input(UPLOAD_BODY_LIMIT_BYTES));
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers a forbidden operation with 403 FORBIDDEN', async () => {
    const h = await startTestServer();
    const admin = await setupAdmin(h);
    const host = await createAndSignIn(h, admin, 'host1', ['host']);
    const users = h.t.count('users');
    const res = await h.post(
      'users.create',
      {
        login: 'evil',
        displayName: 'x',
        departmentId: null,
        roles: ['sysadmin'],
        password: 'password-1',
      },
      host,
    );
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.t.count('users')).toBe(users);
  });

  it('maps other error codes to HTTP statuses (401, 400, 404)', async () => {
    const h = await startTestServer();
    await setupAdmin(h);
    const unauth = await h.post('users.list', {});
    expect([unauth.status, (unauth.json() as { error: { code: string } }).error.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
    expect((await h.post('auth.login', { login: 1 })).status).toBe(400);
    expect((await h.post('no.such', {})).status).toBe(404);
    const badJson = await request(h.port, 'POST', '/api/auth.login', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"login":',
    });
    expect(badJson.status).toBe(400);
  });

  it('refuses a request from a foreign Origin with 403 and writes nothing', async () => {
    const h = await startTestServer();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${h.port + 1}`]) {
      const res = await request(h.port, 'POST', '/api/setup.createAdmin', {
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify(ADMIN),
      });
      expect(res.status, origin).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(h.t.count('users')).toBe(0);
    expect(h.t.count('audit_log')).toBe(0);
    const same = await request(h.port, 'POST', '/api/setup.createAdmin', {
      headers: { 'Content-Type': 'application/json', Origin: h.url },
      body: JSON.stringify(ADMIN),
    });
    expect(same.status).toBe(200);
  });

  it('refuses a wrong Host header with 421 (DNS rebinding)', async () => {
    const h = await startTestServer();
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`]) {
      for (const target of ['/api/health', '/', '/index.html']) {
        const res = await request(h.port, 'GET', target, { headers: { Host: host } });
        expect(res.status, `${host} ${target}`).toBe(421);
        expect(res.text).not.toContain(INDEX_HTML);
      }
    }
    const post = await request(h.port, 'POST', '/api/setup.createAdmin', {
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(post.status).toBe(421);
    expect(h.t.count('users')).toBe(0);
    const ok = await request(h.port, 'GET', '/api/health', {
      headers: { Host: `localhost:${h.port}` },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a body that is not JSON with 415 and writes nothing', async () => {
    const h = await startTestServer();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await request(h.port, 'POST', '/api/setup.createAdmin', {
        headers: { 'Content-Type': type },
        body: JSON.stringify(ADMIN),
      });
      expect(res.status, type).toBe(415);
    }
    const none = await request(h.port, 'POST', '/api/setup.createAdmin', {
      body: JSON.stringify(ADMIN),
    });
    expect(none.status).toBe(415);
    expect(h.t.count('users')).toBe(0);
  });

  it('answers GET (and other methods) on /api/<op> with 405 and Allow: POST', async () => {
    const h = await startTestServer();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await request(h.port, method, '/api/auth.session');
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
    expect((await request(h.port, 'GET', '/api/setup.createAdmin')).status).toBe(405);
    expect(h.t.count('users')).toBe(0);
  });

  it('serves the renderer with a Content-Security-Policy and falls back to index.html', async () => {
    const h = await startTestServer();
    const index = await request(h.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.text).toBe(INDEX_HTML);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    const js = await request(h.port, 'GET', '/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    const route = await request(h.port, 'GET', '/users/42');
    expect(route.text).toBe(INDEX_HTML);
  });

  it('does not leak files outside the static folder through path traversal', async () => {
    const h = await startTestServer();
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/static/../package.json',
      '/..%2fstatic-private%2fkeys.txt',
      '/%2e%2e%2fstatic-private/keys.txt',
      `/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..${encodeURIComponent(path.join(h.root, 'package.json'))}`,
      `/${encodeURIComponent(path.join(h.root, 'package.json'))}`,
    ];
    for (const target of attempts) {
      const res = await request(h.port, 'GET', target);
      expect(res.text, target).not.toContain(SECRET);
      expect([200, 400, 403, 404], `${target} → ${res.status}`).toContain(res.status);
      if (res.status === 200) expect(res.text, target).toBe(INDEX_HTML);
    }
  });

  it('answers a malformed percent-escape in the path or cookie as a client error (4xx), not 500', async () => {
    const h = await startTestServer();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const page = await request(h.port, 'GET', '/%E0%A4%A');
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.status).toBeLessThan(500);
      const op = await request(h.port, 'POST', '/api/%E0%A4%A', {
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(op.status).toBe(404);
      const cookie = await request(h.port, 'POST', '/api/settings.get', {
        headers: { 'Content-Type': 'application/json', Cookie: 'rm_session=%E0' },
        body: '{}',
      });
      expect(cookie.status).toBe(401);
    } finally {
      consoleError.mockRestore();
    }
  });

  it("delivers a 'notifications.created' event over /api/events only to the right user's session", async () => {
    const h = await startTestServer();
    const admin = await setupAdmin(h);
    const host = await createAndSignIn(h, admin, 'host1', ['host']);
    const created = await h.post(
      'users.create',
      {
        login: 'carol',
        displayName: 'Carol',
        departmentId: null,
        roles: ['host'],
        password: USER_PASSWORD,
      },
      admin,
    );
    expect(created.status).toBe(200);

    const hostStream = await openEvents(h.port, host);
    const anonymous = await openEvents(h.port, null);
    const adminStream = await openEvents(h.port, admin);
    for (const s of [hostStream, anonymous, adminStream]) await s.waitFor(': connected');

    // Carol locks her account: every sysadmin (only the admin here) is notified.
    for (let i = 0; i < 5; i++)
      await h.post('auth.login', { login: 'carol', password: 'wrong-pw' });

    await adminStream.waitFor('event: notifications.created');
    const frame =
      adminStream
        .text()
        .split('\n\n')
        .find((f) => f.includes('event:')) ?? '';
    const data = frame
      .split('\n')
      .find((l) => l.startsWith('data: '))
      ?.slice('data: '.length);
    expect(JSON.parse(data ?? 'null')).toMatchObject({
      notification: { kind: 'account.locked', params: { login: 'carol', name: 'Carol' } },
    });
    await sleep(200);
    expect(hostStream.text()).not.toContain('notifications.created');
    expect(anonymous.text()).not.toContain('notifications.created');
    expect(hostStream.text()).not.toContain('carol');
  });
});

describe('browser-mode static files', () => {
  const JS = `export const greeting = ${JSON.stringify('接待管理 '.repeat(400))};\n`;
  const HASHED = '/assets/index-Ab_d12-Z.js';

  /** A hashed chunk with the .br and .gz a build writes beside it; index.html gets a .gz only. */
  async function withAssets() {
    const h = await startTestServer();
    const dir = path.join(h.root, 'static', 'assets');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'index-Ab_d12-Z.js');
    fs.writeFileSync(file, JS);
    fs.writeFileSync(file + '.br', zlib.brotliCompressSync(JS));
    fs.writeFileSync(file + '.gz', zlib.gzipSync(JS));
    fs.writeFileSync(path.join(h.root, 'static', 'index.html.gz'), zlib.gzipSync(INDEX_HTML));
    return h;
  }
  const get = (h: Harness, target: string, headers: Record<string, string> = {}) =>
    request(h.port, 'GET', target, { headers });

  it('sends brotli when the client takes it, else gzip, else the file itself', async () => {
    const h = await withAssets();
    const br = await get(h, HASHED, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(JS);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(JS) / 5);

    const gz = await get(h, HASHED, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(JS);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const plain = await get(h, HASHED, accept === undefined ? {} : { 'Accept-Encoding': accept });
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.text, String(accept)).toBe(JS);
      expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    }
    // The type is the original file's, and every answer says that it depends on Accept-Encoding.
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    for (const r of [br, gz]) expect(r.headers.vary).toBe('Accept-Encoding');
  });

  it('keeps the security headers on compressed answers', async () => {
    const h = await withAssets();
    const index = await get(h, '/', { 'Accept-Encoding': 'gzip' });
    expect(index.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(index.body).toString('utf8')).toBe(INDEX_HTML);
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
  });

  it('lets hashed assets be cached for good and has index.html revalidated', async () => {
    const h = await withAssets();
    const asset = await get(h, HASHED);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const target of ['/', '/index.html', '/users/42', '/app.js']) {
      const res = await get(h, target);
      expect(res.status, target).toBe(200);
      expect(res.headers['cache-control'], target).toBe('no-cache');
    }
  });

  it('answers 304 without a body when the ETag still matches, per encoding', async () => {
    const h = await withAssets();
    const first = await get(h, HASHED, { 'Accept-Encoding': 'br' });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(h, HASHED, { 'Accept-Encoding': 'br', 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The gzip bytes are another representation: the brotli ETag does not validate them.
    const gz = await get(h, HASHED, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! });
    expect(gz.status).toBe(200);
    expect(gz.headers.etag).not.toBe(etag);

    const index = await get(h, '/');
    const revalidated = await get(h, '/', { 'If-None-Match': `"x", ${index.headers.etag}` });
    expect(revalidated.status).toBe(304);
    // A new build writes a new index.html: the old ETag no longer matches.
    fs.writeFileSync(path.join(h.root, 'static', 'index.html'), INDEX_HTML + '<!-- v2 -->');
    const rebuilt = await get(h, '/', { 'If-None-Match': index.headers.etag! });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.text).toContain('v2');
  });

  it('answers a chunk that is not there with 404, not with the page', async () => {
    const h = await withAssets();
    const gone = await get(h, '/assets/RequestFormPage-0ld0ld00.js', { 'Accept-Encoding': 'br' });
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain(INDEX_HTML);
    expect(gone.headers['cache-control']).toBeUndefined();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const h = await withAssets();
    const head = await request(h.port, 'HEAD', HASHED, { headers: { 'Accept-Encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it('reads Accept-Encoding with q-values and the * wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br')('br')).toBe(true);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')('br')).toBe(false);
    expect(acceptedEncodings('GZIP ; q=0.5')('gzip')).toBe(true);
    expect(acceptedEncodings('*')('br')).toBe(true);
    expect(acceptedEncodings('*, br;q=0')('br')).toBe(false);
    expect(acceptedEncodings('*;q=0, gzip')('br')).toBe(false);
    expect(acceptedEncodings(undefined)('gzip')).toBe(false);
    expect(acceptedEncodings('')('gzip')).toBe(false);
  });

  it('treats only content-hashed files under assets/ as immutable', () => {
    expect(isHashedAsset('assets/index-CWhvFPh8.js')).toBe(true);
    expect(isHashedAsset('assets/vendor-B_x-12aZ.css')).toBe(true);
    expect(isHashedAsset('index.html')).toBe(false);
    expect(isHashedAsset('assets/logo.png')).toBe(false);
    expect(isHashedAsset('favicon-CWhvFPh8.ico')).toBe(false);
  });
});
