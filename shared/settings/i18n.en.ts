import type { settingsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const settingsEn: Shape<typeof settingsZhCN> = {
  settings: {
    title: 'Settings',
    companyName: 'Company name',
    timeZone: 'Company time zone',
    timeZoneHint: "Dates are computed in this time zone, not the computer's.",
    idleLockMinutes: 'Idle lock (minutes)',
    idleHint:
      'After this long without activity the shared front-desk computer asks for the password again.',
    reimbursementDays: 'Reimbursement deadline (days)',
    reimbursementHint:
      'Days after the visit by which the host submits the reimbursement; he is reminded when it is due.',
  },
  validation: { reimbursementRange: 'Enter 1 to 90 days.' },
  audit: { field: { reimbursementDays: 'Reimbursement deadline (days)' } },
  ops: {
    settings: { update: 'Update settings' },
  },
};
