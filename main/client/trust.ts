import crypto from 'node:crypto';
import tls from 'node:tls';
import { normalizeFingerprint } from './certificate';

/**
 * How the client decides the server is the company's (issue 14): either a certificate the person
 * confirmed once (pinned: a self-signed certificate the server made, compared by fingerprint), or
 * — without a pin — the usual verification against the certificate authorities Node trusts.
 */

/** The code of the error a connection fails with when the server shows another certificate. */
export const CERTIFICATE_CHANGED = 'ERR_SERVER_CERTIFICATE_CHANGED';

export interface Pin {
  pem: string;
  fingerprint256: string;
}

/** The pin from the client's options; throws for a certificate or fingerprint that cannot be one. */
export function readPin(pem: string | undefined, fingerprint256: string | undefined): Pin | null {
  if (pem === undefined) {
    // A fingerprint alone cannot be enforced before the request is sent (see `trustOptions`).
    if (fingerprint256 !== undefined) throw new Error('a pinned fingerprint needs its certificate');
    return null;
  }
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(pem);
  } catch {
    throw new Error('the pinned certificate is not a PEM certificate');
  }
  if (
    fingerprint256 !== undefined &&
    normalizeFingerprint(fingerprint256) !== x509.fingerprint256
  ) {
    throw new Error('the pinned fingerprint is not the pinned certificate’s');
  }
  return { pem: x509.toString(), fingerprint256: x509.fingerprint256 };
}

/** The server showed another certificate than the pinned one (the connection is refused). */
export class CertificateChangedError extends Error {
  override name = 'CertificateChangedError';
  readonly code = CERTIFICATE_CHANGED;

  constructor(
    /** The fingerprint the server showed instead, for the person to compare. */
    readonly presented: string,
  ) {
    super(`the server's certificate changed: it shows ${presented}, not the one confirmed`);
  }
}

export type TrustOptions = Pick<
  tls.ConnectionOptions,
  'ca' | 'checkServerIdentity' | 'rejectUnauthorized'
>;

/**
 * The TLS options of every connection the client opens.
 *
 * With a pin, the confirmed certificate is the only `ca`: any other certificate — another
 * self-signed one, or one a public authority issued for the same name — fails verification
 * during the handshake. `checkServerIdentity` then requires the exact certificate (by
 * fingerprint), so that even a certificate the pinned one could have signed is refused. The host
 * name is not checked on top: the person confirmed this very certificate for this address, which
 * says more than the names it lists (a certificate made for `reception.local` keeps working when
 * people type the server's IP address).
 *
 * Why during the handshake and not after connecting: `https.request` writes the request — the
 * session cookie, a password, a write's body — into the socket as soon as the connection is up,
 * and Node flushes it the moment the handshake completes. A check in the `secureConnect` or
 * `response` handler runs after those bytes may already be on the wire to the wrong server.
 * `checkServerIdentity` runs inside the handshake, before the socket is handed to the request,
 * and a failure there destroys the socket with nothing sent.
 */
export function trustOptions(pin: Pin | null): TrustOptions {
  if (!pin) return { rejectUnauthorized: true, checkServerIdentity: tls.checkServerIdentity };
  return {
    rejectUnauthorized: true,
    ca: [pin.pem],
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === pin.fingerprint256
        ? undefined
        : new CertificateChangedError(cert.fingerprint256),
  };
}
