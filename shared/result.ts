/** Errors are values across the process boundary (DESIGN.md §4). */
export const ERROR_CODES = [
  'UNKNOWN_OPERATION',
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  /** Too many failed sign-ins from this client address lately: wait, nothing was checked. */
  'TOO_MANY_ATTEMPTS',
  'SETUP_ALREADY_DONE',
  'PAYLOAD_TOO_LARGE',
  /** The database stayed locked by another writer past the busy timeout: nothing was done, try again. */
  'BUSY',
  /** An idempotency key came back with another operation or input: refused, nothing was done. */
  'IDEMPOTENCY_KEY_REUSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

/** A message the renderer can translate: an i18n key plus its interpolation values. */
export interface Message {
  key: string;
  params?: MessageParams;
}

export interface ApiError {
  code: ErrorCode;
  /** The message in the caller's language (zh-CN before login). */
  message: string;
  /** The same message as a key, so a renderer that switched language can translate it again. */
  key: string;
  params?: MessageParams;
  /** Per-field messages, keyed by the dotted path of the field (`visitors.0.phone`). */
  fieldErrors?: Record<string, Message>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
