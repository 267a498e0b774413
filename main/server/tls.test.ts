import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { CertificateError, readCertificate, selfSignedCertificate } from './tls';

describe('server certificates', () => {
  it('makes a self-signed certificate once and keeps it, so the pinned fingerprint holds', async () => {
    const dir = makeTempDir();
    const a = await selfSignedCertificate(dir, ['reception.test', '10.0.0.5']);
    expect(a.created).toBe(true);
    const x509 = new crypto.X509Certificate(a.cert);
    expect(x509.checkHost('reception.test')).toBe('reception.test');
    expect(x509.checkIP('10.0.0.5')).toBe('10.0.0.5');
    expect(x509.fingerprint256).toBe(a.fingerprint256);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'server-key.pem')).mode & 0o777).toBe(0o600);
    }
    const b = await selfSignedCertificate(dir, ['reception.test']);
    expect(b.created).toBe(false);
    expect(b.fingerprint256).toBe(a.fingerprint256);
  });

  it('makes a new one for a name it does not cover, or when it expires within a month', async () => {
    const dir = makeTempDir();
    const a = await selfSignedCertificate(dir, ['reception.test']);
    const other = await selfSignedCertificate(dir, ['other.test']);
    expect(other.created).toBe(true);
    expect(other.fingerprint256).not.toBe(a.fingerprint256);
    const later = new Date(other.validTo.getTime() - 10 * 24 * 3600 * 1000);
    const renewed = await selfSignedCertificate(dir, ['other.test'], later);
    expect(renewed.created).toBe(true);
  });

  it('reads a certificate and key, refusing a mismatched pair, garbage and an expired one', async () => {
    const one = makeTempDir();
    const two = makeTempDir();
    const a = await selfSignedCertificate(one, ['a.test']);
    await selfSignedCertificate(two, ['b.test']);
    const cert = path.join(one, 'server-cert.pem');
    expect(readCertificate(cert, path.join(one, 'server-key.pem')).fingerprint256).toBe(
      a.fingerprint256,
    );
    expect(() => readCertificate(cert, path.join(two, 'server-key.pem'))).toThrow(
      /does not belong/,
    );
    const junk = path.join(one, 'junk.pem');
    fs.writeFileSync(junk, 'not a certificate');
    expect(() => readCertificate(junk, path.join(one, 'server-key.pem'))).toThrow(CertificateError);
    expect(() => readCertificate(cert, junk)).toThrow(/no PEM private key/);
    expect(() => readCertificate(path.join(one, 'missing.pem'), junk)).toThrow(/cannot read/);
    expect(() =>
      readCertificate(cert, path.join(one, 'server-key.pem'), new Date(a.validTo.getTime() + 1)),
    ).toThrow(/expired/);
  });
});
