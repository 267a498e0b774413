import type { homeZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const homeEn: Shape<typeof homeZhCN> = {
  home: {
    welcome: 'Hello, {{name}}',
    newRequest: 'New reception request',
    roles: 'Your roles: {{roles}}',
    intro:
      'Reception requests, policy checks and approvals are ready; bookings, front-desk registration and expense reconciliation arrive in the next releases.',
  },
};
