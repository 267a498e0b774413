import type { frontdeskDeskZhCN } from './i18n-desk.zh-CN';
import type { Shape } from '../i18n/shape';

export const frontdeskDeskEn: Shape<typeof frontdeskDeskZhCN> = {
  frontdeskDesk: {
    nav: 'desk',
  },
};
