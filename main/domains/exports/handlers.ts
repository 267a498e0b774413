import type { exportsNames } from '../../../shared/exports/names';
import { AppError } from '../../core/errors';
import type { DomainHandlers } from '../../core/handler';

type Op = (typeof exportsNames.operations)[number];

// PLACEHOLDER (foundation): the exports helper replaces these stubs.
const todo = (): never => {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
};

export const exportsHandlers: DomainHandlers<Op> = {
  'exports.start': async () => todo(),
  'exports.download': async () => todo(),
};
