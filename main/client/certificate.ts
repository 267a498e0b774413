import crypto from 'node:crypto';

/**
 * What a person compares before trusting a server's certificate, and the one check the client
 * makes of a pinned one: its SHA-256 fingerprint (the `AA:BB:…` form the server prints at start
 * and `X509Certificate.fingerprint256` gives).
 */
export interface CertificateInfo {
  /** SHA-256 of the certificate's DER bytes, upper-case hex pairs joined by colons. */
  fingerprint256: string;
  pem: string;
  /** As OpenSSL prints it, e.g. `CN=reception.example.com`. */
  subject: string;
  issuer: string;
  /** e.g. `DNS:reception.example.com`, `IP Address:10.0.0.5`. */
  subjectAltNames: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Issued by itself (a certificate the server made, not one from a certificate authority). */
  selfSigned: boolean;
}

export function describeCertificate(der: Buffer): CertificateInfo {
  const x509 = new crypto.X509Certificate(der);
  return {
    fingerprint256: x509.fingerprint256,
    pem: x509.toString(),
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    subjectAltNames: x509.subjectAltName ? x509.subjectAltName.split(', ') : [],
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    // Not `checkIssued`: it also wants the issuer allowed to sign certificates, which a server's
    // own certificate (key usage: digital signature) is not.
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
  };
}

/**
 * A fingerprint in the one form compared: upper case, colons between pairs. Accepts what people
 * paste (lower case, spaces, no colons); throws for anything that is not 32 bytes of hex.
 */
export function normalizeFingerprint(text: string): string {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new Error('a SHA-256 fingerprint is 32 bytes in hex (AA:BB:…)');
  }
  return hex.match(/../g)?.join(':') ?? hex;
}

/**
 * The errors Node reports when a certificate does not verify (OpenSSL's X509_V_ERR_* names, and
 * the host-name check's): the server is reached, but is not the one trusted. Anything else in a
 * handshake (refused, reset, a plain-HTTP port) is a network failure.
 */
const CERTIFICATE_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_CERT_ALTNAME_FORMAT',
]);

export function isCertificateError(code: string | undefined): boolean {
  return code !== undefined && CERTIFICATE_ERRORS.has(code);
}
