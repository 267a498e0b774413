/** Approvals (their screens' strings are in requestViews). Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const approvalsZhCN = {
  errors: {
    alreadyDecided: '该审批步骤已由 {{by}} 处理，无需重复操作。',
    notYourStep: '您不是该步骤的审批人。',
    stepNotFound: '审批步骤不存在。',
    transferTargetInvalid: '请选择具有相应审批权限的其他人员。',
    reassignTargetInvalid: '请选择具有该步骤审批角色的在职人员（不能是申请人本人）。',
  },
  unstaffed: {
    title: '无人可审批',
    empty: '所有待审批步骤都有人可以处理。',
    request: '申请',
    step: '步骤',
    assignee: '原审批人',
    since: '等待自',
    pool: '任一{{step}}（无人）',
    reassign: '改派',
    reassignTitle: '改派 {{code}} 的{{step}}',
    to: '改派给',
    reason: '改派原因',
    done: '已改派',
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
      reassign: '改派',
    },
  },
};
