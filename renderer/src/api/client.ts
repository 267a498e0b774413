import type { EventName, OperationName } from '../../../shared/contract/names';
import type { EventPayload, OpInput, OpOutput } from '../../../shared/contract/operations';
import type { ApiError, Message, Result } from '../../../shared/result';

import { IDEMPOTENCY_HEADER, type ReceptionBridge } from '../../../shared/contract/bridge';

declare global {
  interface Window {
    /** What the Electron preload exposes; absent in browser mode. */
    receptionApi?: ReceptionBridge;
  }
}

type Listener = (error: ApiError) => void;
const errorListeners = new Set<Listener>();

/** Session-level errors (expired, locked) are also broadcast so the shell can react in one place. */
export function onSessionError(listener: Listener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

const networkError = (): ApiError => ({
  code: 'INTERNAL',
  key: 'errors.NETWORK',
  message: 'Cannot reach the service.',
});

/** A fresh idempotency key: a UUID where the context allows it, else 128 random bits in hex. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Waits before each retry of a call that never got an answer (the connection failed). Writes are
 * retried with the same idempotency key, so a write that did reach the server is not done twice.
 */
export const NETWORK_RETRY_DELAYS_MS = [300, 1000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function httpInvoke(op: string, input: unknown, key: string): Promise<Result<unknown>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [IDEMPOTENCY_HEADER]: key,
  };
  const body = JSON.stringify(input ?? {});
  for (let attempt = 0; ; attempt += 1) {
    let res: Response;
    try {
      res = await fetch(`/api/${op}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body,
      });
    } catch {
      const delay = NETWORK_RETRY_DELAYS_MS[attempt];
      if (delay === undefined) return { ok: false, error: networkError() };
      await sleep(delay);
      continue;
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      // An answer that is not ours (a proxy's error page): not retried.
      return { ok: false, error: networkError() };
    }
  }
}

export const transport: 'electron' | 'http' = window.receptionApi ? 'electron' : 'http';

export interface CallOptions {
  /**
   * The key that makes a retry of a write safe. Default: a new one per call (which the transport
   * reuses for its own retries); pass the same key to retry a call whose answer was lost.
   */
  idempotencyKey?: string;
}

/**
 * The one way the UI talks to main: Electron IPC when present, else HTTP on 127.0.0.1. Every call
 * carries an idempotency key, so a retry of a write never writes twice.
 */
export async function call<N extends OperationName>(
  op: N,
  input: OpInput<N>,
  options: CallOptions = {},
): Promise<Result<OpOutput<N>>> {
  // Every call carries a key and main uses it for writes only (it knows which those are). The
  // renderer asking OPERATIONS instead put every domain's schemas into the sign-in screen's code.
  const key = options.idempotencyKey ?? newIdempotencyKey();
  const result = window.receptionApi
    ? await window.receptionApi.invoke(op, input, { idempotencyKey: key })
    : await httpInvoke(op, input, key);
  if (
    !result.ok &&
    ['SESSION_EXPIRED', 'SESSION_LOCKED', 'UNAUTHENTICATED'].includes(result.error.code)
  ) {
    for (const l of errorListeners) l(result.error);
  }
  return result as Result<OpOutput<N>>;
}

/**
 * One shared server-sent-events stream for all subscribers in the browser: each EventSource holds
 * an HTTP connection, and Chromium allows six per host, so one per component would starve calls.
 * It opens with the first subscriber and closes with the last (at sign-out the app unmounts, so
 * the next user's stream carries the next user's cookie).
 */
let shared: { source: EventSource; users: number } | null = null;

function sharedSource(): EventSource {
  shared ??= { source: new EventSource('/api/events'), users: 0 };
  shared.users += 1;
  return shared.source;
}

function releaseSource() {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users <= 0) {
    shared.source.close();
    shared = null;
  }
}

/** Main → renderer events: IPC in Electron, server-sent events in the browser. */
export function subscribe<E extends EventName>(
  event: E,
  cb: (payload: EventPayload<E>) => void,
): () => void {
  if (window.receptionApi) {
    return window.receptionApi.subscribe(event, (p) => cb(p as EventPayload<E>));
  }
  const source = sharedSource();
  const handler = (e: MessageEvent<string>) => cb(JSON.parse(e.data) as EventPayload<E>);
  source.addEventListener(event, handler);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    source.removeEventListener(event, handler);
    releaseSource();
  };
}

/**
 * The stream came back after the server could not replay what was missed (it restarted, or the
 * page was away too long): `cb` runs, and the page should refetch what it shows. Browsers send
 * `Last-Event-ID` on reconnect by themselves; the server replays when it can and says `resync`
 * when it cannot. (In Electron the main process holds the stream: in client mode it sends the
 * event `system.resync`, which EVENT_INVALIDATIONS turns into a refetch of everything; local mode's
 * events never break.)
 */
export function onStreamResync(cb: () => void): () => void {
  if (window.receptionApi) return () => undefined;
  const source = sharedSource();
  const handler = () => cb();
  source.addEventListener('resync', handler);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    source.removeEventListener('resync', handler);
    releaseSource();
  };
}

/**
 * What to tell a person of a refusal shown in one place (not beside a form's fields): the field's
 * own message where main gave one ("the file cannot be read"), else the error's.
 */
export function refusalMessage(error: ApiError): Message {
  const field = error.fieldErrors ? Object.values(error.fieldErrors)[0] : undefined;
  return field ?? { key: error.key, ...(error.params ? { params: error.params } : {}) };
}
