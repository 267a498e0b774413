import type { requestFormZhCN } from './requestForm.zh-CN';
import type { Shape } from '../shape';

export const requestFormEn: Shape<typeof requestFormZhCN> = {
  title: 'requestForm',
};
