import type { Result } from '../result';
import type { EventName, OperationName } from './names';

/** The global name under which the Electron preload exposes the bridge (`window.receptionApi`). */
export const BRIDGE_KEY = 'receptionApi';

/**
 * Everything the Electron preload gives the renderer, and nothing more: one call into the
 * dispatcher and one event subscription, both limited to the contract's names. The session lives
 * in the main process; the renderer never sees a token. In browser mode this object is absent and
 * the renderer uses HTTP instead.
 */
export interface ReceptionBridge {
  /** Runs an operation. Never rejects: failures are `{ ok: false, error }` values. */
  invoke(op: OperationName, input: unknown): Promise<Result<unknown>>;
  /**
   * Receives an event addressed to the signed-in user. Returns the function that stops it.
   * Throws for a name that is not in the contract (a programming error, not a runtime one).
   */
  subscribe(event: EventName, cb: (payload: unknown) => void): () => void;
}
