import type { ErrorCode, Message, MessageParams } from '../../shared/result';

/** Thrown by services: rolls back the transaction and becomes an error value at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params?: MessageParams,
    readonly fieldErrors?: Record<string, Message>,
  ) {
    super(key);
    this.name = 'AppError';
  }
}

/**
 * Returned (not thrown) by a handler whose writes must stand although the call fails: a wrong
 * password still counts towards the lockout.
 */
export class Failure {
  constructor(readonly error: AppError) {}
}

/**
 * SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes), which
 * better-sqlite3 throws once the busy timeout has passed: another writer held the file too long.
 */
export function isBusyError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

export const fieldError = (field: string, key: string, params?: MessageParams) =>
  new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
    [field]: params ? { key, params } : { key },
  });
