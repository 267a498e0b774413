/** The reconcile screens' texts. Its keys must match i18n-reconcile.en.ts (the typecheck and a test say so). */
export const expensesReconcileZhCN = {
  expensesReconcile: {
    nav: '报帐核销',
    errors: {
      badState: '报帐核销当前状态（{{status}}）不允许此操作。',
      visitUnderWay: '来宾仍在访（接待进行中），待全部来宾离开、接待完成后才能报帐核销。',
      settled: '该接待的费用已结清，不能再提交；如需更正请联系系统管理员重新打开。',
      alreadySubmitted: '报帐核销已提交，正在审核中，无需重复提交。',
      noLines: '还没有任何费用明细，不能提交报帐核销。',
      blocked: '有 {{n}} 项检查未通过（如缺少票据、发票重复），报帐核销未提交。',
      notSettled: '只有已结清的接待才能归档或重新打开。',
      noApprover: {
        dept_head:
          '无法提交：没有人可以进行“部门负责人确认”——本部门没有在职的部门负责人。请联系系统管理员设置部门负责人后再提交。',
        finance:
          '无法提交：系统中没有可以审核报帐的在职财务人员。请联系系统管理员为财务开通账号（角色“财务”）后再提交。',
        executive: '无法提交：没有可以审批的在职公司领导。',
        admin_office: '无法提交：没有可以备案的在职人事行政部人员。',
      },
    },
    notice: {
      stepApproved: '{{by}} 已确认接待 {{code}}（{{org}}）的报帐核销',
      returned: '接待 {{code}} 的报帐核销被 {{by}} 退回：{{reason}}',
      lineReturned:
        '接待 {{code}} 的报帐核销被 {{by}} 退回（{{vendor}} {{amountFen}}）：{{reason}}',
      reopened: '系统管理员 {{by}} 重新打开了接待 {{code}} 的报帐核销：{{reason}}',
      settled: {
        toReturn:
          '接待 {{code}} 已结清：借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，应退回 {{toReturnFen}}',
        toReimburse:
          '接待 {{code}} 已结清：借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，公司应补付您 {{toReimburseFen}}',
        even: '接待 {{code}} 已结清：借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，无需退补',
      },
    },
    clearing: {
      toReturn: '借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，应退回 {{toReturnFen}}',
      toReimburse: '借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，应补付 {{toReimburseFen}}',
      even: '借款 {{advanceFen}}，公司支付 {{companyPaysFen}}，无需退补',
      cardOwed: '其中公司卡支付的超标部分 {{cardOwedFen}} 由接待负责人自负（已计入应退回）。',
    },
  },
  requestViews: {
    event: {
      reconciliation_submitted: '提交了报帐核销',
      settled: '报帐核销已结清',
      archived: '归档',
      reopened: '重新打开了报帐核销',
    },
  },
};
