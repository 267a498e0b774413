/** The home page. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const homeZhCN = {
  home: {
    welcome: '您好，{{name}}',
    newRequest: '新建接待申请',
    roles: '您的角色：{{roles}}',
    intro: '接待申请、接待标准检查与审批已可使用；资源预订、前台登记与费用核销将在后续版本中开放。',
  },
};
