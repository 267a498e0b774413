/** System settings. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const settingsZhCN = {
  settings: {
    title: '系统设置',
    companyName: '公司名称',
    timeZone: '公司时区',
    timeZoneHint: '日期按此时区计算，而非本机时区。',
    idleLockMinutes: '空闲锁屏（分钟）',
    idleHint: '前台共用电脑无操作达到此时间后，需重新输入密码。',
    reimbursementDays: '报销提交期限（天）',
    reimbursementHint: '接待结束后多少天内提交报销；到期时提醒接待负责人。',
  },
  validation: { reimbursementRange: '请输入 1 到 90 天。' },
  audit: { field: { reimbursementDays: '报销提交期限（天）' } },
  ops: {
    settings: {
      update: '修改设置',
    },
  },
};
