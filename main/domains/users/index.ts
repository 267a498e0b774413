export { usersHandlers } from './handlers';
export {
  activeRoleCounts,
  createUser,
  getUser,
  insertUser,
  sysadminIds,
  takenLogins,
  type NewUser,
} from './users';
