import { useCallback } from 'react';
import { useSession } from '../../../session/SessionContext';

/**
 * Where a booking's request opens: for the admin office (who books) its booking plan, for
 * everyone else who reads bookings the request itself.
 */
export function useRequestPath(): (requestId: number) => string {
  const { can } = useSession();
  const plans = can('bookings.manage');
  return useCallback(
    (requestId: number) => (plans ? `/bookings/plan/${requestId}` : `/requests/${requestId}`),
    [plans],
  );
}
