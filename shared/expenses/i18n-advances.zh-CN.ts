/** The advances screens' texts. Its keys must match i18n-advances.en.ts (the typecheck and a test say so). */
export const expensesAdvancesZhCN = {
  expensesAdvances: {
    nav: '借款发放',
    title: '借款',
    empty: '本次接待还没有借款。',
    limit:
      '借款合计上限：已批准预算 {{budgetFen}} 的 {{sharePct}}%，即 {{limitFen}}；尚可借 {{availableFen}}。',
    ask: '申请借款',
    edit: '修改后重新提交',
    amount: '金额（元）',
    purpose: '用途',
    purposePlaceholder: '例如：接待期间餐费、交通费',
    submit: '提交审批',
    cancel: '撤回',
    cancelConfirm: '撤回借款 {{advance}}（{{amountFen}}）？撤回后审批终止，不能恢复。',
    issue: '发放',
    issueTitle: '发放借款 {{code}}-{{advance}}',
    issuedOn: '发放日期',
    method: '发放方式',
    seq: '借款 {{advance}}',
    requestedBy: '{{name}} 于 {{at}} 申请',
    issuedBy: '{{name}} 于 {{date}} 以{{method}}发放',
    chain: '审批：',
    inboxTag: '借款 {{amount}}',
    page: {
      title: '借款发放',
      toIssue: '待发放',
      outstanding: '已发放未核销',
      emptyToIssue: '没有待发放的借款。',
      emptyOutstanding: '没有已发放未核销的借款。',
      code: '接待编号',
      org: '来访单位',
      host: '接待负责人',
      department: '部门',
      amount: '金额',
      requestedAt: '申请时间',
      issued: '发放',
      actions: '操作',
      more: '加载更多',
      total: '共 {{count}} 笔',
    },
    errors: {
      overShare:
        '借款合计不能超过已批准预算的 {{sharePct}}%（{{limitFen}}）；其他借款已占 {{otherFen}}，本次最多可借 {{availableFen}}。',
      notReturned: '只有被退回的借款可以修改后重新提交。',
      notCancellable: '该借款已发放或已结束，不能撤回。',
      notApproved: '借款尚未审批通过（或已发放），不能发放。',
      issuedInFuture: '发放日期不能晚于今天。',
      visitCancelled: '该接待已取消，不能申请或修改借款。',
      reconciling: '该接待已提交报帐核销，不能再申请或修改借款。',
      noApprover: {
        dept_head:
          '无法提交：没有人可以进行“部门负责人审批”。请联系系统管理员设置部门负责人后再提交。',
        executive: '无法提交：没有可以审批的在职公司领导。请联系系统管理员。',
        admin_office: '无法提交：没有可以备案的在职人事行政部人员。请联系系统管理员。',
        finance:
          '无法提交：系统中没有在职的财务人员可以审批借款。请联系系统管理员为财务开通账号（角色“财务”）后再提交。',
      },
    },
    notices: {
      approved: '借款已批准：{{code}} 借款 {{advance}}（{{amount}}），请等待财务发放。',
      returned: '借款被退回：{{code}} 借款 {{advance}}（{{amount}}），{{by}}：{{reason}}',
      rejected: '借款被驳回：{{code}} 借款 {{advance}}（{{amount}}），{{by}}：{{reason}}',
      cancelled: '{{by}} 撤回了借款：{{code}} 借款 {{advance}}（{{amount}}）',
      issued: '借款已发放：{{code}} 借款 {{advance}}（{{amount}}），发放日期 {{issuedOn}}。',
    },
    policy: {
      advanceShare: '借款上限（占已批准预算的百分比）',
      advanceShareHelp: '一次接待的借款合计不能超过已批准预算的这一比例。',
    },
  },
  // The audit log's labels of what an advance's entries keep.
  audit: {
    field: {
      advance: '借款序号',
      advanceAmount: '借款金额（元）',
      advancePurpose: '借款用途',
      issuedOn: '发放日期',
      issueMethod: '发放方式',
    },
  },
  // The visit's timeline names the advance a decision was about (with its amount).
  requestViews: {
    event: {
      aboutAdvance: '借款 {{advance}}（{{amount}}）',
    },
  },
  // The approval engine's notices about an advance: the advance names itself (its params carry
  // `context: 'advance'`, so i18next reads notifications.approvalTask_advance, …).
  notifications: {
    approvalTask_advance: '待审批借款：接待 {{code}} {{org}} 借款 {{amount}}',
    approvalTransferred_advance: '{{by}} 将接待 {{code}} {{org}} 借款 {{amount}} 的审批转交给您',
    approvalReminder_advance: '{{by}} 催办接待 {{code}} {{org}} 借款 {{amount}} 的审批',
    approvalUnstaffed_advance: '无人可审批接待 {{code}} {{org}} 的借款 {{amount}}，请指派审批人',
  },
};
