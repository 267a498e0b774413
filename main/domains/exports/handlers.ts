import type { exportsNames } from '../../../shared/exports/names';
import type { DomainHandlers } from '../../core/handler';
import { downloadExport, startExport } from './jobs';

type Op = (typeof exportsNames.operations)[number];

export const exportsHandlers: DomainHandlers<Op> = {
  'exports.start': (ctx, input, env) => startExport(ctx, input, env),
  'exports.download': (ctx, input) => downloadExport(ctx, input),
};
