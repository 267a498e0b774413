import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { IDEMPOTENCY_HEADER } from '../../shared/contract/bridge';
import type { ApiError, ErrorCode, Result } from '../../shared/result';
import { translate } from '../../shared/i18n/translate';
import { bodyLimitFor } from '../api/body-limit';
import { dispatch, type App } from '../api/dispatcher';
import { clientSession, eventIsFor, eventRecipient } from '../api/delivery';
import type { AppEvent } from '../api/events';
import { EventJournal } from './event-journal';
import { hostAllowed, listenPolicy, originAllowed, type ListenPolicy } from './listen-policy';
import { safeDecode, serveStatic } from './static';

export { BODY_LIMIT_BYTES, bodyLimitFor } from '../api/body-limit';
export { acceptedEncodings, isHashedAsset } from './static';

/**
 * The one HTTP server (issue 14): the same contract and dispatcher as the Electron window, on
 * Fastify. Browser mode (the default) binds 127.0.0.1 over plain HTTP; the office server listens
 * on the company's network and then requires TLS (listen-policy.ts says who may talk to it).
 */
export const HOST = '127.0.0.1';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNKNOWN_OPERATION: 404,
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  SESSION_LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  TOO_MANY_ATTEMPTS: 429,
  SETUP_ALREADY_DONE: 409,
  PAYLOAD_TOO_LARGE: 413,
  // Another writer held the database past the busy timeout: nothing was done, try again.
  BUSY: 503,
  // The same idempotency key came back with another operation or input.
  IDEMPOTENCY_KEY_REUSED: 422,
  INTERNAL: 500,
};

/**
 * Probes a monitor on the server's own machine calls by its loopback address: in office mode they
 * also answer to Host 127.0.0.1/localhost, which the public origin is not.
 */
const PROBES = new Set(['/api/health', '/api/ready']);

function probeHostAllowed(port: number, host: string | undefined): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The address to bind: 127.0.0.1 (the default) or, with TLS, the company network's. */
  host?: string;
  /** Folder of the built renderer (`out/renderer`). */
  staticDir: string;
  /** PEM certificate and key: the server speaks HTTPS. Required off loopback. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** The origin people type; see listen-policy.ts. */
  publicOrigin?: string;
  /** Structured logs (the office server); without one, failures go to the console. */
  logger?: Logger;
  /** Events kept for clients that reconnect (`Last-Event-ID`). */
  journalSize?: number;
}

export interface RunningServer {
  port: number;
  /** Where to point a browser: the public origin, or this machine's loopback address. */
  url: string;
  policy: ListenPolicy;
  /**
   * Stops taking requests (new ones get 503), ends the event streams, waits for the calls in
   * flight — a write half done is finished, not cut — then closes.
   */
  close: () => Promise<void>;
}

function errorResult(code: ErrorCode, key: string): Result<never> {
  const error: ApiError = { code, key, message: translate('zh-CN', key) };
  return { ok: false, error };
}

function readBody(stream: Readable, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let tooLarge = false;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    stream.on('end', () =>
      resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')),
    );
    stream.on('error', reject);
  });
}

/** The peer's address as the audit log and the sign-in throttle know it (no IPv4-mapped prefix). */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}

/** The session cookie: `__Host-` prefixed over TLS, so no subdomain or plain-HTTP page can set it. */
function cookieName(policy: ListenPolicy): string {
  return policy.secureCookies ? '__Host-rm_session' : 'rm_session';
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return safeDecode(v.join('='));
  }
  return null;
}

function sessionCookie(policy: ListenPolicy, token: string | null): string {
  const attributes = `HttpOnly; SameSite=Strict; Path=/${policy.secureCookies ? '; Secure' : ''}`;
  return token === null
    ? `${cookieName(policy)}=; ${attributes}; Max-Age=0`
    : `${cookieName(policy)}=${encodeURIComponent(token)}; ${attributes}`;
}

function sendJson(
  reply: FastifyReply,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  return reply
    .code(status)
    .headers({
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    })
    .send(JSON.stringify(body));
}

