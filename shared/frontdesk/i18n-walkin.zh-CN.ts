/**
 * The front desk's walkin screens. Its keys must match i18n-walkin.en.ts (the typecheck and a test say so).
 */
export const frontdeskWalkInZhCN = {
  frontdeskWalkIn: {
    nav: '未预约访客',
  },
};
