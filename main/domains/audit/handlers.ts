import type { auditNames } from '../../../shared/audit/names';
import type { DomainHandlers } from '../../core/handler';
import { listAudit } from './audit';

export const auditHandlers: DomainHandlers<(typeof auditNames.operations)[number]> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
};
