import type { frontdeskWatchZhCN } from './i18n-watch.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskWatchEn: Shape<typeof frontdeskWatchZhCN> = {
  frontdeskWatch: {
    nav: 'Watchlist',
    title: 'Watchlist',
    intro:
      'When a request names a listed person or organisation, the admin office is notified; the front desk must give a reason to check them in (audited). Phones and ID numbers are compared normalised; only a keyed hash of an ID number is kept.',
    add: 'Add entry',
    addTitle: 'Add watchlist entry',
    editTitle: 'Edit watchlist entry',
    showAll: 'Show inactive',
    empty: 'No active entries',
    emptyAll: 'The watchlist is empty',
    emptyHint: 'Record people or organisations the front desk must stop here.',
    kind: { person: 'Person', org: 'Organisation' },
    col: {
      kind: 'Kind',
      name: 'Name',
      orgName: 'Organisation',
      phone: 'Phone',
      hasId: 'ID number',
      reason: 'Reason',
      active: 'Status',
      updated: 'Updated',
    },
    idYes: 'On file',
    idNo: '—',
    active: 'Active',
    inactive: 'Inactive',
    field: {
      kind: 'Kind',
      name: 'Name',
      orgName: 'Organisation',
      orgNameHelpPerson:
        'Optional: with a phone or ID given, the same name matches only for this organisation.',
      orgNameHelpOrg:
        'Compared normalised: legal forms such as “Co., Ltd.”, spaces and punctuation do not matter.',
      phone: 'Phone',
      phoneKept: 'Phone {{phone}} on file. Leave empty to keep it, or type one to replace it.',
      idNumber: 'ID number',
      idNumberHelp: 'Only a keyed hash is kept; it is never shown again.',
      idKept: 'ID number on file (not shown). Leave empty to keep it, or type one to replace it.',
      reason: 'Reason',
      reasonHelp: 'The front desk and the admin office see this reason.',
    },
    deactivate: 'Deactivate',
    activate: 'Activate',
    deactivateTitle: 'Deactivate this entry?',
    deactivateBody:
      'Requests and check-ins are no longer matched against it; the entry is kept and can be activated again.',
    activateTitle: 'Activate this entry again?',
    activateBody: 'Requests and check-ins will be matched against it again.',
    saved: 'Watchlist entry saved',
    activated: 'Activated',
    deactivated: 'Deactivated',
    refreshed: 'List refreshed',
    count: '{{count}} entries',
  },
};
