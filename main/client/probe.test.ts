import { describe, expect, it } from 'vitest';
import { freePort, NAME, office, testLookup, waitFor } from './test-office';
import { OriginError, parseServerOrigin } from './origin';
import { probe } from './probe';

/** The first look at a server: its certificate, from a handshake alone, before any request. */

describe('probe', () => {
  it('shows the certificate the server has, and sends no request', async () => {
    const o = await office();
    const served = await o.serve();
    const result = await probe(`https://${NAME}:${served.port}`, { lookup: testLookup });
    if (!result.ok) throw new Error(result.message);
    const c = result.certificate;
    expect(c.fingerprint256).toBe(o.cert.fingerprint256);
    expect(c.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(c.pem.trim()).toBe(o.cert.cert.trim());
    expect(c.subject).toBe(`CN=${NAME}`);
    expect(c.subjectAltNames).toEqual([`DNS:${NAME}`]);
    expect(c.validTo).toBe(o.cert.validTo.toISOString());
    expect(c.selfSigned).toBe(true);
    expect(c.origin).toBe(`https://${NAME}:${served.port}`);
    // Not trusted without a pin: the person must compare the fingerprint.
    expect(c.trusted).toBe(false);
    expect(c.trustError).toMatch(/SELF_SIGNED/);

    // The handshake reached the server and its connection is gone — and no request came.
    await waitFor('the probe’s connection to end', () => served.handshakes() === 1);
    await waitFor('no connection left', () => served.openConnections() === 0);
    expect(served.requests).toEqual([]);
    expect(o.t.count('users')).toBe(0);
  });

  it('says when nothing answers, without throwing', async () => {
    const port = await freePort();
    const result = await probe(`https://${NAME}:${port}`, { lookup: testLookup });
    expect(result).toMatchObject({ ok: false, reason: 'unreachable', code: 'ECONNREFUSED' });
    const unknown = await probe('https://no-such-name.test', { lookup: testLookup });
    expect(unknown).toMatchObject({ ok: false, reason: 'unreachable', code: 'ENOTFOUND' });
  });

  it.each([
    'http://reception.test:8443',
    'https://reception.test:8443/api',
    'https://reception.test:8443/?x=1',
    'https://reception.test:8443/#top',
    'https://admin:pw@reception.test:8443',
    'reception.test:8443',
    'ftp://reception.test',
    '',
  ])('refuses %j as a server address', async (text) => {
    expect(() => parseServerOrigin(text)).toThrow(OriginError);
    expect(await probe(text)).toMatchObject({ ok: false, reason: 'invalid-origin' });
  });
});

describe('parseServerOrigin', () => {
  it.each([
    [
      ' https://Reception.Test:8443/ ',
      { origin: 'https://reception.test:8443', hostname: 'reception.test', port: 8443 },
    ],
    [
      'https://reception.test:443',
      { origin: 'https://reception.test', hostname: 'reception.test', port: 443 },
    ],
    [
      'https://10.0.0.5:8443',
      { origin: 'https://10.0.0.5:8443', hostname: '10.0.0.5', port: 8443 },
    ],
    [
      'https://[::1]:8443',
      { origin: 'https://[::1]:8443', hostname: '::1', port: 8443, host: '[::1]:8443' },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseServerOrigin(text)).toMatchObject(expected);
  });
});
