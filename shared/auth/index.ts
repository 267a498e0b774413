/** Roles and permissions (collected from every domain's names), the auth contract, sessions. */
export * from './roles';
export { authOperations, setupInput } from './contract';
export * from './sessions';
