/** The finance screens' texts. Its keys must match i18n-finance.en.ts (the typecheck and a test say so). */
export const expensesFinanceZhCN = {
  expensesFinance: {
    nav: '',
  },
};
