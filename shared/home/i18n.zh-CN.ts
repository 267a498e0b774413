/** The home page. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const homeZhCN = {
  home: {
    welcome: '您好，{{name}}',
    newRequest: '新建接待申请',
    roleSeparator: '、',
    all: '查看全部',
    host: {
      title: '我的接待',
      drafts: '草稿',
      returned: '被退回待修改',
      returnedHint: '修改后重新提交',
      upcoming: '即将到访',
      upcomingList: '即将到访的接待',
      noUpcoming: '近期没有已批准的接待。',
      toReconcile: '待报帐',
      toReconcileHint: '接待已结束，请登记费用并提交核销',
    },
    approver: {
      title: '审批',
      waiting: '待我审批',
      oldest: '最早一件{{age}}',
      toFile: '待备案',
      waitingList: '等待我审批',
      none: '没有等待您审批的申请。',
      recent: '最近处理',
    },
    office: {
      title: '人事行政部',
      week: '本周到访',
      weekHint: '已批准、已备案的接待',
    },
    admin: {
      title: '系统管理',
      locked: '已锁定的账户',
      lockedHint: '连续输错密码被锁定',
    },
  },
};
