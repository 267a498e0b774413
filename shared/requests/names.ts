import { defineNames } from '../contract/define';

export const requestsNames = defineNames({
  operations: [
    'requests.preview',
    'requests.saveDraft',
    'requests.submit',
    'requests.cancel',
    'requests.deleteDraft',
    'requests.get',
    'requests.list',
  ],
  events: [],
  permissions: [
    /** File reception requests as their host. */
    'requests.create',
    /** See every request, not only one's own or those one approves. */
    'requests.readAll',
  ],
  grants: {
    host: ['requests.create'],
    executive: ['requests.readAll'],
    admin_office: ['requests.readAll'],
    finance: ['requests.readAll'],
  },
});
