import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import selfsigned from 'selfsigned';

/** A certificate and key the server can speak TLS with, and what people compare to trust it. */
export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (AA:BB:…): what a client pins for a self-signed certificate. */
  fingerprint256: string;
  validTo: Date;
  selfSigned: boolean;
}

export class CertificateError extends Error {
  override name = 'CertificateError';
}

/** Reads a PEM certificate and key, and checks they belong together and the certificate is current. */
export function readCertificate(
  certFile: string,
  keyFile: string,
  now = new Date(),
): ServerCertificate {
  let cert: string;
  let key: string;
  try {
    cert = fs.readFileSync(certFile, 'utf8');
    key = fs.readFileSync(keyFile, 'utf8');
  } catch (e) {
    throw new CertificateError(`cannot read the certificate or key: ${(e as Error).message}`);
  }
  return checked(cert, key, false, now);
}

function checked(cert: string, key: string, selfSigned: boolean, now: Date): ServerCertificate {
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch {
    throw new CertificateError('the certificate file holds no PEM certificate');
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch {
    throw new CertificateError('the key file holds no PEM private key (or it is encrypted)');
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new CertificateError('the key does not belong to the certificate');
  }
  const validTo = new Date(x509.validTo);
  if (validTo.getTime() <= now.getTime()) {
    throw new CertificateError(`the certificate expired on ${validTo.toISOString()}`);
  }
  return { cert, key, fingerprint256: x509.fingerprint256, validTo, selfSigned };
}

/** Renewed this long before it expires, so a server restarted in its last month gets a new one. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;
/** Browsers refuse server certificates valid for more than 398 days. */
const VALID_DAYS = 397;

/**
 * A self-signed certificate for `names` (host names and addresses people type), kept in `dir` so
 * its fingerprint — which clients pin — stays the same across restarts. A new one is made when
 * there is none, it does not cover every name, or it expires within 30 days; clients then see a
 * new fingerprint and must confirm it again.
 */
export async function selfSignedCertificate(
  dir: string,
  names: string[],
  now = new Date(),
): Promise<ServerCertificate & { created: boolean }> {
  const certFile = path.join(dir, 'server-cert.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    try {
      const kept = checked(
        fs.readFileSync(certFile, 'utf8'),
        fs.readFileSync(keyFile, 'utf8'),
        true,
        now,
      );
      const x509 = new crypto.X509Certificate(kept.cert);
      const covers = names.every((n) =>
        net.isIP(n) ? x509.checkIP(n) !== undefined : x509.checkHost(n) !== undefined,
      );
      if (covers && kept.validTo.getTime() - now.getTime() > RENEW_BEFORE_MS) {
        return { ...kept, created: false };
      }
    } catch {
      // Unreadable or mismatched: made again below.
    }
  }
  const notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) => (net.isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
      },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  // The key is readable by the server's account only.
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { ...checked(pems.cert, pems.private, true, now), created: true };
}
