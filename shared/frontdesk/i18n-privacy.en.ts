import type { frontdeskPrivacyZhCN } from './i18n-privacy.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskPrivacyEn: Shape<typeof frontdeskPrivacyZhCN> = {
  frontdeskPrivacy: {
    nav: 'privacy',
  },
};
