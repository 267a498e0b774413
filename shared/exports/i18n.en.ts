import type { Shape } from '../i18n/shape';
import type { exportsZhCN } from './i18n.zh-CN';

export const exportsEn: Shape<typeof exportsZhCN> = {
  exports: {
    button: 'Export',
  },
};
