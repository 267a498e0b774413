import type { frontdeskZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';
import { frontdeskDeskEn } from './i18n-desk.en';
import { frontdeskWalkInEn } from './i18n-walkin.en';
import { frontdeskWatchEn } from './i18n-watch.en';
import { frontdeskPrivacyEn } from './i18n-privacy.en';

export const frontdeskEn: Shape<typeof frontdeskZhCN> = {
  ...frontdeskDeskEn,
  ...frontdeskWalkInEn,
  ...frontdeskWatchEn,
  ...frontdeskPrivacyEn,
  frontdesk: {
    notice: {
      guestsArrived: '{{count}} visitors of {{code}} {{org}} are at the front desk',
      walkInWaiting: 'A visitor without appointment ({{org}}) asks for you: receive them?',
      walkInAccepted: '{{host}} will receive the visitor without appointment ({{org}})',
      walkInDeclined: '{{host}} declined the visitor without appointment ({{org}})',
      walkInHostGone:
        'The host’s account was disabled: the visitor without appointment ({{org}}) cannot be received by him; call his department',
      watchMatch: 'A visitor of {{code}} {{org}} matches the watchlist: please check',
    },
    errors: {
      badgeFormat: 'A badge number has 1–10 letters, digits or dashes.',
      idLast4: 'Only the last 4 characters (letters or digits) of an ID are recorded.',
      noGuests: 'Choose at least one visitor.',
      requestOrWalkIn: 'Choose one reception or one visitor without appointment.',
      badgeTwice: 'The same badge cannot go to two visitors.',
      retentionRange: 'Keep personal data between 30 and 3650 days.',
      noHost: 'Choose whom the visitor came to see: a walk-in needs a host.',
      watchPersonEmpty: 'Give at least a name, a phone or an ID number.',
      visitNotFound: 'The reception does not exist or was never submitted.',
      noSuchVisitor: 'This visitor is not on the reception’s list. Refresh and try again.',
      consentRequired: 'The visitor must acknowledge the privacy notice before checking in.',
      notApproved:
        'Reception {{code}} is not approved or was cancelled: give a reason to let them in anyway.',
      notToday: 'Reception {{code}} is not due today: give a reason to check in anyway.',
      watchMatch:
        '{{count}} watchlist matches: give a reason to let them in anyway (it is audited).',
      alreadyIn: '{{name}} is already checked in and has not left.',
      badgeInUse: 'Badge {{badge}} is in use. Choose another number.',
      neverCheckedIn: 'This visitor has not checked in, so cannot check out.',
      alreadyLeft: '{{name}} has already checked out.',
      leftInFuture: 'The check-out time cannot be later than now.',
      leftBeforeArrival: 'The check-out time cannot be before {{name}} arrived.',
      walkInNotAccepted: 'The host has not agreed to receive this visitor yet.',
      walkInNotFound: 'This walk-in does not exist.',
      walkInDraft:
        'This retroactive request records a visit that took place and cannot be deleted: complete and submit it.',
      walkInAnswered: 'This visitor has been answered already (perhaps just now). Refresh.',
      notYourWalkIn: 'Only the person visited may answer.',
      hostDisabled: 'That account is disabled. Choose someone else.',
      watchNotFound: 'This watchlist entry does not exist.',
      staleWatch: 'Someone just changed this entry. Refresh and try again.',
    },
  },
  entities: {
    frontdesk_visit: 'Front desk check-in',
    frontdesk_settings: 'Front desk settings',
    frontdesk_walk_in: 'Walk-in visitor',
    frontdesk_retention: 'Visitor data retention',
    frontdesk_watch: 'Watchlist',
  },
  audit: {
    field: {
      day: 'Day',
      seqs: 'Visitor numbers',
      badges: 'Badges',
      overrideReason: 'Override reason',
      watchIds: 'Watchlist entries',
      watchOverrideReason: 'Watchlist override reason',
      guestIds: 'Check-in records',
      leftAtMs: 'Check-out time',
      codes: 'Receptions',
      noticeEnabled: 'Privacy notice at check-in',
      noticeVersion: 'Notice version',
      retentionDays: 'Days personal data is kept',
      accept: 'Accepted',
      hostUserId: 'Host',
      requestId: 'Retroactive request',
      anonymised: 'Visitors anonymised',
      keptFrom: 'Kept in full from',
    },
  },
  ops: {
    frontdesk: {
      checkIn: 'Check visitors in',
      checkOut: 'Check visitors out',
      saveSettings: 'Change front desk settings',
      retention: 'Anonymise expired visitor data',
      registerWalkIn: 'Register a walk-in',
      answerWalkIn: 'Answer a walk-in',
      saveWatch: 'Save a watchlist entry',
      setWatchActive: 'Enable or disable a watchlist entry',
    },
  },
};
