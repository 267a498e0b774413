import type { homeZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const homeEn: Shape<typeof homeZhCN> = {
  home: {
    welcome: 'Hello, {{name}}',
    newRequest: 'New reception request',
    roleSeparator: ', ',
    all: 'View all',
    host: {
      title: 'My receptions',
      drafts: 'Drafts',
      returned: 'Returned for changes',
      returnedHint: 'Change and submit again',
      upcoming: 'Coming up',
      upcomingList: 'Visits coming up',
      noUpcoming: 'No approved visit coming up.',
      toReconcile: 'To reconcile',
      toReconcileHint: 'The visit is over: enter its spend and submit it',
    },
    approver: {
      title: 'Approvals',
      waiting: 'Waiting for me',
      oldest: 'Oldest: {{age}}',
      toFile: 'To file',
      waitingList: 'Waiting for my approval',
      none: 'Nothing waits for your approval.',
      recent: 'Recently decided',
    },
    office: {
      title: 'Admin office',
      week: 'Visits this week',
      weekHint: 'Approved and filed receptions',
    },
    admin: {
      title: 'Administration',
      locked: 'Locked accounts',
      lockedHint: 'Locked after mistyped passwords',
    },
  },
};
