import type { frontdeskWatchZhCN } from './i18n-watch.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskWatchEn: Shape<typeof frontdeskWatchZhCN> = {
  frontdeskWatch: {
    nav: 'watch',
  },
};
