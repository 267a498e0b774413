import { defineNames } from '../contract/define';

/**
 * The front desk (issue 11): today's board of expected visitors, check-in and check-out, walk-ins
 * the host accepts or declines, who is on site now, badges, the watchlist, the visitor directory,
 * the privacy notice and how long visitors' personal data is kept.
 */
export const frontdeskNames = defineNames({
  operations: [
    'frontdesk.board',
    'frontdesk.checkIn',
    'frontdesk.checkOut',
    'frontdesk.onSite',
    'frontdesk.settings',
    'frontdesk.saveSettings',
    'frontdesk.registerWalkIn',
    'frontdesk.walkIns',
    'frontdesk.walkIn',
    'frontdesk.answerWalkIn',
    'frontdesk.myWalkIns',
    'frontdesk.hosts',
    'frontdesk.watchlist',
    'frontdesk.saveWatch',
    'frontdesk.setWatchActive',
    'frontdesk.suggestVisitors',
  ],
  /** Something on a day's board changed (an arrival, a departure, a walk-in and its answer). */
  events: ['frontdesk.changed'],
  permissions: [
    /** The board, check-in and check-out, walk-ins, the on-site list, badges. */
    'frontdesk.desk',
    /** Keep the watchlist of blocked people and organisations. */
    'frontdesk.watch',
    /** The privacy notice shown at check-in and the retention period. */
    'frontdesk.configure',
  ],
  grants: {
    front_desk: ['frontdesk.desk'],
    admin_office: ['frontdesk.desk', 'frontdesk.watch', 'frontdesk.configure'],
    sysadmin: ['frontdesk.configure'],
  },
});
