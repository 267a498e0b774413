import { requestFormEn } from './i18n/requestForm.en';
import { requestViewsEn } from './i18n/requestViews.en';
import { requestAdminEn } from './i18n/requestAdmin.en';
import type { requestsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const requestsEn: Shape<typeof requestsZhCN> = {
  requestForm: requestFormEn,
  requestViews: requestViewsEn,
  requestAdmin: requestAdminEn,
  errors: {
    requestNotFound: 'The request does not exist, or you may not see it.',
    notYourRequest: 'Only the host may change this request.',
    notEditable: 'The request cannot be changed in its current state.',
    notDeletable:
      'Only a draft that was never submitted can be deleted; cancel a submitted request instead.',
    staleRequest: 'Someone else changed this request. Reload it and try again.',
    badTransition: 'This is not possible in the current state.',
    policyBlocks_one: '{{count}} policy check did not pass. The request was not submitted.',
    policyBlocks_other: '{{count}} policy checks did not pass. The request was not submitted.',
    notYourDepartment: 'You can file requests for your own department only.',
    noApprover: {
      dept_head:
        'Cannot submit: nobody can give the department head approval. Your department has no active head, and there is no other active department head. Ask the system administrator to set a department head, then submit again.',
      executive:
        'Cannot submit: this request needs an executive to approve it, but there is no active executive. Ask the system administrator to set up an account with the Executive role, then submit again.',
      admin_office:
        'Cannot submit: this request must be filed with the admin office, but nobody in the admin office has an active account. Ask the system administrator to set up an account with the Admin office role, then submit again.',
    },
    noApproverDraftSaved: {
      dept_head:
        '$t(errors.noApprover.dept_head) What you entered has been saved; the request is not submitted yet.',
      executive:
        '$t(errors.noApprover.executive) What you entered has been saved; the request is not submitted yet.',
      admin_office:
        '$t(errors.noApprover.admin_office) What you entered has been saved; the request is not submitted yet.',
    },
  },
  ops: {
    requests: {
      saveDraft: 'Save draft',
      submit: 'Submit request',
      cancel: 'Cancel request',
      deleteDraft: 'Delete draft',
    },
  },
};
