/** Roles and permissions (collected from every domain's names), and the auth contract. */
export * from './roles';
export { authOperations, setupInput } from './contract';
