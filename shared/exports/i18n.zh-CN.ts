/** Exports' texts (the export button, its progress, the files' headers). Keys match i18n.en.ts. */
export const exportsZhCN = {
  exports: {
    button: '导出',
  },
};
