/**
 * Post-visit money: the vocabulary every area shares (statuses, kinds, checks, errors, the audit's
 * and the operations' labels). Its keys must match i18n.en.ts. The screens' texts live in area
 * parts (`expensesEntry`, `expensesAdvances`, `expensesReconcile`, `expensesFinance`), one
 * top-level key each, spread in here.
 */
import { expensesAdvancesZhCN } from './i18n-advances.zh-CN';
import { expensesEntryZhCN } from './i18n-entry.zh-CN';
import { expensesFinanceZhCN } from './i18n-finance.zh-CN';
import { expensesReconcileZhCN } from './i18n-reconcile.zh-CN';
import { mergeCatalogs } from '../i18n/merge';

const common = {
  expensesHome: {
    title: '财务',
    toVerify: '待我审核的报帐',
    toIssue: '待发放的借款',
    outstanding: '未结清的借款',
  },
  expenses: {
    invoiceType: {
      vat_special: '增值税专用发票',
      vat_ordinary: '增值税普通发票',
      electronic: '电子发票',
      none: '无发票',
    },
    paidBy: {
      company_card: '公司卡支付',
      advance: '借款支付',
      host: '个人垫付',
      visitor: '来宾自付',
    },
    issueMethod: { cash: '现金', bank_transfer: '银行转账' },
    exceptionKind: {
      over_cap: '超标准例外',
      outside_process: '流程外费用例外',
      lodging: '公司承担住宿',
    },
    advanceStatus: {
      approving: '审批中',
      approved: '已批准待发放',
      issued: '已发放',
      cleared: '已核销',
      returned: '已退回',
      rejected: '已驳回',
      cancelled: '已撤回',
    },
    reconciliationStatus: {
      open: '待报帐',
      approving: '审核中',
      returned: '已退回',
      settled: '已结清',
    },
    hostBears: {
      over_cap: '超标自负',
      outside_process: '流程外费用，不予报销',
      lodging: '未经批准的住宿，不予报销',
    },
    checks: {
      over_cap:
        '人均 {{perHeadFen}}，超出本级标准 {{capFen}}；超标部分 {{overFen}} 由接待负责人自负。',
      over_canteen:
        '人均 {{perHeadFen}}，超出员工食堂标准 {{capFen}}；超出部分 {{overFen}} 由接待负责人自负。',
      no_receipt: '缺少票据：请上传发票或收据的照片/PDF。',
      duplicate_invoice: '发票号已在其他费用中使用（{{codes}}），同一张发票不能重复报销。',
      outside_visit_dates:
        '费用日期不在接待期间（{{fromDate}} 至 {{toDate}}，前后各放宽 1 天）内。',
      outside_process: '该类别不在已批准的预算内（流程外安排的费用），不予报销，除非公司领导特批。',
      lodging_not_approved: '申请未批准公司承担住宿，住宿费不予报销，除非公司领导特批。',
      attendees_changed: '前台登记到访 {{arrived}} 位来宾，此处填写 {{entered}} 位。',
      no_lines: '还没有任何费用明细。',
      line_returned: '财务退回了一笔费用，请修改后再提交。',
      supplies_not_returned: '有接待物资尚未登记归还，请先由行政登记归还情况。',
      advance_not_issued: '有已批准但尚未发放的借款。',
      over_budget: '实际支出 {{actualFen}} 超出预算 {{budgetFen}}。',
    },
    errors: {
      amountPositive: '金额必须大于 0。',
      noAttendees: '用餐/参加人数至少为 1 人。',
      noInvoiceReason: '没有发票时请说明原因。',
      invoiceNoRequired: '请填写发票号码。',
      visitNotFound: '接待不存在，或您无权查看其费用。',
      lineNotFound: '费用明细不存在或已删除。',
      advanceNotFound: '借款不存在。',
      staleLine: '该费用刚被修改，请刷新后再试。',
      staleAdvance: '该借款刚被修改，请刷新后再试。',
      staleReconciliation: '报帐单刚被修改，请刷新后再试。',
      notEditable: '该接待的费用当前不能修改（已提交审核、已结清或已归档）。',
      notHost: '只有接待负责人本人可以登记费用和借款。',
      visitNotApproved: '接待尚未审批通过，不能登记费用或申请借款。',
      ownException: '不能为自己接待的费用特批例外，请由其他公司领导审批。',
      periodTooLong: '统计期间最长 10 年。',
      archived: '该接待已归档，只读；如需更正请联系系统管理员重新打开。',
    },
  },
  entities: {
    // An advance as the approval engine names it (its decisions' audit entries).
    advance: '借款',
    expense_line: '费用明细',
    expense_advance: '借款',
    expense_reconciliation: '报帐核销',
  },
  ops: {
    expenses: {
      saveAdvance: '申请借款',
      cancelAdvance: '撤回借款',
      issueAdvance: '发放借款',
      saveLine: '保存费用明细',
      deleteLine: '删除费用明细',
      grantException: '特批费用例外',
      submit: '提交报帐核销',
      returnLine: '退回费用明细',
      archive: '归档接待',
      reopen: '重新打开已结清接待',
    },
    exports: {
      start: '导出',
    },
  },
};

// The area parts merge section by section (two parts may both add to `audit` or `entities`; the
// same message twice throws), rather than spread, where a later part would drop an earlier one's.
export const expensesZhCN = mergeCatalogs(
  expensesEntryZhCN,
  expensesAdvancesZhCN,
  expensesReconcileZhCN,
  expensesFinanceZhCN,
  common,
);
