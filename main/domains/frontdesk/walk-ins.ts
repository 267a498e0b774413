import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';

// PLACEHOLDER (issue 11, in progress): the walk-ins' services replace this file.
const todo = () => Promise.reject(new AppError('NOT_FOUND', 'errors.NOT_FOUND'));

export const walkInHandlers: DomainHandlers<
  | 'frontdesk.registerWalkIn'
  | 'frontdesk.walkIns'
  | 'frontdesk.walkIn'
  | 'frontdesk.answerWalkIn'
  | 'frontdesk.myWalkIns'
  | 'frontdesk.hosts'
> = {
  'frontdesk.registerWalkIn': todo,
  'frontdesk.walkIns': todo,
  'frontdesk.walkIn': todo,
  'frontdesk.answerWalkIn': todo,
  'frontdesk.myWalkIns': todo,
  'frontdesk.hosts': todo,
};
