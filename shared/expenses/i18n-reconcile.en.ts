import type { expensesReconcileZhCN } from './i18n-reconcile.zh-CN';
import type { Shape } from '../i18n/shape';

/** The reconcile screens' texts, in English. */
export const expensesReconcileEn: Shape<typeof expensesReconcileZhCN> = {
  expensesReconcile: {
    nav: '',
  },
};
