/** Strings of the requestForm screens (zh-CN). Keys must match requestForm.en.ts (the typecheck and a test say so). */
export const requestFormZhCN = {
  title: 'requestForm',
};
