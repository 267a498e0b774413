import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER } from '../../shared/contract/bridge';
import { isOperationName } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';
import type { ApiError, ErrorCode, Result } from '../../shared/result';
import { translate } from '../../shared/i18n/translate';
import { dispatch, type App } from '../api/dispatcher';
import { CSP_HEADER } from '../core/csp';
import { resolveSession } from '../domains/auth';
import { getSettings } from '../domains/settings';

/**
 * Browser mode: the same dispatcher over HTTP. It binds 127.0.0.1 and nothing else; there is no
 * option to listen elsewhere.
 */
export const HOST = '127.0.0.1';
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The body limit of one operation: its own (`bodyLimitBytes`: a file upload) or the small default.
 * Never raised for all: a large body is work for the parser, and only an upload has a reason.
 */
export function bodyLimitFor(op: unknown): number {
  return (isOperationName(op) ? OPERATIONS[op].bodyLimitBytes : undefined) ?? BODY_LIMIT_BYTES;
}
const COOKIE = 'rm_session';

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

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface ServerOptions {
  port?: number;
  /** Folder of the built renderer (`out/renderer`). */
  staticDir: string;
}

export interface RunningServer {
  port: number;
  url: string;
  close: () => Promise<void>;
}

/** decodeURIComponent that answers null for a malformed escape instead of throwing. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function readCookie(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return safeDecode(v.join('='));
  }
  return null;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

function errorResult(code: ErrorCode, key: string): Result<never> {
  const error: ApiError = { code, key, message: translate('zh-CN', key) };
  return { ok: false, error };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** DNS rebinding guard: a page on another name that resolves to 127.0.0.1 must not get in. */
function hostAllowed(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** A request from another origin (a web page the clerk happens to have open) is refused. */
function originAllowed(req: http.IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

export async function startServer(app: App, options: ServerOptions): Promise<RunningServer> {
  const sse = new Set<{ res: http.ServerResponse; token: string | null }>();
  const unsubscribe = app.events.subscribe((event) => {
    for (const client of sse) {
      void (async () => {
        const settings = await getSettings(app.db);
        const state = await resolveSession(
          app.db,
          client.token,
          app.clock(),
          settings.idleLockMinutes,
        );
        if (state.status !== 'active' && state.status !== 'locked') return;
        if (!event.userIds.includes(state.userId)) return;
        client.res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
      })().catch((e: unknown) => {
        // A busy database must not end the process (an unhandled rejection would).
        console.error('event delivery failed', e);
      });
    }
  });

  let port = 0;
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('request failed', e);
      if (!res.headersSent) send(res, 500, errorResult('INTERNAL', 'errors.INTERNAL'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname === '/api/health' && req.method === 'GET') {
      const outcome = await dispatch(app, { op: 'system.health', input: {}, token: null });
      send(res, 200, outcome.result);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const client = { res, token: readCookie(req) };
      sse.add(client);
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.on('close', () => {
        clearInterval(ping);
        sse.delete(client);
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const op = safeDecode(url.pathname.slice('/api/'.length)) ?? '';
      if (req.method !== 'POST') {
        send(res, 405, errorResult('UNKNOWN_OPERATION', 'errors.UNKNOWN_OPERATION'), {
          Allow: 'POST',
        });
        return;
      }
      if (!originAllowed(req, port)) {
        send(res, 403, errorResult('FORBIDDEN', 'errors.FORBIDDEN'));
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, errorResult('INVALID_INPUT', 'errors.INVALID_INPUT'));
        return;
      }
      const body = await readBody(req, bodyLimitFor(op));
      if (body === 'too-large') {
        send(res, 413, errorResult('PAYLOAD_TOO_LARGE', 'errors.PAYLOAD_TOO_LARGE'));
        return;
      }
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        send(res, 400, errorResult('INVALID_INPUT', 'errors.INVALID_INPUT'));
        return;
      }
      // Beside the body (inputs are strict objects); the dispatcher checks its shape.
      const keyHeader = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
      const idempotencyKey = Array.isArray(keyHeader) ? keyHeader.join(',') : keyHeader;
      // The dispatcher answers unknown names itself (UNKNOWN_OPERATION).
      const outcome = await dispatch(app, {
        op,
        input,
        token: readCookie(req),
        idempotencyKey,
        client: req.socket.remoteAddress ?? 'unknown',
      });
      const headers: Record<string, string> = {};
      if (outcome.session !== undefined) {
        headers['Set-Cookie'] =
          outcome.session === null
            ? `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
            : `${COOKIE}=${encodeURIComponent(outcome.session)}; HttpOnly; SameSite=Strict; Path=/`;
      }
      const status = outcome.result.ok ? 200 : (STATUS[outcome.result.error.code] ?? 400);
      if (!outcome.result.ok && outcome.result.error.code === 'BUSY') headers['Retry-After'] = '1';
      send(res, status, outcome.result, headers);
      return;
    }
    await serveStatic(options.staticDir, url.pathname, req, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sse) client.res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Precompressed variants written beside each file at build time, best first (scripts/precompress.ts). */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/**
 * The codings a client accepts (`Accept-Encoding`), without those it refuses with `q=0`. A bare
 * `*` accepts every coding not listed.
 */
export function acceptedEncodings(header: string | undefined): (name: string) => boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.toLowerCase().split(';');
    const token = name?.trim();
    if (!token) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(token, q === undefined ? 1 : Number(q));
  }
  return (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
}

/**
 * Vite's output names (`assets/index-B2xk9_aZ.js`): the content hash is in the name, so the file
 * at that URL never changes and may be cached for good. Everything else (index.html above all)
 * must be revalidated, or a browser keeps an old page that asks for chunks that are gone.
 */
export function isHashedAsset(relativePath: string): boolean {
  return /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i.test(relativePath);
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

async function statFile(file: string): Promise<fs.Stats | null> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/**
 * The built renderer: the precompressed `.br`/`.gz` beside a file when the client takes it,
 * immutable caching for hashed assets, revalidation (ETag, 304) for the rest. A path without a
 * file is the app's page (index.html); a missing file that has an extension is a 404, so an old
 * chunk asked for after an update fails as a load error instead of arriving as HTML.
 */
async function serveStatic(
  root: string,
  pathname: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const base = path.resolve(root);
  const decoded = safeDecode(pathname);
  let file = path.resolve(base, '.' + (decoded ?? '/'));
  if (decoded === null || (!file.startsWith(base + path.sep) && file !== base)) {
    res.writeHead(404).end();
    return;
  }
  let stat = await statFile(file);
  if (!stat) {
    if (path.extname(file) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    file = path.join(base, 'index.html');
    stat = await statFile(file);
  }
  if (!stat) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built. Run: npm run build');
    return;
  }

  const accepts = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  let encoding: string | null = null;
  for (const e of ENCODINGS) {
    if (!accepts(e.name)) continue;
    const variant = await statFile(file + e.ext);
    if (variant) {
      body = file + e.ext;
      stat = variant;
      encoding = e.name;
      break;
    }
  }
  const relative = path.relative(base, file).split(path.sep).join('/');
  // Size and time of the bytes sent: each encoding of a file is its own representation.
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Security-Policy': CSP_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
    ETag: etag,
  };
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['Content-Type'] = MIME[path.extname(file)] ?? 'application/octet-stream';
  headers['Content-Length'] = String(stat.size);
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file replaced by a new build between stat and read: end the response, not the process.
  fs.createReadStream(body)
    .on('error', () => res.destroy())
    .pipe(res);
}
