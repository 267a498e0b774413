/**
 * The only code that runs with access to both the page and Electron. It is sandboxed (it can
 * require nothing but 'electron') and bundled into one CJS file, so it imports only the name
 * lists from the contract — not the schemas — to stay small.
 *
 * It exposes exactly `invoke` and `subscribe`. Names outside the contract are refused here,
 * before they reach IPC; main checks everything again anyway.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_KEY,
  isIdempotencyKey,
  type InvokeOptions,
  type ReceptionBridge,
} from '../../shared/contract/bridge';
import {
  isEventName,
  isOperationName,
  type EventName,
  type OperationName,
} from '../../shared/contract/names';
import type { ErrorCode, Result } from '../../shared/result';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from './channels';

/**
 * An error value made here, where the i18n catalog is not available: the renderer translates
 * `key`; `message` is only a fallback.
 */
function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, key: `errors.${code}`, message } };
}

type Callback = (payload: unknown) => void;
const callbacks = new Map<EventName, Set<Callback>>();

// One IPC listener for all events. The IpcRendererEvent (which carries `sender`) is never handed
// to page code: callbacks get the payload only.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const cb of callbacks.get(name) ?? []) {
    try {
      cb(payload);
    } catch (e) {
      console.error(`subscriber for ${name} failed`, e);
    }
  }
});

const bridge: ReceptionBridge = {
  async invoke(
    op: OperationName,
    input: unknown,
    options?: InvokeOptions,
  ): Promise<Result<unknown>> {
    if (!isOperationName(op)) return failure('UNKNOWN_OPERATION', '不支持的操作。');
    // Only a bounded key crosses, copied into a fresh object (no getters, no extra fields).
    let extra: [InvokeOptions] | [] = [];
    if (options !== undefined) {
      const key: unknown =
        typeof options === 'object' && options !== null ? options.idempotencyKey : null;
      if (key !== undefined && !isIdempotencyKey(key)) {
        return failure('INVALID_INPUT', '输入有误。');
      }
      if (key !== undefined) extra = [{ idempotencyKey: key }];
    }
    try {
      return (await ipcRenderer.invoke(INVOKE_CHANNEL, op, input, ...extra)) as Result<unknown>;
    } catch (e) {
      // Only reachable if main is not listening (shutting down) or the input cannot be cloned.
      console.error(`invoke ${op} failed`, e);
      return failure('INTERNAL', '系统内部错误，操作未执行。');
    }
  },

  subscribe(event: EventName, cb: Callback): () => void {
    if (!isEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
    if (typeof cb !== 'function') throw new TypeError('subscribe needs a callback');
    const existing = callbacks.get(event);
    const set = existing ?? new Set<Callback>();
    if (!existing) {
      callbacks.set(event, set);
      // Main forwards an event to this window only after it was asked for it.
      ipcRenderer.send(SUBSCRIBE_CHANNEL, event);
    }
    // Wrapped so the same function subscribed twice gets two independent unsubscribes.
    const entry: Callback = (payload) => cb(payload);
    set.add(entry);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(entry);
      if (set.size === 0) {
        callbacks.delete(event);
        ipcRenderer.send(UNSUBSCRIBE_CHANNEL, event);
      }
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, Object.freeze(bridge));
