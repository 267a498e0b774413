import type { delegationsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const delegationsEn: Shape<typeof delegationsZhCN> = {
  errors: {
    delegateSelf: 'You cannot delegate to yourself.',
    delegateNotApprover:
      'The delegate must be a department head, an executive or in the admin office.',
    delegationTooLong:
      'A delegation lasts at most $t(common.units.day, {"count": {{max}} }) (first and last day included): choose an earlier end date.',
  },
  ops: {
    delegations: { create: 'Delegate', revoke: 'Revoke delegation' },
  },
};
