/**
 * The front desk's watch screens. Its keys must match i18n-watch.en.ts (the typecheck and a test say so).
 */
export const frontdeskWatchZhCN = {
  frontdeskWatch: {
    nav: '黑名单',
  },
};
