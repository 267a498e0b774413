import https from 'node:https';
import net from 'node:net';
import * as z from 'zod';
import { parseServerOrigin } from '../client';
import { isCertificateError } from '../client/certificate';
import { CERTIFICATE_CHANGED, readPin, trustOptions } from '../client/trust';

/**
 * Whether the server the person chose is a Reception Manager server, asked once at 连接 before
 * connection.json is written: `GET /api/health`, which the office server answers (without a
 * session) with `{"ok":true,"value":{"schemaVersion":N,…}}`.
 *
 * Sent with the trust the client will use from then on — the certificate just confirmed (pinned),
 * or the system's authorities — so the request goes only to the server that was checked, and a
 * certificate swapped between 检查 and 连接 stops it here. The `Host` header is the typed name, as
 * the client's calls will carry it: a server that only answers to another name says so now (421).
 */
export type HealthResult =
  | { ok: true; schemaVersion: number }
  | {
      ok: false;
      problem:
        | 'unreachable'
        | 'certificate-changed'
        | 'not-reception'
        | 'wrong-address'
        /** A Reception Manager server that answered with an error (stopping, database damaged). */
        | 'server-error';
      /** The technical cause, for IT. */
      detail: string;
    };

export interface HealthOptions {
  /** Name resolution (tests map `reception.test` to 127.0.0.1). */
  lookup?: net.LookupFunction;
  /** Connecting and the whole answer. Default 10 s. */
  timeoutMs?: number;
}

/** The pin confirmed in the window, or null for a certificate the system trusts. */
export interface HealthPin {
  pem: string;
  fingerprint256: string;
}

/** The health answer of the office server (main/server/http.ts), extra fields allowed. */
const healthAnswer = z.object({
  ok: z.literal(true),
  value: z.object({ schemaVersion: z.number().int().nonnegative() }),
});

/** The contract's error answer (shared/result.ts): the server is one of ours, but not well. */
const errorAnswer = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().max(100), key: z.string() }),
});

/** A health answer is a few dozen bytes; anything much longer is not one. */
const MAX_BODY = 16 * 1024;

export function checkHealth(
  origin: string,
  pin: HealthPin | null,
  options: HealthOptions = {},
): Promise<HealthResult> {
  const target = parseServerOrigin(origin);
  const trust = trustOptions(pin ? readPin(pin.pem, pin.fingerprint256) : null);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HealthResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = https.request(
      {
        host: target.hostname,
        port: target.port,
        ...(net.isIP(target.hostname) ? {} : { servername: target.hostname }),
        ...(options.lookup ? { lookup: options.lookup } : {}),
        ...trust,
        minVersion: 'TLSv1.2',
        // Its own connection, closed after the answer: nothing of it is reused later.
        agent: false,
        method: 'GET',
        path: '/api/health',
        headers: { Host: target.host, Accept: 'application/json' },
      },
      (res) => {
        if (res.statusCode === 421) {
          finish({ ok: false, problem: 'wrong-address', detail: 'HTTP 421' });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            finish({ ok: false, problem: 'not-reception', detail: 'answer too long' });
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (e: NodeJS.ErrnoException) => finish(failure(e)));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            body = undefined;
          }
          const status = res.statusCode ?? 0;
          const healthy = healthAnswer.safeParse(body);
          if (status === 200 && healthy.success) {
            finish({ ok: true, schemaVersion: healthy.data.value.schemaVersion });
            return;
          }
          const failed = errorAnswer.safeParse(body);
          finish(
            failed.success
              ? {
                  ok: false,
                  problem: 'server-error',
                  detail: `HTTP ${status} ${failed.data.error.code}`,
                }
              : { ok: false, problem: 'not-reception', detail: `HTTP ${status}` },
          );
        });
      },
    );
    const timer = setTimeout(
      () => finish({ ok: false, problem: 'unreachable', detail: 'ETIMEDOUT' }),
      options.timeoutMs ?? 10_000,
    );
    request.on('error', (e: NodeJS.ErrnoException) => finish(failure(e)));
    request.end();
  });
}

function failure(e: NodeJS.ErrnoException): HealthResult {
  const code = e.code ?? e.message;
  if (code === CERTIFICATE_CHANGED || isCertificateError(code)) {
    return { ok: false, problem: 'certificate-changed', detail: code };
  }
  // Node's HTTP parser: something answered over TLS, but not in HTTP.
  if (code.startsWith('HPE_')) return { ok: false, problem: 'not-reception', detail: code };
  return { ok: false, problem: 'unreachable', detail: code };
}
