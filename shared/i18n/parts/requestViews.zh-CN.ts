/** Strings of the requestViews screens (zh-CN). Keys must match requestViews.en.ts (the typecheck and a test say so). */
export const requestViewsZhCN = {
  title: 'requestViews',
};
