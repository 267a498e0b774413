import type { expensesReconcileZhCN } from './i18n-reconcile.zh-CN';
import type { Shape } from '../i18n/shape';

/** The reconcile screens' texts, in English. */
export const expensesReconcileEn: Shape<typeof expensesReconcileZhCN> = {
  expensesReconcile: {
    nav: 'Reconciliation',
    errors: {
      badState: 'The reconciliation is {{status}}: this is not possible now.',
      visitUnderWay:
        'Visitors are still on site: the visit can be reconciled once everyone has left and it is completed.',
      settled:
        'The visit’s expenses are settled and cannot be submitted again; ask the system administrator to reopen it for a correction.',
      alreadySubmitted: 'The reconciliation has been submitted and is being reviewed.',
      noLines: 'There are no expense lines yet: nothing to submit.',
      blocked:
        '{{n}} check(s) failed (a missing receipt, an invoice used twice …): the reconciliation was not submitted.',
      notSettled: 'Only a settled visit can be archived or reopened.',
      noApprover: {
        dept_head:
          'Cannot submit: nobody can confirm as department head — the department has no active head. Ask the system administrator to set one, then submit.',
        finance:
          'Cannot submit: there is no active finance officer to verify it. Ask the system administrator to give someone the Finance role, then submit.',
        executive: 'Cannot submit: there is no active executive to approve it.',
        admin_office: 'Cannot submit: there is nobody active in the admin office to file it.',
      },
    },
    notice: {
      stepApproved: '{{by}} confirmed the reconciliation of visit {{code}} ({{org}})',
      returned: 'The reconciliation of visit {{code}} was returned by {{by}}: {{reason}}',
      lineReturned:
        'The reconciliation of visit {{code}} was returned by {{by}} ({{vendor}} {{amountFen}}): {{reason}}',
      reopened:
        'The system administrator {{by}} reopened the reconciliation of visit {{code}}: {{reason}}',
      settled: {
        toReturn:
          'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to return {{toReturnFen}}',
        toReimburse:
          'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, the company owes you {{toReimburseFen}}',
        even: 'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, nothing to return or reimburse',
      },
    },
    clearing: {
      toReturn:
        'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to return {{toReturnFen}}',
      toReimburse:
        'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to reimburse {{toReimburseFen}}',
      even: 'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, nothing to return or reimburse',
      cardOwed:
        'Of that, {{cardOwedFen}} over the cap paid with the company card is borne by the host (included in what to return).',
    },
  },
  requestViews: {
    event: {
      reconciliation_submitted: 'submitted the reconciliation',
      settled: 'the reconciliation was settled',
      archived: 'archived',
      reopened: 'reopened the reconciliation',
    },
  },
};
