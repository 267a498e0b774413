import type { frontdeskPrivacyZhCN } from './i18n-privacy.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskPrivacyEn: Shape<typeof frontdeskPrivacyZhCN> = {
  frontdeskPrivacy: {
    nav: 'Privacy',
    title: 'Visitor privacy',
    intro:
      'Under the Personal Information Protection Law the front desk tells visitors at check-in what is recorded, why and for how long; personal data kept past the retention period after a visit ends is anonymised by a daily job.',
    notice: {
      title: 'Check-in notice',
      enabled: 'Visitors must acknowledge the notice at check-in',
      enabledHint:
        'When on, a visitor is checked in only after acknowledging the notice; the time and the notice version are recorded.',
      version: 'Current version: {{version}}',
      versionNext: 'Saving makes it version {{version}}',
      zh: 'Notice (Chinese)',
      en: 'Notice (English)',
      previewZh: 'Preview in Chinese (as the visitor sees it)',
      previewEn: 'Preview in English (as the visitor sees it)',
      previewEmpty: '(empty)',
      restore: 'Restore the default text',
      restoreConfirm:
        'Replace the notice in both languages with the default text? Changes not saved are lost.',
    },
    retention: {
      title: 'Retention',
      days: 'Days kept after the visit ends',
      daysUnit: 'days',
      hint: 'From 30 to 3650 days; 180 by default.',
      effect:
        'After that, visitors’ names, titles, phone numbers, ID details and notes are anonymised (shown as “访客 1” and so on); head counts, costs and booking amounts stay for finance.',
      cutoff:
        'With this setting, visits that ended before {{date}} are anonymised by the next daily run.',
    },
    confirm: {
      title: 'Save the privacy settings?',
      noticeOff: 'Visitors will no longer be asked to acknowledge the notice at check-in.',
      shorter:
        'The retention period goes from {{from}} to {{to}} days: visits that ended before {{date}} will be anonymised, for good.',
      newVersion:
        'The notice text changed and becomes version {{version}}; visitors checked in from now on acknowledge the new version.',
      ok: 'Save',
    },
    unsaved: 'Unsaved changes',
  },
};
