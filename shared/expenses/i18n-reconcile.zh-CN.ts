/** The reconcile screens' texts. Its keys must match i18n-reconcile.en.ts (the typecheck and a test say so). */
export const expensesReconcileZhCN = {
  expensesReconcile: {
    nav: '',
  },
};
