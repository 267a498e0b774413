import type { policyNames } from '../../../shared/policy/names';
import type { DomainHandlers } from '../../core/handler';
import { updatePolicy } from './policy';
import { getPolicy } from './policy';

export const policyHandlers: DomainHandlers<(typeof policyNames.operations)[number]> = {
  'policy.get': (ctx, input) => getPolicy(ctx.db, input.version),
  'policy.update': (ctx, input) => updatePolicy(ctx, input),
};
