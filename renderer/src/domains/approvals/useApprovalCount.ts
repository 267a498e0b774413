import { useOp } from '../../api/queries';

/**
 * The inbox count for the sidebar badge and the home page: read once, again on every approvals
 * event (through the invalidation table) and each minute. The count is passive: polling it does
 * not keep the session awake.
 */
export function useApprovalCount(enabled: boolean): number {
  const count = useOp('approvals.count', {}, { enabled, refetchInterval: 60_000 });
  return enabled ? (count.data?.count ?? 0) : 0;
}
