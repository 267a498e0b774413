import type { DelegationView } from '../../../../shared/delegations/views';

export type DelegationState = 'active' | 'upcoming' | 'expired' | 'revoked';

/** Where a delegation stands on `today` (company `YYYY-MM-DD`); both end days are included. */
export function delegationState(d: DelegationView, today: string): DelegationState {
  if (d.revoked) return 'revoked';
  if (d.toDate < today) return 'expired';
  if (d.fromDate > today) return 'upcoming';
  return 'active';
}

export const DELEGATION_COLOR: Record<DelegationState, string> = {
  active: 'green',
  upcoming: 'blue',
  expired: 'default',
  revoked: 'default',
};
