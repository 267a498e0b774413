import type { frontdeskWalkInZhCN } from './i18n-walkin.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskWalkInEn: Shape<typeof frontdeskWalkInZhCN> = {
  frontdeskWalkIn: {
    nav: 'walkin',
  },
};
