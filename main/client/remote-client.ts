import crypto from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type tls from 'node:tls';
import { IDEMPOTENCY_HEADER, isIdempotencyKey } from '../../shared/contract/bridge';
import { isOperationName } from '../../shared/contract/names';
import type { ApiError, Result } from '../../shared/result';
import { isCertificateError } from './certificate';
import { EventStream } from './event-stream';
import { parseServerOrigin, type ServerOrigin } from './origin';
import { certificateFailure, isResult, networkFailure, refusal } from './results';
import { sessionCookieChange, type SessionCookie } from './session-cookie';
import type { SseMessage } from './sse-parser';
import {
  CERTIFICATE_CHANGED,
  CertificateChangedError,
  readPin,
  trustOptions,
  type TrustOptions,
} from './trust';

/**
 * The desktop app as a client of the office server (issue 14): what the Electron main process
 * uses instead of the local dispatcher in client mode. It carries `invoke` and `subscribe` over
 * HTTPS and keeps the session token to itself, as main/electron/ipc.ts does for the local
 * dispatcher: the renderer never sees it. One client is one session (one window's).
 */

/**
 * How the server looks from here. `connecting` until the first attempt ends; the UI shows the
 * others plainly ("服务器无法连接", "服务器证书已更改").
 */
export type ConnectionStatus =
  | 'connecting'
  | 'online'
  | 'offline'
  /** A pin, and the server shows another certificate: nothing is sent until it is confirmed again. */
  | 'certificate-changed'
  /** No pin, and the certificate does not verify for this name: it must be confirmed (pinned). */
  | 'certificate-untrusted';

export interface StatusDetail {
  atMs: number;
  /** What failed, for the failure statuses. */
  error?: ApiError;
}

export interface RemoteEventListener {
  /** An event addressed to this session's user; `payload` is the event's JSON. */
  onEvent: (name: string, payload: unknown) => void;
  /**
   * The stream came back but the server could not replay what was missed (it restarted, or the
   * client was away too long): refetch everything shown.
   */
  onResync?: () => void;
}

export interface RemoteClientOptions {
  /** `https://name[:port]`, as the person typed it (see origin.ts). */
  origin: string;
  /** The certificate the person confirmed (PEM). Without it, the system's authorities decide. */
  pinnedCertPem?: string;
  /** Its fingerprint as confirmed; checked against the PEM when given. */
  pinnedFingerprint256?: string;
  /** Name resolution (tests map `reception.test` to 127.0.0.1). */
  lookup?: net.LookupFunction;
  onStatus?: (status: ConnectionStatus, detail: StatusDetail) => void;
  now?: () => number;
  /** One attempt of a call, from connecting to the whole answer. Default 60 s. */
  timeoutMs?: number;
  /** Connecting and the TLS handshake, for calls and the event stream. Default 10 s. */
  connectTimeoutMs?: number;
  /** Pauses before retrying a call that never got an answer. Default: the renderer's [300, 1000]. */
  retryDelaysMs?: readonly number[];
  /** Pauses before reconnecting the event stream; the last repeats. Default 0.5, 1, 2, 5 s. */
  reconnectDelaysMs?: readonly number[];
  /** A stream silent this long (the server pings every 25 s) is reconnected. Default 60 s. */
  streamIdleTimeoutMs?: number;
}

export interface InvokeOptions {
  /** Default: a new key for this call, reused for its own retries. */
  idempotencyKey?: string;
  /** This call's `timeoutMs` (a long import, a backup). */
  timeoutMs?: number;
}

export interface RemoteClient {
  readonly origin: string;
  readonly status: ConnectionStatus;
  /** Runs an operation on the server. Never rejects: every failure is a `Result`. */
  invoke(op: string, input: unknown, options?: InvokeOptions): Promise<Result<unknown>>;
  /** Receives this session's events; the stream opens with the first listener. */
  subscribe(listener: RemoteEventListener): () => void;
  /** Stops the stream and every call and timer; calls made after it fail at once. */
  close(): void;
}

/** The renderer's own retry pauses (renderer/src/api/client.ts NETWORK_RETRY_DELAYS_MS). */
export const RETRY_DELAYS_MS: readonly number[] = [300, 1000];
export const RECONNECT_DELAYS_MS: readonly number[] = [500, 1000, 2000, 5000];

/**
 * Failures where no answer came and another attempt may get one. A call is retried with the same
 * idempotency key, so a write that did reach the server (its answer lost on the way back) is
 * answered from the server's record of it and not done twice.
 */
const RETRYABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

type Attempt =
  | { kind: 'answer'; result: Result<unknown> }
  | { kind: 'certificate'; result: Result<never>; status: ConnectionStatus }
  | { kind: 'failed'; cause: string; retry: boolean };

