import { approvalsZhCN } from '../approvals/i18n.zh-CN';
import { attachmentsZhCN } from '../attachments/i18n.zh-CN';
import { auditZhCN } from '../audit/i18n.zh-CN';
import { bookingsZhCN } from '../bookings/i18n.zh-CN';
import { frontdeskZhCN } from '../frontdesk/i18n.zh-CN';
import { expensesZhCN } from '../expenses/i18n.zh-CN';
import { exportsZhCN } from '../exports/i18n.zh-CN';
import { backupsZhCN } from '../backups/i18n.zh-CN';
import { authZhCN } from '../auth/i18n.zh-CN';
import { delegationsZhCN } from '../delegations/i18n.zh-CN';
import { departmentsZhCN } from '../departments/i18n.zh-CN';
import { homeZhCN } from '../home/i18n.zh-CN';
import { notificationsZhCN } from '../notifications/i18n.zh-CN';
import { policyZhCN } from '../policy/i18n.zh-CN';
import { requestsZhCN } from '../requests/i18n.zh-CN';
import { settingsZhCN } from '../settings/i18n.zh-CN';
import { setupZhCN } from '../setup/i18n.zh-CN';
import { tasksZhCN } from '../tasks/i18n.zh-CN';
import { usersZhCN } from '../users/i18n.zh-CN';
import { mergeCatalogs } from './merge';
import { coreZhCN } from './parts/core.zh-CN';

/**
 * 简体中文 — the default language: the kernel's part and one part per domain, one line each.
 * Every key here must exist in en.ts (the typecheck and a test check).
 */
export const zhCN = mergeCatalogs(
  coreZhCN,
  authZhCN,
  usersZhCN,
  departmentsZhCN,
  auditZhCN,
  settingsZhCN,
  notificationsZhCN,
  homeZhCN,
  policyZhCN,
  requestsZhCN,
  approvalsZhCN,
  delegationsZhCN,
  attachmentsZhCN,
  setupZhCN,
  bookingsZhCN,
  tasksZhCN,
  frontdeskZhCN,
  expensesZhCN,
  exportsZhCN,
  backupsZhCN,
);
