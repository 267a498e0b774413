import { Badge } from 'antd';
import { useSession } from '../../session/SessionContext';
import { useApprovalCount } from './useApprovalCount';

/** The inbox count beside the sidebar entry; nothing when there is nothing to decide. */
export function ApprovalCountBadge() {
  const { can } = useSession();
  const count = useApprovalCount(can('approvals.decide'));
  return count > 0 ? <Badge count={count} size="small" data-testid="approval-count" /> : null;
}
