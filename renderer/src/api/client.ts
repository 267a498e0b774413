import type { EventName, OperationName } from '../../../shared/contract/names';
import type { EventPayload, OpInput, OpOutput } from '../../../shared/contract/operations';
import type { ApiError, Result } from '../../../shared/result';

import type { ReceptionBridge } from '../../../shared/contract/bridge';

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

async function httpInvoke(op: string, input: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${op}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: networkError() };
  }
}

export const transport: 'electron' | 'http' = window.receptionApi ? 'electron' : 'http';

/** The one way the UI talks to main: Electron IPC when present, else HTTP on 127.0.0.1. */
export async function call<N extends OperationName>(
  op: N,
  input: OpInput<N>,
): Promise<Result<OpOutput<N>>> {
  const result = window.receptionApi
    ? await window.receptionApi.invoke(op, input)
    : await httpInvoke(op, input);
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
