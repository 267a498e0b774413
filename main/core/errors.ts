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

export const fieldError = (field: string, key: string, params?: MessageParams) =>
  new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
    [field]: params ? { key, params } : { key },
  });
