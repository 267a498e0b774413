/** Strings of the requestAdmin screens (zh-CN). Keys must match requestAdmin.en.ts (the typecheck and a test say so). */
export const requestAdminZhCN = {
  title: 'requestAdmin',
};
