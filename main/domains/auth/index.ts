export { authHandlers } from './handlers';
export { hashPassword } from './passwords';
export {
  endUserSessions,
  hashToken,
  noteActivity,
  resolveSession,
  touchSession,
  type SessionState,
} from './sessions';
export { IDEMPOTENCY_TTL_MS, findAnswer, inputHash, storeAnswer } from './idempotency';
export { forgetUnknownLogin } from './unknown-logins';
