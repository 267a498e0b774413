import { DEFAULT_RETENTION_DAYS } from './rules';
import type { FrontdeskSettings } from './views';

/**
 * The privacy notice a visitor acknowledges at check-in (个人信息保护法 art. 17: who processes
 * what, why, how long, and the visitor's rights). The admin office may rewrite it; each text is a
 * version, and each acknowledgement records the version it saw.
 */
export const DEFAULT_NOTICE_ZH =
  '为办理来访登记、安全管理和接待安排，本公司将收集您的姓名、单位、联系电话及证件类型和后四位。' +
  '上述信息仅用于本次来访，不会向第三方提供，访问结束 180 天后自动匿名化处理。' +
  '您可以向前台或行政办公室查询、更正或要求删除您的信息。';
export const DEFAULT_NOTICE_EN =
  'To register your visit, keep the premises safe and arrange your reception, we record your ' +
  'name, organisation, phone number and the type and last four characters of your ID. They are ' +
  'used for this visit only, never passed to third parties, and anonymised 180 days after the ' +
  'visit ends. You may ask the front desk or the admin office to see, correct or delete them.';

export const DEFAULT_FRONTDESK_SETTINGS: FrontdeskSettings = {
  noticeEnabled: true,
  noticeZh: DEFAULT_NOTICE_ZH,
  noticeEn: DEFAULT_NOTICE_EN,
  noticeVersion: 1,
  retentionDays: DEFAULT_RETENTION_DAYS,
};
