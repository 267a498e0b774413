import type { usersNames } from '../../../shared/users/names';
import type { DomainHandlers } from '../../core/handler';
import * as users from './users';

export const usersHandlers: DomainHandlers<(typeof usersNames.operations)[number]> = {
  'users.list': (ctx) => users.listUsers(ctx.db, ctx.nowMs),
  'users.directory': (ctx) => users.listDirectory(ctx.db),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.update': (ctx, input) => users.updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input),
  'users.unlock': (ctx, input) => users.unlockUser(ctx, input),
};
