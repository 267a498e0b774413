/** Approvals (their screens' strings are in requestViews). Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const approvalsZhCN = {
  errors: {
    alreadyDecided: '该审批步骤已由 {{by}} 处理，无需重复操作。',
    notYourStep: '您不是该步骤的审批人。',
    stepNotFound: '审批步骤不存在。',
    transferTargetInvalid: '请选择具有相应审批权限的其他人员。',
  },
  stepImpact: {
    title_other: '此变更将转交 {{count}} 个待审批步骤',
    confirm: '确认并转交',
    pool: '任一{{step}}',
    nobody: '无人可审批，将通知管理员',
  },
  ops: {
    approvals: {
      decide: '审批',
      transfer: '转交',
      comment: '评论',
    },
  },
};
