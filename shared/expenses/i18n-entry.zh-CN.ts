/** The entry screens' texts. Its keys must match i18n-entry.en.ts (the typecheck and a test say so). */
export const expensesEntryZhCN = {
  expensesEntry: {
    nav: '',
  },
};
