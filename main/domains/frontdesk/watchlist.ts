import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';

// PLACEHOLDER (issue 11, in progress): the watchlist's services replace this file.
const todo = () => Promise.reject(new AppError('NOT_FOUND', 'errors.NOT_FOUND'));

export const watchHandlers: DomainHandlers<
  'frontdesk.watchlist' | 'frontdesk.saveWatch' | 'frontdesk.setWatchActive'
> = {
  'frontdesk.watchlist': todo,
  'frontdesk.saveWatch': todo,
  'frontdesk.setWatchActive': todo,
};
