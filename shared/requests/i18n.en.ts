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
    staleRequest: 'Someone else changed this request. Reload it and try again.',
    badTransition: 'This is not possible in the current state.',
    policyBlocks_one: '{{count}} policy check did not pass. The request was not submitted.',
    policyBlocks_other: '{{count}} policy checks did not pass. The request was not submitted.',
    notYourDepartment: 'You can file requests for your own department only.',
  },
  ops: {
    requests: { saveDraft: 'Save draft', submit: 'Submit request', cancel: 'Cancel request' },
  },
};