function timeoutError(message: string): Error {
  const error = new Error(message) as NodeJS.ErrnoException;
  error.code = 'ETIMEDOUT';
  return error;
}

export function createRemoteClient(options: RemoteClientOptions): RemoteClient {
  // Both throw for a configuration that cannot work (not for a server that cannot be reached).
  const target: ServerOrigin = parseServerOrigin(options.origin);
  const pin = readPin(options.pinnedCertPem, options.pinnedFingerprint256);
  const trust: TrustOptions = trustOptions(pin);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;

  /** The session: only ever sent to the server, never returned. */
  let session: SessionCookie | null = null;
  let status: ConnectionStatus = 'connecting';
  let closed = false;
  const inFlight = new Set<http.ClientRequest>();
  const pauses = new Map<NodeJS.Timeout, () => void>();
  const listeners = new Set<RemoteEventListener>();

  const agent = new https.Agent({
    keepAlive: true,
    // No TLS session resumption: a resumed session skips `checkServerIdentity`, and every new
    // connection should show the pinned certificate again (keep-alive makes handshakes rare).
    maxCachedSessions: 0,
  });

  /** What every connection needs: where, and whom to trust. */
  const connection = (): https.RequestOptions & tls.ConnectionOptions => ({
    host: target.hostname,
    port: target.port,
    ...(net.isIP(target.hostname) ? {} : { servername: target.hostname }),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...trust,
    minVersion: 'TLSv1.2',
  });

  const setStatus = (next: ConnectionStatus, error?: ApiError) => {
    if (next === status || closed) return;
    status = next;
    try {
      options.onStatus?.(next, { atMs: now(), ...(error ? { error } : {}) });
    } catch (e) {
      console.error('onStatus failed', e);
    }
  };

  /** What a failed connection means: the certificate (not retried) or the network. */
  const classify = (e: NodeJS.ErrnoException): Exclude<Attempt, { kind: 'answer' }> => {
    const code = e.code ?? 'ERROR';
    if (code === CERTIFICATE_CHANGED || isCertificateError(code)) {
      // With a pin, any certificate that does not verify is not the confirmed one.
      if (pin) {
        const presented = e instanceof CertificateChangedError ? e.presented : undefined;
        return {
          kind: 'certificate',
          result: certificateFailure('changed', code, presented),
          status: 'certificate-changed',
        };
      }
      return {
        kind: 'certificate',
        result: certificateFailure('untrusted', code),
        status: 'certificate-untrusted',
      };
    }
    return { kind: 'failed', cause: code, retry: RETRYABLE.has(code) };
  };

  const applyCookies = (headers: string[] | undefined) => {
    const change = sessionCookieChange(headers);
    if (change === null) return;
    const before = session?.value ?? null;
    session = change.kind === 'set' ? change.cookie : null;
    // The server reads the cookie when a stream opens: a new session needs a new stream.
    if ((session?.value ?? null) !== before) stream.restart();
  };

  const baseHeaders = (): Record<string, string> => ({
    Host: target.host,
    ...(session ? { Cookie: `${session.name}=${session.value}` } : {}),
  });

  /** One POST; settles with what happened, never rejects. */
  const attempt = (op: string, body: string, key: string, ms: number): Promise<Attempt> =>
    new Promise((resolve) => {
      let settled = false;
      let responded = false;
      let connectTimer: NodeJS.Timeout | null = null;
      let callTimer: NodeJS.Timeout | null = null;
      let request: http.ClientRequest | null = null;
      const finish = (outcome: Attempt) => {
        if (settled) return;
        settled = true;
        if (callTimer) clearTimeout(callTimer);
        if (connectTimer) clearTimeout(connectTimer);
        if (request) inFlight.delete(request);
        resolve(outcome);
      };
      try {
        request = https.request(
          {
            ...connection(),
            agent,
            method: 'POST',
            path: `/api/${encodeURIComponent(op)}`,
            headers: {
              ...baseHeaders(),
              // The office server takes writes only from its public origin; this client is one.
              Origin: target.origin,
              'Content-Type': 'application/json',
              'Content-Length': String(Buffer.byteLength(body)),
              Accept: 'application/json',
              [IDEMPOTENCY_HEADER]: key,
            },
          },
          (res) => {
            responded = true;
            applyCookies(res.headers['set-cookie']);
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', (e: NodeJS.ErrnoException) => finish(classify(e)));
            res.on('close', () => {
              // Cut off inside the answer: the write may be done; the retry's key makes that safe.
              if (!res.complete) {
                finish({ kind: 'failed', cause: 'ECONNRESET', retry: true });
                return;
              }
              let parsed: unknown;
              try {
                parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                parsed = undefined;
              }
              // Not the contract's answer (a proxy's error page): an answer, so not retried.
              finish(
                isResult(parsed)
                  ? { kind: 'answer', result: parsed }
                  : {
                      kind: 'failed',
                      cause: `HTTP ${res.statusCode ?? 0} not a result`,
                      retry: false,
                    },
              );
            });
          },
        );
      } catch (e) {
        // A request Node will not even make (a header the server set that is not sendable).
        finish({
          kind: 'failed',
          cause: (e as NodeJS.ErrnoException).code ?? 'ERROR',
          retry: false,
        });
        return;
      }
      const req = request;
      inFlight.add(req);
      callTimer = setTimeout(() => req.destroy(timeoutError(`no answer within ${ms} ms`)), ms);
      req.on('socket', (socket: tls.TLSSocket) => {
        // A kept-alive connection is already verified; a new one gets a shorter limit to connect.
        if (socket.authorized) return;
        connectTimer = setTimeout(
          () => req.destroy(timeoutError(`no connection within ${connectTimeoutMs} ms`)),
          connectTimeoutMs,
        );
        socket.once('secureConnect', () => {
          if (connectTimer) clearTimeout(connectTimer);
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => finish(classify(e)));
      // A last guard so the call always settles: closed with no answer and no error reported.
      req.on('close', () => {
        if (!responded) finish({ kind: 'failed', cause: 'ECONNRESET', retry: true });
      });
      req.end(body);
    });

  /** Waits, unless the client is closed meanwhile. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });

  const invoke: RemoteClient['invoke'] = async (op, input, callOptions = {}) => {
    if (closed) return networkFailure('closed');
    // The contract's names only: nothing else is sent (as the preload allows nothing else).
    if (!isOperationName(op)) return refusal('UNKNOWN_OPERATION');
    const key = callOptions.idempotencyKey ?? crypto.randomUUID();
    if (!isIdempotencyKey(key)) return refusal('INVALID_INPUT');
    let body: string;
    try {
      body = JSON.stringify(input ?? {});
    } catch {
      return refusal('INVALID_INPUT'); // a cycle, a BigInt: nothing the server could read
    }
    for (let n = 0; ; n += 1) {
      const outcome = await attempt(op, body, key, callOptions.timeoutMs ?? timeoutMs);
      if (outcome.kind === 'answer') {
        setStatus('online');
        stream.nudge();
        return outcome.result;
      }
      if (outcome.kind === 'certificate') {
        if (!outcome.result.ok) setStatus(outcome.status, outcome.result.error);
        return outcome.result;
      }
      const delay = outcome.retry ? retryDelays[n] : undefined;
      if (delay === undefined || closed) {
        // Never kept to be sent later: the person is told now, and decides.
        const failure = networkFailure(outcome.cause);
        if (!closed && !failure.ok) setStatus('offline', failure.error);
        return failure;
      }
      await pause(delay);
      if (closed) return networkFailure('closed');
    }
  };

  const deliver = (message: SseMessage) => {
    if (message.event === 'resync') {
      for (const l of [...listeners]) {
        try {
          l.onResync?.();
        } catch (e) {
          console.error('onResync failed', e);
        }
      }
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return; // not the server's frame: skipped rather than passed on half-read
    }
    for (const l of [...listeners]) {
      try {
        l.onEvent(message.event, payload);
      } catch (e) {
        console.error(`listener of ${message.event} failed`, e);
      }
    }
  };

  const stream = new EventStream({
    reconnectDelaysMs: options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS,
    connectTimeoutMs,
    idleTimeoutMs: options.streamIdleTimeoutMs ?? 60_000,
    open: (lastEventId) =>
      https.request({
        ...connection(),
        // Its own connection: a stream holds it for hours, calls use the pool.
        agent: false,
        method: 'GET',
        path: '/api/events',
        headers: {
          ...baseHeaders(),
          Accept: 'text/event-stream',
          'Cache-Control': 'no-store',
          ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
        },
      }),
    onOpen: () => setStatus('online'),
    onFailure: (e: NodeJS.ErrnoException) => {
      const outcome = classify(e);
      if (outcome.kind === 'certificate') {
        if (!outcome.result.ok) setStatus(outcome.status, outcome.result.error);
      } else {
        const failure = networkFailure(outcome.cause);
        if (!failure.ok) setStatus('offline', failure.error);
      }
    },
    onMessage: deliver,
  });

  return {
    origin: target.origin,
    get status() {
      return status;
    },
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      if (!closed) stream.start();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0) stream.stop();
      };
    },
    close() {
      if (closed) return;
      closed = true;
      stream.stop();
      listeners.clear();
      for (const request of inFlight) request.destroy();
      inFlight.clear();
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer);
        resolve();
      }
      pauses.clear();
      agent.destroy();
      session = null;
    },
  };
}
