/** Approval delegation (the page's strings are in requestAdmin.delegations). Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const delegationsZhCN = {
  errors: {
    delegateSelf: '不能委托给自己。',
    delegateNotApprover: '受托人必须是部门负责人、公司领导或人事行政部人员。',
    delegationTooLong: '委托期限最长 {{max}} 天（含起止日），请缩短。',
  },
  ops: {
    delegations: {
      create: '设置委托',
      revoke: '撤销委托',
    },
  },
};
