import https from 'node:https';
import type { Outcome } from './stats';

/**
 * A small HTTPS client for what autocannon does not do: signing in (the session cookie comes
 * back in Set-Cookie), prefetching each approver's inbox, and the fault run's clients, which must
 * back off and retry like the app's client rather than reconnect in a tight loop. It checks the
 * server's certificate against the self-signed one the server made (pinned: see server.ts).
 */

export interface Endpoint {
  host: string;
  port: number;
  /** What a browser on the server's page would send as Origin. */
  origin: string;
  /** The server's certificate (PEM), trusted as the only CA. */
  ca: string;
}

export type Answer =
  | { kind: 'answer'; status: number; body: string; setCookie: string[] }
  | { kind: 'timeout' }
  | { kind: 'connection'; code: string };

export interface PostOptions {
  agent: https.Agent;
  cookie?: string | null;
  idempotencyKey?: string | null;
  timeoutMs?: number;
}

export function agentFor(endpoint: Endpoint): https.Agent {
  // One socket per virtual user, kept alive: one person's browser talking to the server.
  return new https.Agent({ keepAlive: true, maxSockets: 1, ca: endpoint.ca });
}

/** POSTs `body` (JSON text) to operation `op`. */
export function post(
  endpoint: Endpoint,
  op: string,
  body: string,
  o: PostOptions,
): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Answer) => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    const req = https.request(
      {
        host: endpoint.host,
        port: endpoint.port,
        method: 'POST',
        path: `/api/${op}`,
        agent: o.agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Origin: endpoint.origin,
          ...(o.cookie ? { Cookie: o.cookie } : {}),
          ...(o.idempotencyKey ? { 'Idempotency-Key': o.idempotencyKey } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            kind: 'answer',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          done({ kind: 'connection', code: e.code ?? e.message }),
        );
      },
    );
    req.setTimeout(o.timeoutMs ?? 10_000, () => {
      done({ kind: 'timeout' });
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({ kind: 'connection', code: e.code ?? e.message }),
    );
    req.end(body);
  });
}

/** GET a probe (/api/ready); any failure is just "not yet". */
export function probe(endpoint: Endpoint | { host: string; port: number }, path: string) {
  return new Promise<number>((resolve) => {
    const req = https.request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path,
        method: 'GET',
        // Before the certificate is known (first start) the probe does not check it; every call
        // that carries a session does (agentFor).
        ...('ca' in endpoint ? { ca: endpoint.ca } : { rejectUnauthorized: false }),
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(2_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** The error code of an answer's body ({ ok: false, error: { code } }), or ''. */
export function errorCode(body: string): string {
  try {
    const parsed = JSON.parse(body) as { ok?: boolean; error?: { code?: string } };
    return parsed.error?.code ?? '';
  } catch {
    return '';
  }
}

/** `name=value` of the session cookie the server set. */
export function sessionCookie(setCookie: readonly string[]): string | null {
  for (const c of setCookie) {
    const pair = c.split(';')[0] ?? '';
    if (/^(__Host-)?rm_session=./.test(pair)) return pair;
  }
  return null;
}

/**
 * What an answer means for the report. Refusals the business rules give on purpose: CONFLICT on
 * the writes that race by nature (a step decided by someone else a moment before, a visitor
 * another desk let in) — with the queues split per person they should not happen at all.
 */
export function outcomeOf(op: string, a: Answer, refusable: ReadonlySet<string>): Outcome {
  if (a.kind === 'timeout') return { type: 'timeout' };
  if (a.kind === 'connection') return { type: 'connection', code: a.code };
  return classify(op, a.status, a.body, refusable);
}

export function classify(
  op: string,
  status: number,
  body: string,
  refusable: ReadonlySet<string>,
): Outcome {
  if (status >= 200 && status < 300) return { type: 'ok', status };
  const code = errorCode(body);
  if (status === 409 && code === 'CONFLICT' && refusable.has(op)) {
    return { type: 'refused', status, code };
  }
  return { type: 'http', status, code };
}
