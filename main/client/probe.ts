import net from 'node:net';
import tls from 'node:tls';
import { describeCertificate, type CertificateInfo } from './certificate';
import { OriginError, parseServerOrigin } from './origin';

/**
 * The first look at a company server, before anything is trusted: the certificate it shows, for
 * the person to compare with the fingerprint the server printed (and then pin), and whether a
 * client without a pin would trust it anyway (a certificate from a public authority for this name).
 *
 * Only a TLS handshake: no HTTP request — no cookie, no path, nothing a server that is not the
 * company's could learn or answer — is sent before the person has confirmed.
 */
export interface ServerCertificateInfo extends CertificateInfo {
  origin: string;
  /** Trusted by the certificate authorities Node trusts, for this host name: no pin is needed. */
  trusted: boolean;
  /** Why not (e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`); null when trusted. */
  trustError: string | null;
}

export type ProbeFailure =
  /** Not an https origin (see origin.ts). */
  | 'invalid-origin'
  /** Nothing answered: refused, reset, no such name, timed out. */
  | 'unreachable'
  /** Something answered, but no TLS handshake with a certificate came of it. */
  | 'no-certificate';

export type ProbeResult =
  | { ok: true; certificate: ServerCertificateInfo }
  | { ok: false; reason: ProbeFailure; message: string; code: string | null };

export interface ProbeOptions {
  /** Name resolution (tests map `reception.test` to 127.0.0.1). */
  lookup?: net.LookupFunction;
  timeoutMs?: number;
}

export function probe(origin: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  let target;
  try {
    target = parseServerOrigin(origin);
  } catch (e) {
    const message = e instanceof OriginError ? e.message : String(e);
    return Promise.resolve({ ok: false, reason: 'invalid-origin', message, code: null });
  }
  const { hostname, port } = target;
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({
      host: hostname,
      port,
      // SNI carries names only; an address is left out (Node warns about it).
      ...(net.isIP(hostname) ? {} : { servername: hostname }),
      ...(options.lookup ? { lookup: options.lookup } : {}),
      // Verified below, as information: this connection carries nothing either way.
      rejectUnauthorized: false,
    });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // After a handshake: a polite close_notify, then gone (still no application data sent).
      if (result.ok) socket.end(() => socket.destroy());
      else socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: 'unreachable',
          message: `no answer from ${target.origin}`,
          code: 'ETIMEDOUT',
        }),
      options.timeoutMs ?? 10_000,
    );
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      if (!peer.raw) {
        finish({
          ok: false,
          reason: 'no-certificate',
          message: 'the server showed no certificate',
          code: null,
        });
        return;
      }
      // `authorized` is Node's own verdict with the default authorities and the host-name check:
      // exactly what an unpinned client will decide.
      const trustError = socket.authorized ? null : String(socket.authorizationError);
      finish({
        ok: true,
        certificate: {
          origin: target.origin,
          ...describeCertificate(peer.raw),
          trusted: socket.authorized,
          trustError,
        },
      });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? null;
      const handshake = code !== null && /SSL|TLS|EPROTO/.test(code);
      finish({
        ok: false,
        reason: handshake ? 'no-certificate' : 'unreachable',
        message: e.message,
        code,
      });
    });
  });
}
