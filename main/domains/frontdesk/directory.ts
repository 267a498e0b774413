import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';

// PLACEHOLDER (issue 11, in progress): the visitor directory's services replace this file.
const todo = () => Promise.reject(new AppError('NOT_FOUND', 'errors.NOT_FOUND'));

export const directoryHandlers: DomainHandlers<'frontdesk.suggestVisitors'> = {
  'frontdesk.suggestVisitors': todo,
};
