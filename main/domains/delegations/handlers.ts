import type { delegationsNames } from '../../../shared/delegations/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import * as delegations from './delegations';

export const delegationsHandlers: DomainHandlers<(typeof delegationsNames.operations)[number]> = {
  'delegations.list': (ctx) => delegations.listDelegations(ctx.db, requireActor(ctx).userId),
  'delegations.create': (ctx, input) => delegations.createDelegation(ctx, input),
  'delegations.revoke': (ctx, input) => delegations.revokeDelegation(ctx, input),
};
