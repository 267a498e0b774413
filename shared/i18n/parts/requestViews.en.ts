import type { requestViewsZhCN } from './requestViews.zh-CN';
import type { Shape } from '../shape';

export const requestViewsEn: Shape<typeof requestViewsZhCN> = {
  title: 'requestViews',
};
