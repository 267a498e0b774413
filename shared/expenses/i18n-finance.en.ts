import type { expensesFinanceZhCN } from './i18n-finance.zh-CN';
import type { Shape } from '../i18n/shape';

/** The finance screens' texts, in English. */
export const expensesFinanceEn: Shape<typeof expensesFinanceZhCN> = {
  expensesFinance: {
    nav: '',
  },
};
