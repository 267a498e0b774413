export { usersHandlers } from './handlers';
export { getUser, insertUser, sysadminIds, type NewUser } from './users';
