import type { Result } from '../result';
import type { EventName, OperationName } from './names';

/** The global name under which the Electron preload exposes the bridge (`window.receptionApi`). */
export const BRIDGE_KEY = 'receptionApi';

/** What a call may carry beside its input (IPC's third argument; HTTP's `Idempotency-Key`). */
export interface InvokeOptions {
  idempotencyKey?: string;
}

/** The HTTP header that carries the key in browser mode. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * A key is 1–128 visible ASCII characters (a UUID is 36). Checked in the preload, the transports
 * and the dispatcher; plain code, so the sandboxed preload can bundle it.
 */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);
}

/**
 * Everything the Electron preload gives the renderer, and nothing more: one call into the
 * dispatcher and one event subscription, both limited to the contract's names. The session lives
 * in the main process; the renderer never sees a token. In browser mode this object is absent and
 * the renderer uses HTTP instead.
 */
export interface ReceptionBridge {
  /**
   * Runs an operation. Never rejects: failures are `{ ok: false, error }` values. The key travels
   * beside the input (inputs are strict objects): a write retried with the same key gets the first
   * answer and writes nothing.
   */
  invoke(op: OperationName, input: unknown, options?: InvokeOptions): Promise<Result<unknown>>;
  /**
   * Receives an event addressed to the signed-in user. Returns the function that stops it.
   * Throws for a name that is not in the contract (a programming error, not a runtime one).
   */
  subscribe(event: EventName, cb: (payload: unknown) => void): () => void;
}
