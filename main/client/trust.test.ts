import crypto from 'node:crypto';
import path from 'node:path';
import type tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../server/tls';
import { normalizeFingerprint } from './certificate';
import { office } from './test-office';
import { CERTIFICATE_CHANGED, CertificateChangedError, readPin, trustOptions } from './trust';

/** The pin: the exact certificate the person confirmed, compared inside the handshake. */

describe('pinned trust', () => {
  it('reads a pin, accepting the fingerprint as people paste it, and refuses one that disagrees', async () => {
    const o = await office();
    const fingerprint = o.cert.fingerprint256;
    const pasted = fingerprint.replace(/:/g, '').toLowerCase();
    expect(normalizeFingerprint(pasted)).toBe(fingerprint);
    expect(readPin(o.cert.cert, pasted)).toEqual({
      pem: new crypto.X509Certificate(o.cert.cert).toString(),
      fingerprint256: fingerprint,
    });
    expect(readPin(undefined, undefined)).toBeNull();
    const other = await selfSignedCertificate(path.join(o.t.dir, 'other'), ['reception.test']);
    expect(() => readPin(o.cert.cert, other.fingerprint256)).toThrow(/not the pinned/);
    expect(() => normalizeFingerprint('AA:BB')).toThrow(/32 bytes/);
  });

  it('accepts only the pinned certificate in checkServerIdentity, whatever it chains to', async () => {
    const o = await office();
    const check = trustOptions(readPin(o.cert.cert, undefined)).checkServerIdentity;
    const peer = (fingerprint256: string) => ({ fingerprint256 }) as tls.PeerCertificate;
    expect(check?.('reception.test', peer(o.cert.fingerprint256))).toBeUndefined();
    const other = 'AB:'.repeat(31) + 'AB';
    const refused = check?.('reception.test', peer(other));
    expect(refused).toBeInstanceOf(CertificateChangedError);
    expect(refused).toMatchObject({ code: CERTIFICATE_CHANGED, presented: other });
  });

  it('trusts the pinned certificate even where it does not list the name typed', async () => {
    const o = await office();
    // Made for another name: a client without a pin would refuse it for this one.
    const elsewhere = await selfSignedCertificate(path.join(o.t.dir, 'elsewhere'), ['rm.local']);
    const served = await o.serve({ cert: elsewhere });
    const { client } = o.client(served.port, {
      pinnedCertPem: elsewhere.cert,
      pinnedFingerprint256: elsewhere.fingerprint256,
      subscribe: false,
    });
    expect(await client.invoke('system.health', {})).toMatchObject({ ok: true });
  });
});
