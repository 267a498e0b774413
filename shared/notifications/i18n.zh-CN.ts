/** Notifications: the bell and every notification message. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const notificationsZhCN = {
  notifications: {
    title: '通知',
    empty: '没有新通知',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    open: '打开并标为已读',
    accountLocked: '账户 {{name}}（{{login}}）因连续输错密码被锁定 15 分钟。',
    passwordReset: '{{by}} 重置了您的密码。',
    approvalUnstaffed: '无人可审批：{{code}} {{org}}，请指派审批人',
    approvalReminder: '{{by}} 催办 {{code}} {{org}} 的审批',
    approvalTask: '待审批：{{code}} {{org}}（{{tier}} 类）',
    approvalTransferred: '{{by}} 将 {{code}} {{org}} 的审批转交给您',
    stepApproved: '{{by}} 已审批通过 {{code}}',
    requestApproved: '{{code}} {{org}} 已审批通过，待人事行政部备案',
    requestFiled: '{{code}} {{org}} 已备案',
    requestRejected: '{{by}} 驳回了 {{code}} {{org}}：{{reason}}',
    requestReturned: '{{by}} 退回了 {{code}} {{org}}，请修改：{{reason}}',
    requestCancelled: '{{by}} 取消了接待 {{code}} {{org}}',
  },
  ops: {
    notifications: {
      markRead: '通知已读',
      markAllRead: '全部通知已读',
    },
  },
};
