import type { expensesEntryZhCN } from './i18n-entry.zh-CN';
import type { Shape } from '../i18n/shape';

/** The entry screens' texts, in English. */
export const expensesEntryEn: Shape<typeof expensesEntryZhCN> = {
  expensesEntry: {
    nav: 'My expenses',
    errors: {
      attendeesReason:
        'The front desk recorded {{arrived}} visitors arriving: say why the number here differs (someone skipped the meal, for instance).',
      bookingNotOfVisit: 'The chosen booking is not one of this visit’s, or it was cancelled.',
    },
  },
  audit: {
    field: {
      category: 'Category',
      spentOn: 'Date of the expense',
      amount: 'Amount (CNY)',
      exceptionKind: 'Exception',
    },
  },
};
