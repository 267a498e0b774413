import type { expensesEntryZhCN } from './i18n-entry.zh-CN';
import type { Shape } from '../i18n/shape';

/** The entry screens' texts, in English. */
export const expensesEntryEn: Shape<typeof expensesEntryZhCN> = {
  expensesEntry: {
    nav: '',
  },
};
