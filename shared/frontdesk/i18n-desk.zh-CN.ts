/**
 * The front desk's desk screens. Its keys must match i18n-desk.en.ts (the typecheck and a test say so).
 */
export const frontdeskDeskZhCN = {
  frontdeskDesk: {
    nav: '前台',
  },
};
