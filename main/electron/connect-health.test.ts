import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { selfSignedCertificate } from '../server/tls';
import { freePort, NAME, office, testLookup } from '../client/test-office';
import { checkHealth } from './connect-health';

/**
 * The question asked once at 连接 (issue 14): is this a Reception Manager server, reached with
 * the trust the client will use? Against the real office server over TLS, and against servers
 * that are not one.
 */

/** An https server with the office's certificate that answers every request with `body`. */
async function impostor(
  cert: { cert: string; key: string },
  status: number,
  body: string,
): Promise<number> {
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

describe('checkHealth', () => {
  it('the office server, with its certificate pinned: its schema version', async () => {
    const o = await office();
    const served = await o.serve();
    const pin = { pem: o.cert.cert, fingerprint256: o.cert.fingerprint256 };
    const result = await checkHealth(`https://${NAME}:${served.port}`, pin, { lookup: testLookup });
    expect(result).toMatchObject({ ok: true, schemaVersion: expect.any(Number) });
    expect(served.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/api/health',
        headers: expect.objectContaining({ host: `${NAME}:${served.port}` }),
      }),
    ]);
    // No cookie, no Origin: nothing of a session exists yet.
    expect(served.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('another certificate than the one pinned: refused in the handshake, nothing sent', async () => {
    const o = await office();
    const served = await o.serve();
    const other = await selfSignedCertificate(path.join(o.t.dir, 'other-tls'), [NAME]);
    const result = await checkHealth(
      `https://${NAME}:${served.port}`,
      { pem: other.cert, fingerprint256: other.fingerprint256 },
      { lookup: testLookup },
    );
    expect(result).toMatchObject({ ok: false, problem: 'certificate-changed' });
    expect(served.requests).toEqual([]);
  });

  it('a self-signed certificate without a pin does not verify: nothing sent', async () => {
    const o = await office();
    const served = await o.serve();
    const result = await checkHealth(`https://${NAME}:${served.port}`, null, {
      lookup: testLookup,
    });
    expect(result).toMatchObject({
      ok: false,
      problem: 'certificate-changed',
      detail: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(served.requests).toEqual([]);
  });

  it('the server answers only to its public name: another port typed is a 421', async () => {
    const o = await office();
    const publicPort = await freePort();
    const served = await o.serve({ publicPort });
    const pin = { pem: o.cert.cert, fingerprint256: o.cert.fingerprint256 };
    const result = await checkHealth(`https://${NAME}:${served.port}`, pin, { lookup: testLookup });
    expect(result).toEqual({ ok: false, problem: 'wrong-address', detail: 'HTTP 421' });
  });

  it.each<[string, number, string]>([
    ['a web page', 200, '<html>hello</html>'],
    ['a 404', 404, '{"error":"not found"}'],
    ['JSON of another shape', 200, '{"status":"UP"}'],
    ['an answer far too long', 200, `{"ok":true,"pad":"${'x'.repeat(100_000)}"}`],
  ])('something else than a Reception Manager server (%s)', async (_what, status, body) => {
    const o = await office();
    const port = await impostor(o.cert, status, body);
    const pin = { pem: o.cert.cert, fingerprint256: o.cert.fingerprint256 };
    const result = await checkHealth(`https://${NAME}:${port}`, pin, { lookup: testLookup });
    expect(result).toMatchObject({ ok: false, problem: 'not-reception' });
  });

  it('a Reception Manager server that answers with an error (stopping): said as such', async () => {
    const o = await office();
    const body = '{"ok":false,"error":{"code":"BUSY","key":"errors.BUSY","message":"x"}}';
    const port = await impostor(o.cert, 503, body);
    const pin = { pem: o.cert.cert, fingerprint256: o.cert.fingerprint256 };
    const result = await checkHealth(`https://${NAME}:${port}`, pin, { lookup: testLookup });
    expect(result).toEqual({ ok: false, problem: 'server-error', detail: 'HTTP 503 BUSY' });
  });

  it('nothing listening, or no answer in time: unreachable', async () => {
    const port = await freePort();
    expect(
      await checkHealth(`https://${NAME}:${port}`, null, { lookup: testLookup }),
    ).toMatchObject({ ok: false, problem: 'unreachable', detail: 'ECONNREFUSED' });

    // A server that takes the connection and never answers.
    const o = await office();
    const silent = https.createServer({ cert: o.cert.cert, key: o.cert.key }, () => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      silent.closeAllConnections();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const pin = { pem: o.cert.cert, fingerprint256: o.cert.fingerprint256 };
    const result = await checkHealth(
      `https://${NAME}:${(silent.address() as AddressInfo).port}`,
      pin,
      { lookup: testLookup, timeoutMs: 300 },
    );
    expect(result).toEqual({ ok: false, problem: 'unreachable', detail: 'ETIMEDOUT' });
  });
});
