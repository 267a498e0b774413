/** The advances screens' texts. Its keys must match i18n-advances.en.ts (the typecheck and a test say so). */
export const expensesAdvancesZhCN = {
  expensesAdvances: {
    nav: '',
  },
};
