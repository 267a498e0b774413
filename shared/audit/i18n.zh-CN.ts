/** The audit log. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const auditZhCN = {
  audit: {
    title: '审计日志',
    time: '时间',
    actor: '操作人',
    onBehalfOf: '代 {{name}}',
    operation: '操作',
    entity: '对象',
    summary: '内容',
    filterOperation: '操作类型',
    filterText: '搜索内容',
    dateRange: '日期范围',
    system: '系统',
    empty: '没有符合条件的记录',
  },
};
