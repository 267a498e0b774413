/** The entry screens' texts. Its keys must match i18n-entry.en.ts (the typecheck and a test say so). */
export const expensesEntryZhCN = {
  expensesEntry: {
    nav: '我的报帐',
    errors: {
      attendeesReason:
        '前台登记到访 {{arrived}} 位来宾，人数与此不同时请说明原因（如有人未参加用餐）。',
      bookingNotOfVisit: '所选预订不属于本次接待，或已取消。',
    },
  },
  audit: {
    field: {
      category: '费用类别',
      spentOn: '费用日期',
      amount: '金额（元）',
      exceptionKind: '例外类别',
    },
  },
};
