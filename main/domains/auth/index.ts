export { authHandlers } from './handlers';
export { hashPassword } from './passwords';
export { endUserSessions, resolveSession, touchSession } from './sessions';
