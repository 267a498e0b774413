import type { notificationsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const notificationsEn: Shape<typeof notificationsZhCN> = {
  notifications: {
    title: 'Notifications',
    empty: 'No new notifications',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    open: 'Open and mark as read',
    accountLocked: 'Account {{name}} ({{login}}) was locked for 15 minutes after wrong passwords.',
    passwordReset: '{{by}} reset your password.',
    approvalUnstaffed: 'Nobody can approve {{code}} {{org}}: assign an approver',
    approvalReminder: '{{by}} asks you to decide on {{code}} {{org}}',
    approvalTask: 'To approve: {{code}} {{org}} (tier {{tier}})',
    approvalTransferred: '{{by}} passed the approval of {{code}} {{org}} to you',
    stepApproved: '{{by}} approved {{code}}',
    requestApproved: '{{code}} {{org}} is approved and awaits filing by the admin office',
    requestFiled: '{{code}} {{org}} is filed',
    requestRejected: '{{by}} rejected {{code}} {{org}}: {{reason}}',
    requestReturned: '{{by}} returned {{code}} {{org}} for revision: {{reason}}',
    requestCancelled: '{{by}} cancelled the reception {{code}} {{org}}',
  },
  ops: {
    notifications: { markRead: 'Read notifications', markAllRead: 'Read all notifications' },
  },
};
