import { isIdempotencyKey } from '../../shared/contract/bridge';
import { translate } from '../../shared/i18n/translate';
import type { ErrorCode, Result } from '../../shared/result';
import { bodyLimitFor } from '../api/body-limit';
import { isTrustedRendererUrl, type TrustOptions } from './window-options';

/**
 * What every IPC call passes before it reaches a backend — the local dispatcher (ipc.ts) or the
 * office server (remote-ipc.ts) — so both transports refuse the same things the same way.
 */

/** The parts of an IPC event the guards read. */
export interface GuardedEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export function errorResult(code: ErrorCode): Result<never> {
  const key = `errors.${code}`;
  // No session is known at this point, so the message is in the default language.
  return { ok: false, error: { code, key, message: translate('zh-CN', key) } };
}

/** Only the app's own page may call (senderFrame is null when the frame navigated away mid-call). */
export function fromTrustedFrame(event: GuardedEvent, trust: TrustOptions): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isTrustedRendererUrl(url, trust);
}

/** Same limit as the HTTP body, per operation: IPC must not be a way around it. */
export function tooLarge(op: unknown, input: unknown): boolean {
  try {
    const json = JSON.stringify(input ?? null);
    return json !== undefined && Buffer.byteLength(json, 'utf8') > bodyLimitFor(op);
  } catch {
    return false; // not JSON-shaped (e.g. a cycle): the input schema will reject it
  }
}

/** The optional third argument of invoke: `{ idempotencyKey }`, or a refusal. */
export function invokeKey(options: unknown): { ok: true; key: string | undefined } | { ok: false } {
  if (options === undefined || options === null) return { ok: true, key: undefined };
  const key: unknown =
    typeof options === 'object' ? (options as { idempotencyKey?: unknown }).idempotencyKey : 0;
  if (key !== undefined && !isIdempotencyKey(key)) return { ok: false };
  return { ok: true, key };
}

/**
 * State kept per window (its session in local mode, its subscriptions): made at the window's
 * first call and forgotten when the window is destroyed.
 */
export function perWindow<
  S extends { readonly id: number; once(event: 'destroyed', listener: () => void): unknown },
  T,
>(make: (sender: S) => T) {
  const entries = new Map<number, T>();
  return {
    entries,
    for(sender: S): T {
      let entry = entries.get(sender.id);
      if (!entry) {
        const created = make(sender);
        entries.set(sender.id, created);
        sender.once('destroyed', () => {
          if (entries.get(sender.id) === created) entries.delete(sender.id);
        });
        entry = created;
      }
      return entry;
    },
  };
}