/** One open `/api/events` stream. Writes are chained, so a client gets events in order. */
interface StreamClient {
  res: http.ServerResponse;
  token: string | null;
  queue: Promise<void>;
}

function frame(id: string, event: AppEvent): string {
  return `id: ${id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
}

export async function startServer(app: App, options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? HOST;
  const tls = options.tls ?? null;
  const log = options.logger;
  const logError = (message: string, e: unknown) => {
    if (log) log.error({ err: e }, message);
    else console.error(message, e);
  };
  // Known once the port is: the Host check needs it.
  let policy: ListenPolicy | null = null;
  let boundPort = 0;
  let closing = false;

  const fastify = Fastify({
    ...(log ? { loggerInstance: log } : { logger: false }),
    ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}),
    // The peer is the client: a reverse proxy in front is not part of this design.
    trustProxy: false,
    // A client's own request id header is not trusted for the logs.
    requestIdHeader: false,
    // A malformed escape in the path names no operation and no file: 404 in the contract's shape
    // (the Host check still comes first), not Fastify's own 400.
    frameworkErrors: (_error, req, frameworkReply) => {
      // The same reply object; its generics are the framework's defaults, not the app's.
      const reply = frameworkReply as unknown as FastifyReply;
      if (!policy || !hostAllowed(policy, req.headers.host)) {
        void reply.code(421).type('text/plain').send('Misdirected request');
      } else if (req.url.startsWith('/api/')) {
        void sendJson(reply, 404, errorResult('UNKNOWN_OPERATION', 'errors.UNKNOWN_OPERATION'));
      } else void reply.code(404).type('text/plain').send('Not found');
    },
  });

  // Bodies are read by the route (each operation has its own limit, an upload a larger one), so
  // Fastify hands over the stream for any content type instead of parsing it.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  fastify.setErrorHandler((error, _request, reply) => {
    logError('request failed', error);
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.end();
      return;
    }
    return sendJson(reply, 500, errorResult('INTERNAL', 'errors.INTERNAL'));
  });

  fastify.addHook('onRequest', async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const hostHeader = request.headers.host;
    if (policy && hostAllowed(policy, hostHeader)) return;
    if (policy && PROBES.has(pathname) && probeHostAllowed(boundPort, hostHeader)) return;
    // DNS rebinding: a page on another name that resolves to this server must not get in.
    return reply.code(421).type('text/plain').send('Misdirected request');
  });

  // ---- probes ------------------------------------------------------------------------------
  fastify.get('/api/health', async (_request, reply) => {
    const outcome = await dispatch(app, { op: 'system.health', input: {}, token: null });
    return sendJson(reply, 200, outcome.result);
  });

  /** Whether this process should get traffic: database open and sound, not shutting down. */
  fastify.get('/api/ready', async (_request, reply) => {
    if (closing) return sendJson(reply, 503, { ready: false, reason: 'shutting-down' });
    if (app.host?.damaged)
      return sendJson(reply, 503, { ready: false, reason: 'database-damaged' });
    const outcome = await dispatch(app, { op: 'system.health', input: {}, token: null });
    if (!outcome.result.ok) return sendJson(reply, 503, { ready: false, reason: 'database' });
    return sendJson(reply, 200, { ready: true });
  });

  // ---- events ------------------------------------------------------------------------------
  const journal = new EventJournal(options.journalSize);
  const streams = new Set<StreamClient>();

  function enqueue(client: StreamClient, work: () => Promise<void>) {
    client.queue = client.queue.then(work).catch((e: unknown) => {
      // A busy database must not end the process (an unhandled rejection would).
      logError('event delivery failed', e);
    });
  }

  const unsubscribe = app.events.subscribe((event) => {
    const entry = journal.append(event);
    for (const client of streams) {
      enqueue(client, async () => {
        // The rule every transport follows (main/api/delivery.ts), the session resolved now.
        if (await eventRecipient(app, client.token, event)) {
          client.res.write(frame(entry.id, event));
        }
      });
    }
  });

  fastify.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    const client: StreamClient = {
      res,
      token: policy ? readCookie(request.headers.cookie, cookieName(policy)) : null,
      queue: Promise.resolve(),
    };
    const header = request.headers['last-event-id'];
    const lastEventId = Array.isArray(header) ? header[0] : header;
    // Where this stream starts, taken before anything can be appended: a reconnect replays what
    // came after the client's last event; a new stream starts now.
    const replay = lastEventId === undefined ? null : journal.since(lastEventId);
    const startId = journal.lastId;
    res.write(`: connected\nid: ${startId}\n\n`);
    streams.add(client);
    if (replay?.kind === 'gap') {
      // Too old to replay (a restart, or long away): the page refetches what it shows.
      res.write(`id: ${startId}\nevent: resync\ndata: {}\n\n`);
    } else if (replay && replay.entries.length > 0) {
      enqueue(client, async () => {
        // One session lookup for the whole replay, not one per event.
        const session = await clientSession(app, client.token);
        if (!session) return;
        for (const e of replay.entries) {
          if (eventIsFor(e.event, session.tokenHash, session.state))
            res.write(frame(e.id, e.event));
        }
      });
    }
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(ping);
      streams.delete(client);
    });
  });

  // ---- operations --------------------------------------------------------------------------
  fastify.all('/api/*', async (request: FastifyRequest, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const op = safeDecode(pathname.slice('/api/'.length)) ?? '';
    if (request.method !== 'POST') {
      return sendJson(reply, 405, errorResult('UNKNOWN_OPERATION', 'errors.UNKNOWN_OPERATION'), {
        Allow: 'POST',
      });
    }
    const origin = request.headers.origin;
    if (!policy || !originAllowed(policy, origin)) {
      return sendJson(reply, 403, errorResult('FORBIDDEN', 'errors.FORBIDDEN'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(reply, 415, errorResult('INVALID_INPUT', 'errors.INVALID_INPUT'));
    }
    const stream = request.body as Readable | undefined;
    const body = stream ? await readBody(stream, bodyLimitFor(op)) : '';
    if (body === 'too-large') {
      return sendJson(reply, 413, errorResult('PAYLOAD_TOO_LARGE', 'errors.PAYLOAD_TOO_LARGE'));
    }
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(reply, 400, errorResult('INVALID_INPUT', 'errors.INVALID_INPUT'));
    }
    // Beside the body (inputs are strict objects); the dispatcher checks its shape.
    const keyHeader = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    const idempotencyKey = Array.isArray(keyHeader) ? keyHeader.join(',') : keyHeader;
    // The dispatcher answers unknown names itself (UNKNOWN_OPERATION).
    const outcome = await dispatch(app, {
      op,
      input,
      token: readCookie(request.headers.cookie, cookieName(policy)),
      idempotencyKey,
      client: clientAddress(request.ip),
    });
    const headers: Record<string, string> = {};
    if (outcome.session !== undefined)
      headers['Set-Cookie'] = sessionCookie(policy, outcome.session);
    const status = outcome.result.ok ? 200 : (STATUS[outcome.result.error.code] ?? 400);
    if (!outcome.result.ok && outcome.result.error.code === 'BUSY') headers['Retry-After'] = '1';
    return sendJson(reply, status, outcome.result, headers);
  });

  // ---- the renderer ------------------------------------------------------------------------
  fastify.setNotFoundHandler(async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('Allow', 'GET, HEAD').type('text/plain').send('');
    }
    reply.hijack();
    const pathname = request.url.split('?')[0] ?? '/';
    await serveStatic(options.staticDir, pathname, request.raw, reply.raw);
  });

  const listening = { host, tls: tls !== null, publicOrigin: options.publicOrigin };
  // A refused configuration throws here, before anything is bound.
  listenPolicy({ ...listening, port: options.port ?? 0 });
  await fastify.listen({ host, port: options.port ?? 0 });
  const port = (fastify.server.address() as AddressInfo).port;
  boundPort = port;
  // The Host check needs the port actually bound (0 picks one).
  policy = listenPolicy({ ...listening, port });

  return {
    port,
    url: policy.origin,
    policy,
    close: async () => {
      closing = true;
      unsubscribe();
      for (const client of streams) client.res.end();
      streams.clear();
      await fastify.close();
    },
  };
}
