import type { expensesAdvancesZhCN } from './i18n-advances.zh-CN';
import type { Shape } from '../i18n/shape';

/** The advances screens' texts, in English. */
export const expensesAdvancesEn: Shape<typeof expensesAdvancesZhCN> = {
  expensesAdvances: {
    nav: '',
  },
};
