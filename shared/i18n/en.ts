import { approvalsEn } from '../approvals/i18n.en';
import { attachmentsEn } from '../attachments/i18n.en';
import { auditEn } from '../audit/i18n.en';
import { bookingsEn } from '../bookings/i18n.en';
import { frontdeskEn } from '../frontdesk/i18n.en';
import { expensesEn } from '../expenses/i18n.en';
import { exportsEn } from '../exports/i18n.en';
import { backupsEn } from '../backups/i18n.en';
import { authEn } from '../auth/i18n.en';
import { delegationsEn } from '../delegations/i18n.en';
import { departmentsEn } from '../departments/i18n.en';
import { homeEn } from '../home/i18n.en';
import { notificationsEn } from '../notifications/i18n.en';
import { policyEn } from '../policy/i18n.en';
import { requestsEn } from '../requests/i18n.en';
import { settingsEn } from '../settings/i18n.en';
import { setupEn } from '../setup/i18n.en';
import { tasksEn } from '../tasks/i18n.en';
import { usersEn } from '../users/i18n.en';
import { mergeCatalogs } from './merge';
import { coreEn } from './parts/core.en';
import type { Shape } from './shape';
import type { zhCN } from './zh-CN';

/**
 * English: the same parts as zh-CN.ts, one line per domain. Typed against zh-CN so a missing key
 * fails the typecheck as well as the test.
 */
export const en: Shape<typeof zhCN> = mergeCatalogs(
  coreEn,
  authEn,
  usersEn,
  departmentsEn,
  auditEn,
  settingsEn,
  notificationsEn,
  homeEn,
  policyEn,
  requestsEn,
  approvalsEn,
  delegationsEn,
  attachmentsEn,
  setupEn,
  bookingsEn,
  tasksEn,
  frontdeskEn,
  expensesEn,
  exportsEn,
  backupsEn,
);
