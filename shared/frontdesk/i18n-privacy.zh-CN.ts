/**
 * The front desk's privacy screens. Its keys must match i18n-privacy.en.ts (the typecheck and a test say so).
 */
export const frontdeskPrivacyZhCN = {
  frontdeskPrivacy: {
    nav: '个人信息',
  },
};
